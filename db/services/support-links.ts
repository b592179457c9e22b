/**
 * Medical institutions, mental health and welfare centres, public health centres, self-help
 * groups and DARC; a case's links to them; and the office's share of drug-related cases linked
 * (the national indicator: 9.1% in FY2023). A link is open on its start and end days.
 */
import { randomUUID } from 'node:crypto';
import {
  NATIONAL_LINKED_SHARE,
  SUPPORT_ORG_KINDS,
  type LinkShare,
  type ParsedInputOf,
  type SupportLink,
  type SupportOrg,
  type SupportOrgKind,
} from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { requireCaseworker } from './casework-shared';
import {
  assertNotBefore,
  assertNotFuture,
  assertOpen,
  bool,
  CASE_REF_COLUMNS,
  pathwayCase,
  toCaseRef,
  todayOf,
  Where,
  type CaseRefRow,
} from './pathways-shared';

interface OrgRow {
  id: string;
  name: string;
  kind: SupportOrgKind;
  address: string;
  phone: string;
  notes: string;
  active: number;
  linked: number;
  created_at: string;
  updated_at: string;
}

const ORG_SELECT = `SELECT o.*, (SELECT count(DISTINCT l.case_id) FROM support_links l WHERE l.org_id = o.id AND l.ended_on IS NULL) AS linked
  FROM support_orgs o`;

/** Kinds in the order of SUPPORT_ORG_KINDS (medical first, then community). */
const KIND_ORDER = `CASE o.kind ${SUPPORT_ORG_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END`;

function toOrg(r: OrgRow): SupportOrg {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    phone: r.phone,
    notes: r.notes,
    active: r.active === 1,
    linkedNow: r.linked,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listSupportOrgs(ctx: ServiceContext, input: ParsedInputOf<'supportOrgs.list'>): SupportOrg[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.kind) where.add('o.kind = @kind', { kind: input.kind });
  if (input.activeOnly) where.add('o.active = 1');
  return (stmt(ctx.db, `${ORG_SELECT} ${where} ORDER BY o.active DESC, ${KIND_ORDER}, o.name, o.id`).all(where.params) as OrgRow[]).map(toOrg);
}

export function saveSupportOrg(ctx: ServiceContext, input: ParsedInputOf<'supportOrgs.save'>): SupportOrg {
  requireCaseworker(ctx);
  if (input.id && !stmt(ctx.db, 'SELECT 1 FROM support_orgs WHERE id = ?').get(input.id)) {
    throw new AppError('NOT_FOUND', 'no such organisation', { field: 'id' });
  }
  if (stmt(ctx.db, 'SELECT 1 FROM support_orgs WHERE name = ? AND kind = ? AND id <> ?').get(input.name, input.kind, input.id ?? '')) {
    throw new AppError('DUPLICATE', 'this organisation is already registered', { field: 'name' });
  }
  const fields = {
    name: input.name,
    kind: input.kind,
    address: input.address,
    phone: input.phone,
    notes: input.notes,
    active: bool(input.active),
  };
  const id = input.id ?? randomUUID();
  if (input.id) mutate(ctx, 'supportOrgs.update', (tx) => tx.update('support_orgs', id, { ...fields, updated_at: tx.at }));
  else mutate(ctx, 'supportOrgs.add', (tx) => tx.insert('support_orgs', { id, ...fields, created_at: tx.at, updated_at: tx.at }));
  return toOrg(stmt(ctx.db, `${ORG_SELECT} WHERE o.id = ?`).get(id) as OrgRow);
}

interface LinkRow extends CaseRefRow {
  id: string;
  org_id: string;
  org_name: string;
  org_kind: SupportOrgKind;
  started_on: string;
  ended_on: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

const LINK_SELECT = `SELECT l.*, o.name AS org_name, o.kind AS org_kind, ${CASE_REF_COLUMNS}
  FROM support_links l JOIN support_orgs o ON o.id = l.org_id JOIN cases c ON c.id = l.case_id JOIN supervisees s ON s.id = c.supervisee_id`;

function toLink(r: LinkRow): SupportLink {
  return {
    ...toCaseRef(r),
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    orgKind: r.org_kind,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getLink(ctx: ServiceContext, id: string): SupportLink | null {
  const r = stmt(ctx.db, `${LINK_SELECT} WHERE l.id = ?`).get(id) as LinkRow | undefined;
  return r ? toLink(r) : null;
}

export function createSupportLink(ctx: ServiceContext, input: ParsedInputOf<'supportLinks.create'>): SupportLink {
  const c = pathwayCase(ctx, input.caseId);
  assertOpen(c);
  // A link may have begun before supervision (a clinic the person already attended).
  assertNotFuture(ctx, input.startedOn, 'startedOn');
  const org = stmt(ctx.db, 'SELECT id, active FROM support_orgs WHERE id = ?').get(input.orgId) as { id: string; active: number } | undefined;
  if (!org) throw new AppError('NOT_FOUND', 'no such organisation', { field: 'orgId' });
  if (org.active !== 1) throw new AppError('VALIDATION', 'the organisation is no longer active', { field: 'orgId' });
  const open = stmt(
    ctx.db,
    'SELECT 1 FROM support_links WHERE case_id = ? AND org_id = ? AND (ended_on IS NULL OR ended_on >= ?)',
  ).get(c.id, org.id, input.startedOn);
  if (open) throw new AppError('DUPLICATE', 'the case is already linked to this organisation then', { field: 'orgId' });
  const id = randomUUID();
  mutate(ctx, 'supportLinks.create', (tx) =>
    tx.insert('support_links', {
      id,
      case_id: c.id,
      org_id: org.id,
      started_on: input.startedOn,
      ended_on: null,
      notes: input.notes,
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return getLink(ctx, id)!;
}

export function endSupportLink(ctx: ServiceContext, input: ParsedInputOf<'supportLinks.end'>): SupportLink {
  requireCaseworker(ctx);
  const l = getLink(ctx, input.id);
  if (!l) throw new AppError('NOT_FOUND', 'no such link', { field: 'id' });
  if (l.endedOn !== null) throw new AppError('INVALID_STATE', 'the link has already ended', { field: 'id' });
  assertNotBefore(l.startedOn, input.endedOn, 'endedOn');
  assertNotFuture(ctx, input.endedOn, 'endedOn');
  mutate(ctx, 'supportLinks.end', (tx) => tx.update('support_links', l.id, { ended_on: input.endedOn, updated_at: tx.at }));
  return getLink(ctx, l.id)!;
}

export function listSupportLinks(ctx: ServiceContext, input: ParsedInputOf<'supportLinks.list'>): SupportLink[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.caseId) where.add('l.case_id = @case', { case: input.caseId });
  if (input.orgId) where.add('l.org_id = @org', { org: input.orgId });
  if (input.kind) where.add('o.kind = @kind', { kind: input.kind });
  if (input.openOnly) where.add('l.ended_on IS NULL');
  if (input.from) where.add('(l.ended_on IS NULL OR l.ended_on >= @from)', { from: input.from });
  if (input.to) where.add('l.started_on <= @to', { to: input.to });
  const rows = stmt(ctx.db, `${LINK_SELECT} ${where} ORDER BY l.started_on DESC, l.created_at DESC, l.id LIMIT @limit OFFSET @offset`).all({
    ...where.params,
    limit: input.limit,
    offset: input.offset,
  }) as LinkRow[];
  return rows.map(toLink);
}

/**
 * Drug-related cases under supervision on a day: started, not terminated before it, and either
 * not past their planned end or suspended (an absconder's end is not known). Counted per case,
 * as the national statistics count.
 */
export const DRUG_CASES_ON = `SELECT c.id FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
  WHERE s.drug_types <> '[]' AND c.start_date <= @asOf
    AND (c.termination_date >= @asOf OR (c.termination_date IS NULL AND (c.status = 'suspended' OR c.planned_end_date >= @asOf)))`;
const LINK_OPEN_ON = 'l.started_on <= @asOf AND (l.ended_on IS NULL OR l.ended_on >= @asOf)';

export function linkShare(ctx: ServiceContext, input: ParsedInputOf<'supportLinks.share'>): LinkShare {
  requireCaseworker(ctx);
  const asOf = input.asOf ?? todayOf(ctx);
  assertNotFuture(ctx, asOf, 'asOf');
  const totals = stmt(
    ctx.db,
    `SELECT count(*) AS denominator,
            coalesce(sum(EXISTS (SELECT 1 FROM support_links l WHERE l.case_id = d.id AND ${LINK_OPEN_ON})), 0) AS numerator
       FROM (${DRUG_CASES_ON}) d`,
  ).get({ asOf }) as { denominator: number; numerator: number };
  const byKind = Object.fromEntries(SUPPORT_ORG_KINDS.map((k) => [k, 0])) as Record<SupportOrgKind, number>;
  for (const r of stmt(
    ctx.db,
    `SELECT o.kind, count(DISTINCT l.case_id) AS n FROM support_links l JOIN support_orgs o ON o.id = l.org_id
      WHERE ${LINK_OPEN_ON} AND l.case_id IN (${DRUG_CASES_ON}) GROUP BY o.kind`,
  ).all({ asOf }) as { kind: SupportOrgKind; n: number }[]) {
    byKind[r.kind] = r.n;
  }
  return {
    asOf,
    denominator: totals.denominator,
    numerator: totals.numerator,
    share: totals.denominator > 0 ? totals.numerator / totals.denominator : null,
    byKind,
    national: { share: NATIONAL_LINKED_SHARE.share, period: NATIONAL_LINKED_SHARE.period },
  };
}
