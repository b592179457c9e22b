/** Which form field a service error points at. Pure: used by the forms and the unit tests. */

interface WithDetails {
  details?: Record<string, string | number | boolean | null> | undefined;
}

/**
 * The form field named by a service error's details.field, looked up in `fields` (service name →
 * form field). A nested input path ("contact.date", "recurrence.count") is tried whole, then by its
 * last part. Null when the error names no field the form shows: it is then shown above the buttons.
 */
export function fieldOfError<F extends string>(error: unknown, fields: Readonly<Record<string, F>>): F | null {
  if (typeof error !== 'object' || error === null) return null;
  const raw = (error as WithDetails).details?.field;
  if (typeof raw !== 'string' || raw === '') return null;
  if (Object.prototype.hasOwnProperty.call(fields, raw)) return fields[raw]!;
  const parts = raw.split('.');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('.');
    if (Object.prototype.hasOwnProperty.call(fields, tail)) return fields[tail]!;
  }
  return null;
}
