import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../db/errors';
import { isApiError } from '../api';
import { formatMoment, type DateStyle } from './dates';

export interface ErrorTextOptions {
  /** Policy minimum, for WEAK_PASSPHRASE when the service did not say. */
  minLength?: number;
  /** Lockout end from the session status, for LOCKED_OUT when the error carries none. */
  lockedUntil?: string | null;
  dateStyle: DateStyle;
  /** Message keys that replace the generic one for this form (e.g. the current-passphrase check). */
  overrides?: Partial<Record<ErrorCode, string>>;
}

function detail(e: { details?: Record<string, unknown> | undefined }, ...names: string[]): unknown {
  for (const name of names) {
    const v = e.details?.[name];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** A sentence for a person, in the current language, for any thrown value. */
export function errorText(t: TFunction, error: unknown, opts: ErrorTextOptions): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  const override = opts.overrides?.[error.code];
  if (override) return t(override);
  switch (error.code) {
    case 'LOCKED_OUT': {
      const until = detail(error, 'lockedUntil', 'until') ?? opts.lockedUntil;
      if (typeof until !== 'string') return t('errorVariants.LOCKED_OUT_unknown');
      return t('errors.LOCKED_OUT', { time: formatMoment(until, opts.dateStyle, new Date()) });
    }
    case 'WEAK_PASSPHRASE': {
      const min = detail(error, 'minLength', 'min') ?? opts.minLength;
      if (typeof min !== 'number') return t('errorVariants.WEAK_PASSPHRASE_unknown');
      return t('errors.WEAK_PASSPHRASE', { min });
    }
    default:
      // A code newer than this renderer still gets a sentence rather than a raw key.
      return t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
  }
}
