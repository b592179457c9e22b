import { computeStandard, monthEnd, monthOf, type StandardContact, type StandardRule } from '../casework/standards';
import type { ContactKind, ContactStandard, ParsedInputOf, StandardComputation } from '../contract';
import { AppError } from '../errors';
import type { Db } from '../open';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { loadCase, todayOf, type CaseInfo } from './contacts';

interface StandardRow {
  id: string;
  label: string;
  po_per_month: number;
  vpo_per_month: number;
  po_kinds: string;
  vpo_kinds: string;
  sort: number;
}

function toStandard(r: StandardRow): ContactStandard {
  return {
    id: r.id,
    label: r.label,
    poPerMonth: r.po_per_month,
    vpoPerMonth: r.vpo_per_month,
    poKinds: JSON.parse(r.po_kinds) as ContactKind[],
    vpoKinds: JSON.parse(r.vpo_kinds) as ContactKind[],
    sort: r.sort,
  };
}

export function listStandards(ctx: ServiceContext): ContactStandard[] {
  return (stmt(ctx.db, 'SELECT * FROM contact_standards ORDER BY sort, id').all() as StandardRow[]).map(toStandard);
}

function findStandard(db: Db, id: string): ContactStandard | null {
  const r = stmt(db, 'SELECT * FROM contact_standards WHERE id = ?').get(id) as StandardRow | undefined;
  return r ? toStandard(r) : null;
}

/** Changes a level's standard, or adds a new level. Supervisors and administrators only. */
export function saveStandard(ctx: ServiceContext, input: ParsedInputOf<'standards.save'>): ContactStandard {
  requireRole(ctx, 'supervisor', 'administrator');
  // One kind on both sides would make a contact's count depend on who recorded it: refuse it.
  if (input.vpoKinds.some((k) => input.poKinds.includes(k))) {
    throw new AppError('VALIDATION', 'a kind counts either for the PO or for the VPO, not both', { field: 'vpoKinds' });
  }
  const fields = {
    label: input.label,
    po_per_month: input.poPerMonth,
    vpo_per_month: input.vpoPerMonth,
    po_kinds: JSON.stringify(input.poKinds),
    vpo_kinds: JSON.stringify(input.vpoKinds),
  };
  mutate(ctx, 'standards.save', (tx) => {
    if (findStandard(ctx.db, input.id)) {
      tx.update('contact_standards', input.id, { ...fields, updated_at: tx.at });
    } else {
      const { n } = stmt(ctx.db, 'SELECT COALESCE(MAX(sort), 0) + 1 AS n FROM contact_standards').get() as { n: number };
      tx.insert('contact_standards', { id: input.id, ...fields, sort: n, created_at: tx.at, updated_at: tx.at });
    }
  });
  return findStandard(ctx.db, input.id)!;
}

function ruleOf(db: Db, level: string): StandardRule {
  const s = findStandard(db, level);
  if (!s) throw new AppError('INVALID_STATE', 'the case has an unknown intensity level', { field: 'intensityLevel' });
  return s;
}

/** The standard computation for one case and month, read straight from the database. */
export function evaluateCaseMonth(db: Db, c: CaseInfo, month: string, today: string): StandardComputation {
  const contacts = stmt(
    db,
    `SELECT id, kind, contact_date AS date, outcome, by_vpo_id AS byVpoId, report_month AS reportMonth
       FROM contacts
      WHERE case_id = @caseId
        AND ((contact_date BETWEEN @from AND @to) OR report_month = @month)`,
  ).all({ caseId: c.id, from: `${month}-01`, to: monthEnd(month), month }) as StandardContact[];
  const suspensions = stmt(
    db,
    'SELECT from_date AS "from", resumed_on AS resumedOn FROM supervision_suspensions WHERE case_id = ?',
  ).all(c.id) as { from: string; resumedOn: string | null }[];
  return computeStandard({
    rule: ruleOf(db, c.intensityLevel),
    contacts,
    month,
    period: { start: c.startDate, end: c.endDate, suspensions },
    today,
  });
}

export function standardForCase(ctx: ServiceContext, input: ParsedInputOf<'standards.forCase'>): StandardComputation {
  const c = loadCase(ctx, input.caseId);
  const today = todayOf(ctx);
  return evaluateCaseMonth(ctx.db, c, input.month ?? monthOf(today), today);
}
