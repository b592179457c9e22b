import type { Route } from '../shell/pages';

/**
 * Completing enrolment turns the laptop's local user into the office's officer: the session's user
 * changes and the app frame mounts afresh. This carries the one sentence to say and the page to
 * land on across that remount (in memory only; nothing of a case).
 */
let pending: { notice: string } | null = null;

export function handOffAfterEnrolment(notice: string): void {
  pending = { notice };
}

/** The page the next app frame starts on: the Sync page right after enrolment. */
export function startRoute(): Route | null {
  return pending ? { page: 'sync' } : null;
}

/** The notice handed over, once. */
export function takeHandOffNotice(): string | null {
  const n = pending?.notice ?? null;
  pending = null;
  return n;
}
