/**
 * Contact standards for one case and one month, as a pure function: how many contacts by the PO and
 * by the VPO are required, how many were done, what is overdue, when the next one is due, and for
 * each contact why it counts or does not (a code the renderer translates).
 *
 * Rules (ASSUMPTIONS where marked; the real frequencies per 処遇区分 are not published):
 * - A contact counts only if it was held. Missed contacts, acceptable or not, never count.
 * - A kind counts for the PO if it is in the level's poKinds, for the VPO if in vpoKinds; a contact
 *   recorded as by a VPO counts for the VPO side first. A VPO monthly report is a report, not a
 *   meeting: it counts only if an administrator lists it explicitly.
 * - ASSUMPTION: in a month the case is active for only part of (start, end, suspension of
 *   supervision), the requirement is prorated by active days and rounded half up.
 * - ASSUMPTION: deadlines are spread evenly over the active days (2 a month → mid-month and month
 *   end). "Past due" means fewer contacts than deadlines passed; "overdue" means the month's active
 *   days are over and the requirement was not met.
 * Dates are Japan calendar dates (YYYY-MM-DD); all arithmetic here is on the calendar, in UTC.
 */
import type {
  ContactExplanation,
  ContactKind,
  ContactOutcome,
  ContactReason,
  StandardComputation,
  StandardSide,
  StandardStatus,
} from '../channels/contacts';
import { addDays, addMonths, daysInMonth, monthEnd, monthOf } from './calendar';

export interface StandardRule {
  id: string;
  label: string;
  poPerMonth: number;
  vpoPerMonth: number;
  poKinds: readonly ContactKind[];
  vpoKinds: readonly ContactKind[];
}

export interface StandardContact {
  id: string;
  kind: ContactKind;
  date: string;
  outcome: ContactOutcome;
  byVpoId?: string | null;
  reportMonth?: string | null;
}

export interface SupervisionPeriod {
  start: string;
  /** Last day of supervision (termination date, else planned end), or null if open. */
  end: string | null;
  /** 保護観察の停止: days from `from` up to the day before `resumedOn` are not supervised. */
  suspensions?: readonly { from: string; resumedOn: string | null }[];
}

export interface StandardInput {
  rule: StandardRule;
  contacts: readonly StandardContact[];
  month: string;
  period: SupervisionPeriod;
  today: string;
}

// Calendar helpers live in ./calendar; re-exported for the modules that import them from here.
export { addDays, addMonths, daysInMonth, japanDate, japanDayStart, japanTime, JST_OFFSET_MS, monthEnd, monthOf } from './calendar';

function isSuspended(date: string, period: SupervisionPeriod): boolean {
  return (period.suspensions ?? []).some((s) => s.from <= date && (s.resumedOn === null || date < s.resumedOn));
}

function isActive(date: string, period: SupervisionPeriod): boolean {
  return date >= period.start && (period.end === null || date <= period.end) && !isSuspended(date, period);
}

function activeDaysOf(month: string, period: SupervisionPeriod): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`, last = monthEnd(month); d <= last; d = addDays(d, 1)) {
    if (isActive(d, period)) days.push(d);
  }
  return days;
}

// --- the computation -------------------------------------------------------------------------

function explain(
  c: StandardContact,
  rule: StandardRule,
  month: string,
  period: SupervisionPeriod,
  active: readonly string[],
): Pick<ContactExplanation, 'countsFor' | 'reason'> {
  const no = (reason: ContactReason) => ({ countsFor: null, reason });
  const isReport = c.kind === 'vpo_monthly_report';
  if (isReport && !rule.poKinds.includes(c.kind) && !rule.vpoKinds.includes(c.kind)) return no('vpo_report_not_meeting');

  // A monthly report belongs to the month it covers, not the day it arrived.
  const effectiveMonth = isReport && c.reportMonth ? c.reportMonth : monthOf(c.date);
  if (effectiveMonth !== month) return no('outside_month');
  if (isReport) {
    if (active.length === 0) return no(monthEnd(month) < period.start ? 'before_case_start' : 'after_case_end');
  } else {
    if (c.date < period.start) return no('before_case_start');
    if (period.end !== null && c.date > period.end) return no('after_case_end');
    if (isSuspended(c.date, period)) return no('during_suspension');
  }

  const side =
    c.byVpoId && rule.vpoKinds.includes(c.kind)
      ? 'vpo'
      : rule.poKinds.includes(c.kind)
        ? 'po'
        : rule.vpoKinds.includes(c.kind)
          ? 'vpo'
          : null;
  if (!side) return no('kind_not_counted');
  if (c.outcome !== 'held') return no('missed');
  return { countsFor: side, reason: side === 'po' ? 'counts_po' : 'counts_vpo' };
}

function required(perMonth: number, activeDays: number, dim: number): number {
  if (activeDays === dim) return perMonth;
  return Math.floor((perMonth * activeDays) / dim + 0.5);
}

function side(perMonth: number, done: number, active: readonly string[], dim: number, today: string): StandardSide {
  const n = required(perMonth, active.length, dim);
  const dueDates: string[] = [];
  for (let k = 1; k <= n; k++) dueDates.push(active[Math.ceil((k * active.length) / n) - 1]!);
  const remaining = Math.max(0, n - done);
  const passed = dueDates.filter((d) => d < today).length;
  const lastActive = active[active.length - 1];
  return {
    required: n,
    done,
    remaining,
    dueDates,
    nextDueDate: remaining > 0 ? dueDates[done]! : null,
    pastDue: done < passed,
    overdue: lastActive !== undefined && today > lastActive && done < n,
  };
}

export function computeStandard(input: StandardInput, lookAhead = true): StandardComputation {
  const { rule, month, period, today } = input;
  const dim = daysInMonth(month);
  const active = activeDaysOf(month, period);

  const contacts: ContactExplanation[] = [...input.contacts]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((c) => ({
      contactId: c.id,
      kind: c.kind,
      date: c.date,
      outcome: c.outcome,
      reportMonth: c.reportMonth ?? null,
      ...explain(c, rule, month, period, active),
    }));
  const count = (s: 'po' | 'vpo') => contacts.filter((c) => c.countsFor === s).length;
  const po = side(rule.poPerMonth, count('po'), active, dim, today);
  const vpo = side(rule.vpoPerMonth, count('vpo'), active, dim, today);

  let status: StandardStatus;
  if (active.length === 0) status = 'not_active';
  else if (po.overdue || vpo.overdue) status = 'overdue';
  else if (po.pastDue || vpo.pastDue) status = 'past_due';
  else if (po.remaining === 0 && vpo.remaining === 0) status = 'met';
  else status = 'on_track';

  const open = [po.nextDueDate, vpo.nextDueDate].filter((d): d is string => d !== null).sort();
  let nextDueDate = open[0] ?? null;
  if (nextDueDate === null && lookAhead && (period.end === null || period.end > monthEnd(month))) {
    nextDueDate = computeStandard({ ...input, month: addMonths(month, 1) }, false).nextDueDate;
  }

  return {
    month,
    level: rule.id,
    levelLabel: rule.label,
    activeFrom: active[0] ?? null,
    activeTo: active[active.length - 1] ?? null,
    activeDays: active.length,
    daysInMonth: dim,
    po,
    vpo,
    status,
    nextDueDate,
    contacts,
  };
}
