/** A form's own words for a service error. Pure: used by the forms and the unit tests. */
import { isApiError } from '../../api';

/** Message keys for a service error: by "CODE:serviceField", or by "CODE". */
export type ServiceMessages = Readonly<Record<string, string>>;

export function specificKey(error: unknown, messages: ServiceMessages): string | null {
  if (!isApiError(error)) return null;
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  return messages[`${error.code}:${field}`] ?? messages[error.code] ?? null;
}
