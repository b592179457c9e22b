/**
 * The vocational-support codes, as the renderer offers them. The renderer may only import types
 * from the contract, so the lists are repeated here and checked against the contract's types.
 */
import type { JobKind, SubsidyStatus, SupportKind, SupportOutcome, WorkStatus } from '../../../db/contract';

export const SUPPORT_KIND_OPTIONS = ['hello_work_referral', 'job_counselling', 'work_experience', 'trial_employment'] as const satisfies readonly SupportKind[];
export const SUBSIDY_OPTIONS = ['not_applied', 'applied', 'approved', 'paid', 'rejected'] as const satisfies readonly SubsidyStatus[];
export const OUTCOME_OPTIONS = ['pending', 'job_found', 'no_job', 'completed', 'withdrawn'] as const satisfies readonly SupportOutcome[];
export const JOB_KIND_OPTIONS = ['full_time', 'part_time', 'day_labour', 'self_employed', 'other'] as const satisfies readonly JobKind[];
export const WORK_STATUS_OPTIONS = ['full_time', 'part_time', 'unemployed_seeking', 'not_seeking', 'student'] as const satisfies readonly WorkStatus[];

/** The status a new job suggests for the history (none for kinds that say nothing of the hours). */
export function statusForJob(kind: JobKind): WorkStatus | null {
  if (kind === 'full_time') return 'full_time';
  if (kind === 'part_time' || kind === 'day_labour') return 'part_time';
  return null;
}

/** Months of a trial employment, as typed: 1–12, or null when blank; NaN when not a whole number in range. */
export function parseMonths(text: string): number | null {
  const s = text.normalize('NFKC').trim();
  if (s === '') return null;
  if (!/^\d{1,2}$/.test(s)) return Number.NaN;
  const n = Number(s);
  return n >= 1 && n <= 12 ? n : Number.NaN;
}

/** A non-negative whole number as typed (capacity); null when not one. */
export function parseCount(text: string): number | null {
  const s = text.normalize('NFKC').trim();
  if (s === '') return 0;
  if (!/^\d{1,5}$/.test(s)) return null;
  return Number(s);
}
