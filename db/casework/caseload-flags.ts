/**
 * The caseload flags of many cases at once. The result for each case equals
 * caseFlags(db, caseId, today, now) (db/casework/flags.ts), which runs several queries per case;
 * here a handful of queries cover every case given, and the contact standard is computed in JS by
 * computeStandard over contacts read in one pass.
 */
import type { ContactKind, ContactOutcome, StandardStatus } from '../channels/contacts';
import { AppError } from '../errors';
import type { Db } from '../open';
import { programBreachFlag } from '../pathways/program-flags';
import { stmt } from '../statements';
import { ENDING_SOON_DAYS, POSITIVE_TEST_WINDOW_DAYS, type CaseFlags } from './flags';
import {
  addDays,
  addMonths,
  computeStandard,
  japanDayStart,
  monthEnd,
  monthOf,
  type StandardContact,
  type StandardRule,
  type SupervisionPeriod,
} from './standards';

/** What the flags need to know about a case, as the caseload query already has it. */
export interface FlagCase {
  id: string;
  status: 'active' | 'suspended' | 'terminated';
  intensityLevel: string;
  startDate: string;
  /** Last day of supervision: the termination date, else the planned end. */
  endDate: string;
}

/** Above this many cases, whole-office window queries beat per-case index lookups. */
const WHOLE_OFFICE_THRESHOLD = 1000;

/** How rows are read: 'window' scans the date window for every case, 'ids' looks each case up. */
export type FlagStrategy = 'auto' | 'window' | 'ids';

export interface FlagOptions {
  /** ISO instant deciding which appointments have passed; defaults to the start of `today`. */
  now?: string;
  strategy?: FlagStrategy;
  /**
   * Active cases with an overdue contact, from overdueContacts() over these cases or more (the
   * caseload service keeps the whole office's set between calls while nothing changes).
   */
  overdue?: ReadonlySet<string>;
}

type Suspension = { from: string; resumedOn: string | null };
type WindowContact = [caseId: string, kind: ContactKind, date: string, outcome: ContactOutcome, byVpoId: string | null, reportMonth: string | null];

interface Month {
  key: string;
  first: string;
  last: string;
}

interface Window {
  previous: Month;
  current: Month;
}

function monthOfKey(key: string): Month {
  return { key, first: `${key}-01`, last: monthEnd(key) };
}

function windowOf(today: string): Window {
  const current = monthOf(today);
  return { previous: monthOfKey(addMonths(current, -1)), current: monthOfKey(current) };
}

const IN_CASES = 'case_id IN (SELECT value FROM json_each(@ids))';

/** One query over the given cases: the table's whole window when there are many, else by case id. */
function caseQuery(db: Db, many: boolean, whole: string, byIds: string, params: Record<string, unknown>): unknown[][] {
  return stmt(db, many ? whole : byIds).raw(true).all(params) as unknown[][];
}

function idSet(rows: unknown[][]): Set<string> {
  return new Set(rows.map((r) => r[0] as string));
}

function isMany(cases: readonly FlagCase[], strategy: FlagStrategy): boolean {
  return strategy === 'auto' ? cases.length > WHOLE_OFFICE_THRESHOLD : strategy === 'window';
}

type RuleRow = [id: string, label: string, poPerMonth: number, vpoPerMonth: number, poKinds: string, vpoKinds: string];

/**
 * The memo of statuses for a day and a contact-standards table. computeStandard is pure, so a memo
 * serves every call with the same day and table (the table's rows are part of the key, so an
 * edited standard starts a new one).
 */
const kept = new Map<string, StandardStatuses>();

function statusesFor(db: Db, today: string): StandardStatuses {
  const rows = stmt(db, 'SELECT id, label, po_per_month, vpo_per_month, po_kinds, vpo_kinds FROM contact_standards ORDER BY id')
    .raw(true)
    .all() as RuleRow[];
  const key = `${today}|${JSON.stringify(rows)}`;
  let statuses = kept.get(key);
  if (!statuses) {
    if (kept.size >= 8) kept.delete(kept.keys().next().value!);
    const rules = new Map(
      rows.map(([id, label, poPerMonth, vpoPerMonth, poKinds, vpoKinds]): [string, StandardRule] => [
        id,
        { id, label, poPerMonth, vpoPerMonth, poKinds: JSON.parse(poKinds) as ContactKind[], vpoKinds: JSON.parse(vpoKinds) as ContactKind[] },
      ]),
    );
    kept.set(key, (statuses = new StandardStatuses(rules, today)));
  }
  return statuses;
}

// --- the contact standard, memoized --------------------------------------------------------------

/** A contact as the status of a whole month sees it: `kind:outcome:recordedByVpo:effectiveMonth` ('' when it is the month). */
function token(c: StandardContact, month: string): string {
  const effective = c.kind === 'vpo_monthly_report' && c.reportMonth ? c.reportMonth : monthOf(c.date);
  return `${c.kind}:${c.outcome}:${c.byVpoId ? 1 : 0}:${effective === month ? '' : effective}`;
}

/** A contact that stands for a token in a month the case is supervised on every day. */
function fromToken(t: string, month: string): StandardContact {
  const [kind, outcome, byVpo, effective] = t.split(':') as [ContactKind, ContactOutcome, string, string];
  const report = kind === 'vpo_monthly_report';
  return {
    id: '',
    kind,
    outcome,
    byVpoId: byVpo === '1' ? 'vpo' : null,
    // A report belongs to its report month whatever its date; anything else to its date's month.
    date: `${report || effective === '' ? month : effective}-01`,
    reportMonth: report ? effective || month : effective === '' ? null : month,
  };
}

/**
 * The contact-standard status of one case and month. In a month the case is under supervision
 * on every day (no start, end or suspension inside it), computeStandard's status depends only on
 * the level and on each contact's kind, outcome, whether a VPO recorded it and which month it
 * belongs to — not on its day. Such months are computed once per pattern (most cases share a
 * handful), from contacts standing for the pattern; other months from the case's own contacts.
 * tests/unit/caseload-flags.test.ts checks the results against caseFlags.
 */
class StandardStatuses {
  private readonly memo = new Map<string, StandardStatus>();

  constructor(
    private readonly rules: Map<string, StandardRule>,
    private readonly today: string,
  ) {}

  private compute(level: string, month: string, period: SupervisionPeriod, contacts: StandardContact[]): StandardStatus {
    const rule = this.rules.get(level);
    if (!rule) throw new AppError('INVALID_STATE', 'the case has an unknown intensity level', { field: 'intensityLevel' });
    return computeStandard({ rule, contacts, month, period, today: this.today }, false).status;
  }

  private memoized(key: string, compute: () => StandardStatus): StandardStatus {
    let s = this.memo.get(key);
    if (s === undefined) this.memo.set(key, (s = compute()));
    return s;
  }

  static wholeMonth(period: SupervisionPeriod, m: Month): boolean {
    return (
      period.start <= m.first &&
      (period.end === null || period.end >= m.last) &&
      !(period.suspensions ?? []).some((s) => s.from <= m.last && (s.resumedOn === null || s.resumedOn > m.first))
    );
  }

  /** A whole month, from the month's tokens. */
  ofTokens(level: string, m: Month, period: SupervisionPeriod, tokens: string[]): StandardStatus {
    return this.memoized(`${level}|${m.key}|${tokens.sort().join(',')}`, () =>
      this.compute(level, m.key, period, tokens.map((t) => fromToken(t, m.key))),
    );
  }

  /** Any month, from the contacts evaluateCaseMonth would read for it. */
  ofContacts(level: string, m: Month, period: SupervisionPeriod, contacts: readonly StandardContact[]): StandardStatus {
    const own = contacts.filter((c) => monthOf(c.date) === m.key || c.reportMonth === m.key);
    if (StandardStatuses.wholeMonth(period, m)) return this.ofTokens(level, m, period, own.map((c) => token(c, m.key)));
    // Not under supervision on any day of the month: nothing is due, whatever was recorded.
    if (period.start > m.last || (period.end !== null && period.end < m.first)) {
      return this.memoized(`${level}|${m.key}|outside`, () => this.compute(level, m.key, period, own));
    }
    return this.compute(level, m.key, period, own);
  }
}

// --- overdue contacts ------------------------------------------------------------------------------

/**
 * The active cases among `cases` whose contacts are overdue: short for the previous month, or
 * behind a deadline already passed this month (caseFlags' overdueContact).
 */
export function overdueContacts(db: Db, cases: readonly FlagCase[], today: string, strategy: FlagStrategy = 'auto'): Set<string> {
  const active = cases.filter((c) => c.status === 'active');
  const overdue = new Set<string>();
  if (active.length === 0) return overdue;
  const w = windowOf(today);
  const many = isMany(active, strategy);
  const ids = many ? '[]' : JSON.stringify(active.map((c) => c.id));

  const suspensions = new Map<string, Suspension[]>();
  for (const [caseId, from, resumedOn] of caseQuery(
    db,
    many,
    'SELECT case_id, from_date, resumed_on FROM supervision_suspensions',
    `SELECT case_id, from_date, resumed_on FROM supervision_suspensions WHERE ${IN_CASES}`,
    { ids },
  ) as [string, string, string | null][]) {
    let list = suspensions.get(caseId);
    if (!list) suspensions.set(caseId, (list = []));
    list.push({ from, resumedOn });
  }
  const periods = new Map(
    active.map((c): [string, SupervisionPeriod] => [c.id, { start: c.startDate, end: c.endDate, suspensions: suspensions.get(c.id) ?? [] }]),
  );
  const whole = (c: FlagCase) =>
    StandardStatuses.wholeMonth(periods.get(c.id)!, w.previous) && StandardStatuses.wholeMonth(periods.get(c.id)!, w.current);

  // For the whole office, the cases supervised on every day of both months are read as tokens
  // aggregated in SQL, one row per case and month; the others, and small sets, contact by contact.
  const fromTokens = new Set(many ? active.filter(whole).map((c) => c.id) : []);
  const tokens = many ? readTokens(db, w) : new Map<string, Map<string, string[]>>();
  const one = active.filter((c) => !fromTokens.has(c.id));
  const contacts = new Map<string, StandardContact[]>();
  if (one.length > 0) {
    for (const [caseId, kind, date, outcome, byVpoId, reportMonth] of stmt(
      db,
      `SELECT case_id, kind, contact_date, outcome, by_vpo_id, report_month FROM contacts
        WHERE ${IN_CASES} AND contact_date BETWEEN @from AND @to
       UNION ALL
       SELECT case_id, kind, contact_date, outcome, by_vpo_id, report_month FROM contacts
        WHERE ${IN_CASES} AND kind = 'vpo_monthly_report' AND report_month IN (@previous, @current)
          AND contact_date NOT BETWEEN @from AND @to`,
    )
      .raw(true)
      .iterate({
        ids: JSON.stringify(one.map((c) => c.id)),
        from: w.previous.first,
        to: w.current.last,
        previous: w.previous.key,
        current: w.current.key,
      }) as IterableIterator<WindowContact>) {
      let list = contacts.get(caseId);
      if (!list) contacts.set(caseId, (list = []));
      list.push({ id: '', kind, date, outcome, byVpoId, reportMonth });
    }
  }

  const statuses = statusesFor(db, today);
  for (const c of active) {
    const period = periods.get(c.id)!;
    const status = (m: Month) =>
      fromTokens.has(c.id)
        ? statuses.ofTokens(c.intensityLevel, m, period, [...(tokens.get(c.id)?.get(m.key) ?? [])])
        : statuses.ofContacts(c.intensityLevel, m, period, contacts.get(c.id) ?? []);
    if (status(w.previous) === 'overdue' || ['overdue', 'past_due'].includes(status(w.current))) overdue.add(c.id);
  }
  return overdue;
}

/** Every case's contact tokens for the two months of the window, by case and month. */
function readTokens(db: Db, w: Window): Map<string, Map<string, string[]>> {
  const tokens = new Map<string, Map<string, string[]>>();
  const add = (caseId: string, month: string, list: string[]) => {
    let months = tokens.get(caseId);
    if (!months) tokens.set(caseId, (months = new Map()));
    const have = months.get(month);
    if (have) have.push(...list);
    else months.set(month, list);
  };
  const bit = "(by_vpo_id IS NOT NULL AND by_vpo_id <> '')";
  const windowMonths = new Set([w.previous.key, w.current.key]);
  for (const [caseId, month, list] of stmt(
    db,
    `SELECT case_id, substr(contact_date, 1, 7) AS month,
            group_concat(kind || ':' || outcome || ':' || ${bit} || ':' ||
              CASE WHEN kind = 'vpo_monthly_report' AND report_month IS NOT NULL AND report_month <> substr(contact_date, 1, 7)
                   THEN report_month ELSE '' END, ',')
       FROM contacts WHERE contact_date BETWEEN @from AND @to
      GROUP BY case_id, month`,
  )
    .raw(true)
    .iterate({ from: w.previous.first, to: w.current.last }) as IterableIterator<[string, string, string]>) {
    const own = list.split(',');
    add(caseId, month, own);
    // A report received in one month of the window for the other one belongs there too.
    for (const t of own) {
      const cut = t.lastIndexOf(':') + 1;
      const effective = t.slice(cut);
      if (windowMonths.has(effective)) add(caseId, effective, [t.slice(0, cut)]);
    }
  }
  // Reports for the window's months received outside it (none, with data the services write).
  for (const [caseId, month, list] of stmt(
    db,
    `SELECT case_id, report_month, group_concat('vpo_monthly_report:' || outcome || ':' || ${bit} || ':', ',')
       FROM contacts
      WHERE kind = 'vpo_monthly_report' AND report_month IN (@previous, @current) AND (contact_date < @from OR contact_date > @to)
      GROUP BY case_id, report_month`,
  )
    .raw(true)
    .iterate({ from: w.previous.first, to: w.current.last, previous: w.previous.key, current: w.current.key }) as IterableIterator<
    [string, string, string]
  >) {
    add(caseId, month, list.split(','));
  }
  return tokens;
}

// --- all flags ---------------------------------------------------------------------------------------

/** Flags for every case given, keyed by case id. `today` is a Japan calendar date. */
export function batchCaseFlags(db: Db, cases: readonly FlagCase[], today: string, opts: FlagOptions = {}): Map<string, CaseFlags> {
  const result = new Map<string, CaseFlags>();
  if (cases.length === 0) return result;
  const strategy = opts.strategy ?? 'auto';
  const w = windowOf(today);
  const many = isMany(cases, strategy);
  const ids = many ? '[]' : JSON.stringify(cases.map((c) => c.id));

  const positive = idSet(
    caseQuery(
      db,
      many,
      `SELECT DISTINCT case_id FROM drug_tests
        WHERE result IN ('positive', 'refused') AND tested_on BETWEEN @from AND @today`,
      `SELECT DISTINCT case_id FROM drug_tests
        WHERE ${IN_CASES} AND result IN ('positive', 'refused') AND tested_on BETWEEN @from AND @today`,
      { ids, from: addDays(today, -(POSITIVE_TEST_WINDOW_DAYS - 1)), today },
    ),
  );

  // A scheduled appointment ends after it starts, so "ended by the cutoff" implies "started before it".
  const cutoff = opts.now ?? new Date(japanDayStart(today)).toISOString();
  const ended = `status = 'scheduled' AND starts_at < @cutoff
    AND strftime('%Y-%m-%dT%H:%M:%fZ', starts_at, '+' || duration_min || ' minutes') <= @cutoff`;
  const needsOutcome = idSet(
    caseQuery(
      db,
      many,
      `SELECT DISTINCT case_id FROM appointments WHERE ${ended}`,
      `SELECT DISTINCT case_id FROM appointments WHERE ${IN_CASES} AND ${ended}`,
      { ids, cutoff },
    ),
  );

  const reported = idSet(
    caseQuery(
      db,
      many,
      "SELECT case_id FROM contacts WHERE kind = 'vpo_monthly_report' AND report_month = @previous",
      `SELECT case_id FROM contacts WHERE ${IN_CASES} AND kind = 'vpo_monthly_report' AND report_month = @previous`,
      { ids, previous: w.previous.key },
    ),
  );

  const overdue = opts.overdue ?? overdueContacts(db, cases, today, strategy);
  const missedSession = programBreachFlag(
    db,
    cases.filter((c) => c.status === 'active').map((c) => c.id),
    today,
  );
  const soon = addDays(today, ENDING_SOON_DAYS);
  for (const c of cases) {
    // Supervision no longer runs for a terminated case; a suspended one (absconded) is reported elsewhere.
    const active = c.status === 'active';
    result.set(c.id, {
      positiveTest: positive.has(c.id),
      overdueContact: active && overdue.has(c.id),
      missingVpoReport: active && c.startDate < w.current.first && c.endDate >= w.previous.first && !reported.has(c.id),
      endingSoon: active && c.endDate >= today && c.endDate <= soon,
      appointmentNeedsOutcome: needsOutcome.has(c.id),
      programMissed: active && missedSession.has(c.id),
    });
  }
  return result;
}

export function countFlags(f: CaseFlags): number {
  return (
    Number(f.overdueContact) +
    Number(f.missingVpoReport) +
    Number(f.positiveTest) +
    Number(f.endingSoon) +
    Number(f.appointmentNeedsOutcome) +
    Number(f.programMissed)
  );
}
