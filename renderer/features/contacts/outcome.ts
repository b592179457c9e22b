import type { ContactOutcome } from '../../../db/contract';

export type Attendance = 'held' | 'missed';
export type MissedReason = 'acceptable' | 'unacceptable';

/** The outcome to record, or null while a missed contact's reason has not been chosen. */
export function toOutcome(attendance: Attendance, reason: MissedReason | null): ContactOutcome | null {
  if (attendance === 'held') return 'held';
  if (reason === null) return null;
  return reason === 'acceptable' ? 'missed_acceptable' : 'missed_unacceptable';
}

/** Number keys 1–9 pick the option at that position, when there is one. */
export function optionForDigit<T>(key: string, options: readonly T[]): T | null {
  if (!/^[1-9]$/.test(key)) return null;
  return options[Number(key) - 1] ?? null;
}
