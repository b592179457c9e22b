/** What the pathway services (employment, seminars, facilities, support links) share. */
import { japanDate } from '../casework/calendar';
import { addDays, daysBetween } from '../casework/dates';
import type { CaseRef } from '../contract';
import { AppError } from '../errors';
import type { ServiceContext } from '../write';
import { requireCaseworker } from './casework-shared';
import { loadCase, type CaseInfo } from './contacts';

export { bool } from './casework-shared';
export { addDays, daysBetween };

export function todayOf(ctx: ServiceContext): string {
  return japanDate(ctx.now());
}

/** The case a pathway record is about; every staff role records pathways. */
export function pathwayCase(ctx: ServiceContext, caseId: string): CaseInfo {
  requireCaseworker(ctx);
  return loadCase(ctx, caseId);
}

/** New records go only on cases not yet terminated. */
export function assertOpen(c: CaseInfo): void {
  if (c.status === 'terminated') throw new AppError('INVALID_STATE', 'the case is terminated', { field: 'caseId' });
}

export function assertNotFuture(ctx: ServiceContext, date: string, field: string): void {
  if (date > todayOf(ctx)) throw new AppError('DATE_IN_FUTURE', `${field} is in the future`, { field });
}

export function assertNotBefore(start: string, end: string, field: string): void {
  if (end < start) throw new AppError('END_BEFORE_START', `${field} is before the start`, { field });
}

/** A day inside the case's supervision: not before it started, not after it ended. */
export function assertWithinCase(c: CaseInfo, date: string, field: string): void {
  if (date < c.startDate) throw new AppError('VALIDATION', `${field} is before the case started`, { field });
  if (c.terminationDate !== null && date > c.terminationDate) {
    throw new AppError('VALIDATION', `${field} is after the case ended`, { field });
  }
}

/** Columns of CaseRef, for a query that joins `cases c` and `supervisees s`. */
export const CASE_REF_COLUMNS = `c.id AS ref_case_id, c.case_number AS ref_case_number, s.id AS ref_supervisee_id,
  s.family_name || ' ' || s.given_name AS ref_name, s.family_kana || ' ' || s.given_kana AS ref_kana, s.officer_id AS ref_officer_id`;

export interface CaseRefRow {
  ref_case_id: string;
  ref_case_number: string;
  ref_supervisee_id: string;
  ref_name: string;
  ref_kana: string;
  ref_officer_id: string | null;
}

export function toCaseRef(r: CaseRefRow): CaseRef {
  return {
    caseId: r.ref_case_id,
    caseNumber: r.ref_case_number,
    superviseeId: r.ref_supervisee_id,
    name: r.ref_name.trim(),
    kana: r.ref_kana.trim(),
    officerId: r.ref_officer_id,
  };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Builds a WHERE clause from optional conditions, each with its named parameters. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: Record<string, string | number | null> = {};

  add(sql: string, params: Record<string, string | number | null> = {}): this {
    this.parts.push(sql);
    Object.assign(this.params, params);
    return this;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Days of a stay: from the start to the end (or to `today` while it runs). */
export function stayDays(startedOn: string, endedOn: string | null, today: string): number {
  return Math.max(0, daysBetween(startedOn, endedOn ?? (today < startedOn ? startedOn : today)));
}
