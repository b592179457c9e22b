/**
 * The caseload dashboard: "my caseload" for an officer, the whole office (unit) for supervisors
 * and administrators. Filtering and sorting by a column run in SQL and only the page's flags are
 * computed; filtering or sorting by flags computes the flags of every case in scope (batched, see
 * db/casework/caseload-flags.ts) so that the filtered total and the order are exact.
 */
import { batchCaseFlags, countFlags, overdueContacts, type FlagCase } from '../casework/caseload-flags';
import type { CaseFlags } from '../casework/flags';
import type { CaseloadPage, CaseloadRow, CaseStatus, DrugType, ParsedInputOf, PhaseKind } from '../contract';
import { AppError } from '../errors';
import type { Db } from '../open';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import { requireCaseworker, today as todayOf } from './casework-shared';

export type CaseloadQuery = ParsedInputOf<'caseload.list'>;

/** Whose cases: one officer's, or (null) the whole office. */
export interface CaseloadScope {
  officerId: string | null;
}

export function listCaseload(ctx: ServiceContext, input: CaseloadQuery): CaseloadPage {
  requireCaseworker(ctx);
  if (input.scope === 'unit') {
    requireRole(ctx, 'supervisor', 'administrator');
  } else if (input.filters.officerId !== undefined) {
    throw new AppError('VALIDATION', "an officer filter applies to the unit view, not to 'mine'", { field: 'filters.officerId' });
  }
  const officerId = input.scope === 'mine' ? (ctx.actor.userId ?? '') : (input.filters.officerId ?? null);
  return caseloadFor(ctx, { officerId }, input);
}

// --- SQL pieces --------------------------------------------------------------------------------

/** The phase running on @today: the last one started, else the first. */
const currentPhase = (column: 'id' | 'category') => `COALESCE(
  (SELECT p.${column} FROM case_phases p WHERE p.case_id = c.id AND p.start_date <= @today ORDER BY p.seq DESC LIMIT 1),
  (SELECT p.${column} FROM case_phases p WHERE p.case_id = c.id ORDER BY p.seq LIMIT 1))`;

const LAST_CONTACT = `(SELECT max(k.contact_date) FROM contacts k
  WHERE k.case_id = c.id AND k.outcome = 'held' AND k.kind <> 'vpo_monthly_report')`;

const END_DATE = "CASE WHEN c.status = 'suspended' THEN NULL ELSE COALESCE(c.termination_date, c.planned_end_date) END";

const SORT_SQL: Record<Exclude<CaseloadQuery['sort']['key'], 'flagCount'>, (dir: string) => string> = {
  name: (d) => `s.family_kana ${d}, s.given_kana ${d}`,
  caseNumber: (d) => `c.case_number ${d}`,
  category: (d) => `${currentPhase('category')} ${d}`,
  intensity: (d) => `(SELECT cs.sort FROM contact_standards cs WHERE cs.id = c.intensity_level) ${d}, c.intensity_level ${d}`,
  endDate: (d) => `${END_DATE} ${d} NULLS LAST`,
  officer: (d) => `(SELECT u.display_name FROM users u WHERE u.id = s.officer_id) ${d} NULLS LAST`,
  lastContact: (d) => `${LAST_CONTACT} ${d}`,
};
const TIEBREAK = 's.family_kana, s.given_kana, c.case_number, c.id';

const STATUS_SQL: Record<CaseloadQuery['filters']['status'], string | null> = {
  active: "c.status = 'active'",
  suspended: "c.status = 'suspended'",
  open: "c.status IN ('active', 'suspended')",
  terminated: "c.status = 'terminated'",
  all: null,
};

function whereClause(scope: CaseloadScope, f: CaseloadQuery['filters']): string {
  const where: string[] = [];
  const status = STATUS_SQL[f.status];
  if (status) where.push(status);
  if (scope.officerId !== null) where.push('s.officer_id = @officerId');
  if (f.category === 'partial') where.push('c.partial_suspension = 1');
  else if (f.category !== undefined) where.push(`${currentPhase('category')} = @category`);
  if (f.drugType !== undefined) where.push('EXISTS (SELECT 1 FROM json_each(s.drug_types) j WHERE j.value = @drugType)');
  if (f.intensity !== undefined) where.push('c.intensity_level = @intensity');
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

const FROM = 'FROM cases c JOIN supervisees s ON s.id = c.supervisee_id';

interface ScopeRow {
  id: string;
  status: CaseStatus;
  intensity_level: string;
  start_date: string;
  end_date: string;
  officer_id: string | null;
}

interface DetailRow {
  id: string;
  supervisee_id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  case_number: string;
  status: CaseStatus;
  category: CaseloadRow['category'];
  phase_kind: PhaseKind;
  partial_suspension: number;
  intensity_level: string;
  drug_types: string;
  officer_id: string | null;
  officer_name: string | null;
  vpo_id: string | null;
  vpo_name: string | null;
  start_date: string;
  planned_end_date: string;
  termination_date: string | null;
  last_contact: string | null;
}

const DETAILS = `SELECT c.id, c.supervisee_id, s.family_name, s.given_name, s.family_kana, s.given_kana, c.case_number,
    c.status, cp.category, cp.kind AS phase_kind, c.partial_suspension, c.intensity_level, s.drug_types,
    s.officer_id, u.display_name AS officer_name, s.vpo_id, v.name AS vpo_name,
    c.start_date, c.planned_end_date, c.termination_date, ${LAST_CONTACT} AS last_contact
  ${FROM}
  LEFT JOIN users u ON u.id = s.officer_id
  LEFT JOIN vpos v ON v.id = s.vpo_id
  LEFT JOIN case_phases cp ON cp.id = ${currentPhase('id')}
  WHERE c.id IN (SELECT value FROM json_each(@ids))`;

const SCOPE_COLUMNS = `c.id, c.status, c.intensity_level, c.start_date,
  COALESCE(c.termination_date, c.planned_end_date) AS end_date, s.officer_id`;

// --- the listing ---------------------------------------------------------------------------------

/** Drug tests and sensitive notes: the case's own officer, supervisors and administrators. */
export function maySeeRestricted(ctx: ServiceContext, officerId: string | null): boolean {
  const { role, userId } = ctx.actor;
  if (role === 'supervisor' || role === 'administrator') return true;
  return role === 'officer' && userId !== null && userId === officerId;
}

// --- the whole office's overdue contacts, kept while nothing changes ------------------------------

/** Above this many cases in scope the office-wide set is used (and kept); below, the scope's own. */
const OFFICE_SET_THRESHOLD = 1000;
const overdueCache = new WeakMap<Db, { key: string; set: ReadonlySet<string> }>();

/**
 * The office's active cases with an overdue contact on `today`. Computing it reads two months of
 * contacts, so it is kept until the database changes: any write on this connection moves
 * total_changes(), a commit by another connection moves data_version.
 */
export function officeOverdue(db: Db, today: string): ReadonlySet<string> {
  const key = `${today}|${stmt(db, 'SELECT total_changes()').pluck().get()}|${stmt(db, 'PRAGMA data_version').pluck().get()}`;
  const kept = overdueCache.get(db);
  if (kept?.key === key) return kept.set;
  const active = stmt(
    db,
    `SELECT id, status, intensity_level AS intensityLevel, start_date AS startDate,
            COALESCE(termination_date, planned_end_date) AS endDate
       FROM cases WHERE status = 'active'`,
  ).all() as FlagCase[];
  const set = overdueContacts(db, active, today, 'window');
  overdueCache.set(db, { key, set });
  return set;
}

function toFlagCase(r: ScopeRow): FlagCase {
  return { id: r.id, status: r.status, intensityLevel: r.intensity_level, startDate: r.start_date, endDate: r.end_date };
}

/**
 * The caseload of a scope, whoever asks: the role check on the scope is listCaseload's. Drug test
 * visibility is enforced here, per case, before flags are filtered or sorted on.
 */
export function caseloadFor(ctx: ServiceContext, scope: CaseloadScope, q: CaseloadQuery): CaseloadPage {
  const today = todayOf(ctx);
  const now = new Date(ctx.now()).toISOString();
  const where = whereClause(scope, q.filters);
  const params: Record<string, string> = { today };
  if (scope.officerId !== null) params.officerId = scope.officerId;
  if (q.filters.category !== undefined && q.filters.category !== 'partial') params.category = q.filters.category;
  if (q.filters.drugType !== undefined) params.drugType = q.filters.drugType;
  if (q.filters.intensity !== undefined) params.intensity = q.filters.intensity;
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const wanted = q.filters.flags ?? [];

  const masked = (flags: CaseFlags, officerId: string | null): CaseFlags =>
    flags.positiveTest && !maySeeRestricted(ctx, officerId) ? { ...flags, positiveTest: false } : flags;

  let total: number;
  let pageIds: string[];
  let flagsById: Map<string, CaseFlags> | null = null;

  if (wanted.length > 0 || q.sort.key === 'flagCount') {
    const order = q.sort.key === 'flagCount' ? SORT_SQL.name('ASC') : SORT_SQL[q.sort.key](dir);
    const scoped = stmt(ctx.db, `SELECT ${SCOPE_COLUMNS} ${FROM} ${where} ORDER BY ${order}, ${TIEBREAK}`).all(params) as ScopeRow[];
    const computed = batchCaseFlags(ctx.db, scoped.map(toFlagCase), today, {
      now,
      ...(scoped.length > OFFICE_SET_THRESHOLD ? { overdue: officeOverdue(ctx.db, today) } : {}),
    });
    const all = new Map(scoped.map((r) => [r.id, masked(computed.get(r.id)!, r.officer_id)]));
    flagsById = all;
    let matching = scoped.filter((r) => wanted.every((f) => all.get(r.id)![f]));
    if (q.sort.key === 'flagCount') {
      const sign = dir === 'DESC' ? -1 : 1;
      const count = new Map(matching.map((r) => [r.id, countFlags(all.get(r.id)!)]));
      // Array.prototype.sort is stable: ties keep the name order.
      matching = [...matching].sort((a, b) => sign * (count.get(a.id)! - count.get(b.id)!));
    }
    total = matching.length;
    pageIds = matching.slice(q.offset, q.offset + q.limit).map((r) => r.id);
  } else {
    // One pass over the filtered cases gives the page and the total; past the end, count alone.
    const page = stmt(
      ctx.db,
      `SELECT c.id, count(*) OVER () AS total ${FROM} ${where} ORDER BY ${SORT_SQL[q.sort.key](dir)}, ${TIEBREAK} LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: q.limit, offset: q.offset }) as { id: string; total: number }[];
    pageIds = page.map((r) => r.id);
    total = page[0]?.total ?? (stmt(ctx.db, `SELECT count(*) ${FROM} ${where}`).pluck().get(params) as number);
  }

  const details = new Map(
    (stmt(ctx.db, DETAILS).all({ today, ids: JSON.stringify(pageIds) }) as DetailRow[]).map((r) => [r.id, r]),
  );
  if (flagsById === null) {
    const page = pageIds.map((id) => details.get(id)!);
    const computed = batchCaseFlags(
      ctx.db,
      page.map((r) => ({
        id: r.id,
        status: r.status,
        intensityLevel: r.intensity_level,
        startDate: r.start_date,
        endDate: r.termination_date ?? r.planned_end_date,
      })),
      today,
      { now },
    );
    flagsById = new Map(page.map((r) => [r.id, masked(computed.get(r.id)!, r.officer_id)]));
  }
  const pageFlags = flagsById;

  const rows = pageIds.map((id): CaseloadRow => {
    const r = details.get(id)!;
    const flags = pageFlags.get(id)!;
    return {
      caseId: r.id,
      superviseeId: r.supervisee_id,
      name: `${r.family_name} ${r.given_name}`.trim(),
      kana: `${r.family_kana} ${r.given_kana}`.trim(),
      caseNumber: r.case_number,
      status: r.status,
      category: r.category,
      phaseKind: r.phase_kind,
      partial: r.partial_suspension === 1,
      intensity: r.intensity_level,
      drugTypes: JSON.parse(r.drug_types) as DrugType[],
      officerId: r.officer_id,
      officerName: r.officer_name,
      vpoId: r.vpo_id,
      vpoName: r.vpo_name,
      startDate: r.start_date,
      plannedEndDate: r.status === 'suspended' ? null : r.planned_end_date,
      terminationDate: r.termination_date,
      lastContactDate: r.last_contact,
      flags: { ...flags },
      flagCount: countFlags(flags),
      drugTestsVisible: maySeeRestricted(ctx, r.officer_id),
    };
  });
  return { today, total, offset: q.offset, rows };
}
