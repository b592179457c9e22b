/**
 * The report's period and scope as the form edits them, and the request they become. Pure: no
 * React, no DOM. Periods are Japan calendar days; fiscal year N runs from N-04-01 to (N+1)-03-31
 * and its quarter 1 is April–June.
 */
import type { ReportPeriod, ReportScope } from '../../../db/channels/reports';
import { isIsoDate, isIsoMonth } from '../contacts/japanDates';

export type PeriodKind = 'month' | 'quarter' | 'fiscalYear' | 'custom';
export type ScopeKind = 'office' | 'unit' | 'officer';
export type Quarter = 1 | 2 | 3 | 4;

/** What the report screen remembers in its route: the request without its language. */
export interface ReportQuery {
  period: ReportPeriod;
  scope: ReportScope;
}

/** Everything the form holds, whichever kind is chosen, so switching kinds loses nothing typed. */
export interface ReportDraft {
  periodKind: PeriodKind;
  month: string;
  fiscalYear: number;
  quarter: Quarter;
  from: string;
  to: string;
  scopeKind: ScopeKind;
  unit: string;
  officerId: string;
}

export type DraftError = 'month' | 'from' | 'to' | 'order' | 'tooLong' | 'unit' | 'officer';

/** The longest custom range the service accepts. */
export const MAX_CUSTOM_YEARS = 5;

/** The fiscal year a Japan date falls in (January–March belong to the year before). */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** The fiscal quarter of a Japan date: April–June is 1, January–March is 4. */
export function quarterOf(isoDate: string): Quarter {
  const month = Number(isoDate.slice(5, 7));
  return (Math.floor(((month + 8) % 12) / 3) + 1) as Quarter;
}

/** The first and last calendar month (1–12) of a fiscal quarter. */
export function quarterMonths(quarter: Quarter): [number, number] {
  const first = ((quarter - 1) * 3 + 3) % 12 + 1;
  return [first, first + 2];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The inclusive Japan dates a period covers (the service computes the same; shown before a run). */
export function periodRange(period: ReportPeriod): { from: string; to: string } {
  switch (period.kind) {
    case 'month': {
      const [y, m] = period.month.split('-').map(Number) as [number, number];
      return { from: `${period.month}-01`, to: lastDayOf(y, m) };
    }
    case 'quarter': {
      const [first, last] = quarterMonths(period.quarter);
      const year = period.quarter === 4 ? period.fiscalYear + 1 : period.fiscalYear;
      return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, last) };
    }
    case 'fiscalYear':
      return { from: `${period.fiscalYear}-04-01`, to: `${period.fiscalYear + 1}-03-31` };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

/** The form as it opens: the current fiscal year, the whole office (an officer: their own cases). */
export function defaultDraft(today: string, own: { officerId: string } | null): ReportDraft {
  const fy = fiscalYearOf(today);
  return {
    periodKind: 'fiscalYear',
    month: today.slice(0, 7),
    fiscalYear: fy,
    quarter: quarterOf(today),
    from: `${fy}-04-01`,
    to: today,
    scopeKind: own ? 'officer' : 'office',
    unit: '',
    officerId: own?.officerId ?? '',
  };
}

/** The form filled from a request (coming back to the report from a drill list). */
export function draftFrom(query: ReportQuery, base: ReportDraft): ReportDraft {
  const d: ReportDraft = { ...base, periodKind: query.period.kind, scopeKind: query.scope.kind };
  const p = query.period;
  if (p.kind === 'month') d.month = p.month;
  if (p.kind === 'quarter') Object.assign(d, { fiscalYear: p.fiscalYear, quarter: p.quarter });
  if (p.kind === 'fiscalYear') d.fiscalYear = p.fiscalYear;
  if (p.kind === 'custom') Object.assign(d, { from: p.from, to: p.to });
  if (query.scope.kind === 'unit') d.unit = query.scope.unit;
  if (query.scope.kind === 'officer') d.officerId = query.scope.officerId;
  return d;
}

function addYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

/**
 * The request the form describes, or the first problem with it. An officer's scope is always
 * their own cases, whatever the draft says: the service refuses anything else anyway.
 */
export function queryFrom(
  draft: ReportDraft,
  own: { officerId: string } | null,
): { ok: true; query: ReportQuery } | { ok: false; error: DraftError } {
  let period: ReportPeriod;
  switch (draft.periodKind) {
    case 'month':
      if (!isIsoMonth(draft.month)) return { ok: false, error: 'month' };
      period = { kind: 'month', month: draft.month };
      break;
    case 'quarter':
      period = { kind: 'quarter', fiscalYear: draft.fiscalYear, quarter: draft.quarter };
      break;
    case 'fiscalYear':
      period = { kind: 'fiscalYear', fiscalYear: draft.fiscalYear };
      break;
    case 'custom':
      if (!isIsoDate(draft.from)) return { ok: false, error: 'from' };
      if (!isIsoDate(draft.to)) return { ok: false, error: 'to' };
      if (draft.to < draft.from) return { ok: false, error: 'order' };
      if (draft.to >= addYears(draft.from, MAX_CUSTOM_YEARS)) return { ok: false, error: 'tooLong' };
      period = { kind: 'custom', from: draft.from, to: draft.to };
      break;
  }
  if (own) return { ok: true, query: { period, scope: { kind: 'officer', officerId: own.officerId } } };
  switch (draft.scopeKind) {
    case 'office':
      return { ok: true, query: { period, scope: { kind: 'office' } } };
    case 'unit':
      return draft.unit ? { ok: true, query: { period, scope: { kind: 'unit', unit: draft.unit } } } : { ok: false, error: 'unit' };
    case 'officer':
      return draft.officerId
        ? { ok: true, query: { period, scope: { kind: 'officer', officerId: draft.officerId } } }
        : { ok: false, error: 'officer' };
  }
}

/** Whether two queries ask for the same report (the route and the query cache compare by this). */
export function sameQuery(a: ReportQuery, b: ReportQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fiscal years offered in the pickers: from a decade back to next year. */
export function fiscalYearChoices(today: string): number[] {
  const current = fiscalYearOf(today);
  return Array.from({ length: 12 }, (_, i) => current + 1 - i);
}
