/** Supervisees: the person, their family, the first case at intake, the person page and its history. */
import { randomUUID } from 'node:crypto';
import { ageOn, assertNotFuture } from '../casework/dates';
import type { AuditEntry, ParsedInputOf, Person, PersonDetail, Role } from '../contract';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type Row, type ServiceContext } from '../write';
import { caseIdsOf, insertCase, loadCaseDetail, planCase } from './cases';
import { requireCaseworker, today } from './casework-shared';
import { listFamily } from './family';

export interface PersonRow {
  id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  family_romaji: string;
  given_romaji: string;
  birth_date: string;
  sex: Person['sex'];
  address: string;
  phone: string;
  language_needs: string;
  drug_types: string;
  offences: string;
  prior_convictions: number;
  officer_id: string | null;
  vpo_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Person fields of the create/update input and the column each is stored in. */
const COLUMNS = {
  familyName: 'family_name',
  givenName: 'given_name',
  familyKana: 'family_kana',
  givenKana: 'given_kana',
  familyRomaji: 'family_romaji',
  givenRomaji: 'given_romaji',
  birthDate: 'birth_date',
  sex: 'sex',
  address: 'address',
  phone: 'phone',
  languageNeeds: 'language_needs',
  drugTypes: 'drug_types',
  offences: 'offences',
  priorConvictions: 'prior_convictions',
  officerId: 'officer_id',
  vpoId: 'vpo_id',
} as const satisfies Record<string, keyof PersonRow>;
type PersonField = keyof typeof COLUMNS;

function toColumns(input: Partial<Record<PersonField, unknown>>): Row {
  const row: Row = {};
  for (const [field, column] of Object.entries(COLUMNS) as [PersonField, string][]) {
    const v = input[field];
    if (v === undefined) continue;
    row[column] = Array.isArray(v) ? JSON.stringify(v) : (v as string | number | null);
  }
  return row;
}

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    familyName: r.family_name,
    givenName: r.given_name,
    familyKana: r.family_kana,
    givenKana: r.given_kana,
    familyRomaji: r.family_romaji,
    givenRomaji: r.given_romaji,
    birthDate: r.birth_date,
    sex: r.sex,
    address: r.address,
    phone: r.phone,
    languageNeeds: r.language_needs,
    drugTypes: JSON.parse(r.drug_types) as Person['drugTypes'],
    offences: r.offences,
    priorConvictions: r.prior_convictions,
    officerId: r.officer_id,
    vpoId: r.vpo_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function loadPerson(ctx: ServiceContext, id: string): PersonRow {
  const r = stmt(ctx.db, 'SELECT * FROM supervisees WHERE id = ?').get(id) as PersonRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'no such supervisee', { field: 'id' });
  return r;
}

function assertBirthDate(ctx: ServiceContext, birthDate: string): void {
  assertNotFuture(birthDate, today(ctx), 'birthDate');
}

export function assertOfficer(ctx: ServiceContext, userId: string): void {
  const u = stmt(ctx.db, 'SELECT active, role FROM users WHERE id = ?').get(userId) as { active: number; role: Role } | undefined;
  if (!u || u.active !== 1) throw new AppError('VALIDATION', 'not an active user of the office', { field: 'officerId' });
}

export function assertVpo(ctx: ServiceContext, vpoId: string): void {
  const v = stmt(ctx.db, 'SELECT active FROM vpos WHERE id = ?').get(vpoId) as { active: number } | undefined;
  if (!v || v.active !== 1) throw new AppError('VALIDATION', 'not an active volunteer probation officer', { field: 'vpoId' });
}

/**
 * Only supervisors and administrators assign cases: at intake an officer may take the case on
 * themself only, and any later change of the assigned officer needs a supervisor or administrator.
 */
export function assertMayAssign(ctx: ServiceContext, officerId: string | null, intake: boolean): void {
  if (!intake || officerId !== ctx.actor.userId) requireRole(ctx, 'supervisor', 'administrator');
  if (officerId !== null) assertOfficer(ctx, officerId);
}

/** Intake: the person, the first case, its phases and the general conditions in one transaction. */
export function createSupervisee(ctx: ServiceContext, input: ParsedInputOf<'supervisees.create'>): PersonDetail {
  requireCaseworker(ctx);
  const { caseNumber, rule, intensityLevel, employmentAtStart, guidelines, ...person } = input;
  const officerId = person.officerId ?? ctx.actor.userId;
  if (officerId !== null) assertMayAssign(ctx, officerId, true);
  if (person.vpoId !== null) assertVpo(ctx, person.vpoId);
  assertBirthDate(ctx, person.birthDate);
  const newCase = { caseNumber, rule, intensityLevel, employmentAtStart, guidelines };
  const phases = planCase(ctx, newCase, person.birthDate);
  const id = randomUUID();
  mutate(ctx, 'supervisees.create', (tx) => {
    tx.insert('supervisees', { id, ...toColumns({ ...person, officerId }), created_at: tx.at, updated_at: tx.at });
    insertCase(tx, id, newCase, phases);
  });
  return getSupervisee(ctx, { id });
}

export function updateSupervisee(ctx: ServiceContext, input: ParsedInputOf<'supervisees.update'>): PersonDetail {
  requireCaseworker(ctx);
  const { id, ...fields } = input;
  const current = loadPerson(ctx, id);
  if (fields.officerId !== undefined && fields.officerId !== current.officer_id) assertMayAssign(ctx, fields.officerId, false);
  if (fields.vpoId && fields.vpoId !== current.vpo_id) assertVpo(ctx, fields.vpoId);
  if (fields.birthDate !== undefined) assertBirthDate(ctx, fields.birthDate);
  // Only fields that really change are written, so saving an unchanged form adds no history.
  const patch = Object.fromEntries(
    Object.entries(toColumns(fields)).filter(([column, v]) => current[column as keyof PersonRow] !== v),
  );
  if (Object.keys(patch).length > 0) {
    mutate(ctx, 'supervisees.update', (tx) => tx.update('supervisees', id, { ...patch, updated_at: tx.at }));
  }
  return getSupervisee(ctx, { id });
}

export function getSupervisee(ctx: ServiceContext, input: ParsedInputOf<'supervisees.get'>): PersonDetail {
  requireCaseworker(ctx);
  const r = loadPerson(ctx, input.id);
  const on = today(ctx);
  const officer = r.officer_id
    ? (stmt(ctx.db, 'SELECT id, display_name AS displayName FROM users WHERE id = ?').get(r.officer_id) as
        | { id: string; displayName: string }
        | undefined)
    : undefined;
  const vpo = r.vpo_id
    ? (stmt(ctx.db, 'SELECT id, name, district FROM vpos WHERE id = ?').get(r.vpo_id) as
        | { id: string; name: string; district: string }
        | undefined)
    : undefined;
  return {
    person: toPerson(r),
    today: on,
    age: ageOn(r.birth_date, on),
    officer: officer ?? null,
    vpo: vpo ?? null,
    family: listFamily(ctx, r.id),
    cases: caseIdsOf(ctx, r.id).map((caseId) => loadCaseDetail(ctx, caseId, on)),
  };
}

interface AuditRow {
  id: number;
  at: string;
  actor_login: string | null;
  actor_role: Role | null;
  device_id: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

const PERSON_ENTITIES = [
  'supervisees',
  'family_members',
  'cases',
  'case_phases',
  'supervision_suspensions',
  'conditions',
  'assessments',
];

/** The change history of the person's rows, from the audit trail, newest first. */
export function superviseeHistory(ctx: ServiceContext, input: ParsedInputOf<'supervisees.history'>): AuditEntry[] {
  requireCaseworker(ctx);
  loadPerson(ctx, input.id);
  const ids = stmt(
    ctx.db,
    `SELECT @id AS id
     UNION ALL SELECT id FROM family_members WHERE supervisee_id = @id
     UNION ALL SELECT id FROM cases WHERE supervisee_id = @id
     UNION ALL SELECT p.id FROM case_phases p JOIN cases c ON c.id = p.case_id WHERE c.supervisee_id = @id
     UNION ALL SELECT s.id FROM supervision_suspensions s JOIN cases c ON c.id = s.case_id WHERE c.supervisee_id = @id
     UNION ALL SELECT k.id FROM conditions k JOIN cases c ON c.id = k.case_id WHERE c.supervisee_id = @id
     UNION ALL SELECT a.id FROM assessments a JOIN cases c ON c.id = a.case_id WHERE c.supervisee_id = @id`,
  )
    .all({ id: input.id })
    .map((r) => (r as { id: string }).id);
  const rows = stmt(
    ctx.db,
    `SELECT id, at, actor_login, actor_role, device_id, action, entity, entity_id, before_json, after_json
     FROM audit_log
     WHERE entity IN (SELECT value FROM json_each(@entities)) AND entity_id IN (SELECT value FROM json_each(@ids))
     ORDER BY id DESC LIMIT @limit`,
  ).all({ entities: JSON.stringify(PERSON_ENTITIES), ids: JSON.stringify(ids), limit: input.limit }) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorLogin: r.actor_login,
    actorRole: r.actor_role,
    deviceId: r.device_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
  }));
}
