/** Client-side checks that mirror the contract, so people get field-level messages before a call. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/u;

export function normalizeLogin(value: string): string {
  return value.trim().toLowerCase();
}

export function isValidLogin(value: string): boolean {
  return LOGIN_PATTERN.test(normalizeLogin(value));
}

export type PassphraseProblem = 'required' | 'tooShort' | 'mismatch' | null;

export function passphraseProblem(passphrase: string, confirm: string | null, minLength: number): PassphraseProblem {
  if (passphrase.length === 0) return 'required';
  if (Array.from(passphrase).length < minLength) return 'tooShort';
  if (confirm !== null && confirm !== passphrase) return 'mismatch';
  return null;
}

/** Splits a recovery code into the groups it is shown in: its own dashes, else blocks of four. */
export function groupRecoveryCode(code: string): string[] {
  const trimmed = code.trim();
  const parts = trimmed.split(/[-\s]+/u).filter(Boolean);
  if (parts.length > 1) return parts;
  return trimmed.match(/.{1,4}/gu) ?? [];
}
