/** Small helpers the casework services share: roles, today's date, loading a case, checks. */
import { todayInJapan, type IsoDate } from '../casework/dates';
import type { CaseStatus, EmploymentStatus, TerminationReason } from '../contract';
import { AppError, isAppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';

/** Officers, supervisors and administrators all read every case of the office and record casework. */
export function requireCaseworker(ctx: ServiceContext): void {
  requireRole(ctx, 'officer', 'supervisor', 'administrator');
}

export function today(ctx: ServiceContext): IsoDate {
  return todayInJapan(ctx.now());
}

export interface CaseRow {
  id: string;
  supervisee_id: string;
  case_number: string;
  partial_suspension: number;
  status: CaseStatus;
  intensity_level: string;
  start_date: string;
  planned_end_date: string;
  termination_date: string | null;
  termination_reason: TerminationReason | null;
  employment_at_start: EmploymentStatus | null;
  employment_at_termination: EmploymentStatus | null;
  guidelines: string;
  created_at: string;
  updated_at: string;
}

export function loadCaseRow(ctx: ServiceContext, caseId: string): CaseRow {
  const row = stmt(ctx.db, 'SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no such case', { field: 'caseId' });
  return row;
}

/** A terminated case is read-only. */
export function assertCaseOpen(row: CaseRow): void {
  if (row.status === 'terminated') throw new AppError('INVALID_STATE', 'the case is terminated', { status: row.status });
}

/** Intensity levels are the rows of the configurable contact-standards table. */
export function assertIntensityLevel(ctx: ServiceContext, level: string, field: string): void {
  if (!stmt(ctx.db, 'SELECT 1 FROM contact_standards WHERE id = ?').get(level)) {
    throw new AppError('VALIDATION', 'unknown intensity level', { field });
  }
}

/** Re-throws an AppError from a nested part of the input with the field's full path. */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e) && typeof e.details?.field === 'string') {
      throw new AppError(e.code, e.message, { ...e.details, field: `${prefix}.${e.details.field}` });
    }
    throw e;
  }
}

export function bool(v: boolean): number {
  return v ? 1 : 0;
}
