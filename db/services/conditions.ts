/** Conditions of supervision: general ones added with every case, special ones added, changed, lifted. */
import { randomUUID } from 'node:crypto';
import { CATALOGUE, GENERAL_CONDITIONS, findCatalogueEntry } from '../casework/catalogue';
import { assertNotBefore, maxDate } from '../casework/dates';
import type { CatalogueEntry, Condition, ConditionKind, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { assertCaseOpen, loadCaseRow, requireCaseworker } from './casework-shared';

interface ConditionRow {
  id: string;
  case_id: string;
  kind: ConditionKind;
  catalogue_code: string;
  text: string;
  set_on: string;
  changed_on: string | null;
  lifted_on: string | null;
  created_at: string;
  updated_at: string;
}

function toCondition(r: ConditionRow): Condition {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    catalogueCode: r.catalogue_code,
    text: r.text,
    setOn: r.set_on,
    changedOn: r.changed_on,
    liftedOn: r.lifted_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listConditions(ctx: ServiceContext, caseId: string): Condition[] {
  const rows = stmt(ctx.db, "SELECT * FROM conditions WHERE case_id = ? ORDER BY kind <> 'general', set_on, created_at, rowid")
    .all(caseId) as ConditionRow[];
  return rows.map(toCondition);
}

function loadCondition(ctx: ServiceContext, id: string): ConditionRow {
  const row = stmt(ctx.db, 'SELECT * FROM conditions WHERE id = ?').get(id) as ConditionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no such condition', { field: 'id' });
  return row;
}

/** Inside the case-creating transaction: the four general conditions, set on the case's first day. */
export function insertGeneralConditions(tx: Tx, caseId: string, setOn: string): void {
  for (const c of GENERAL_CONDITIONS) {
    tx.insert('conditions', {
      id: randomUUID(),
      case_id: caseId,
      kind: 'general',
      catalogue_code: c.code,
      text: c.text,
      set_on: setOn,
      created_at: tx.at,
      updated_at: tx.at,
    });
  }
}

export function conditionCatalogue(ctx: ServiceContext): CatalogueEntry[] {
  requireCaseworker(ctx);
  return CATALOGUE.map((e) => ({ ...e }));
}

export function addCondition(ctx: ServiceContext, input: ParsedInputOf<'conditions.add'>): Condition {
  requireCaseworker(ctx);
  assertCaseOpen(loadCaseRow(ctx, input.caseId));
  if (input.catalogueCode !== undefined) {
    const entry = findCatalogueEntry(input.catalogueCode);
    if (!entry || entry.kind !== input.kind) {
      throw new AppError('VALIDATION', 'not a catalogue entry of this kind', { field: 'catalogueCode' });
    }
  }
  const id = randomUUID();
  mutate(ctx, 'conditions.add', (tx) => {
    tx.insert('conditions', {
      id,
      case_id: input.caseId,
      kind: input.kind,
      catalogue_code: input.catalogueCode ?? '',
      text: input.text,
      set_on: input.setOn,
      created_at: tx.at,
      updated_at: tx.at,
    });
  });
  return toCondition(loadCondition(ctx, id));
}

/** General conditions are statutory: they are neither changed nor lifted. */
function loadChangeable(ctx: ServiceContext, id: string): ConditionRow {
  const row = loadCondition(ctx, id);
  if (row.kind === 'general') throw new AppError('INVALID_STATE', 'general conditions cannot be changed or lifted');
  if (row.lifted_on !== null) throw new AppError('INVALID_STATE', 'the condition has been lifted');
  assertCaseOpen(loadCaseRow(ctx, row.case_id));
  return row;
}

/** The old wording stays in the audit trail (before/after of the update). */
export function changeCondition(ctx: ServiceContext, input: ParsedInputOf<'conditions.change'>): Condition {
  requireCaseworker(ctx);
  const row = loadChangeable(ctx, input.id);
  assertNotBefore(row.changed_on ?? row.set_on, input.changedOn, 'changedOn');
  mutate(ctx, 'conditions.change', (tx) => {
    tx.update('conditions', row.id, { text: input.text, changed_on: input.changedOn, updated_at: tx.at });
  });
  return toCondition(loadCondition(ctx, row.id));
}

export function liftCondition(ctx: ServiceContext, input: ParsedInputOf<'conditions.lift'>): Condition {
  requireCaseworker(ctx);
  const row = loadChangeable(ctx, input.id);
  assertNotBefore(maxDate(row.set_on, row.changed_on ?? row.set_on), input.liftedOn, 'liftedOn');
  mutate(ctx, 'conditions.lift', (tx) => {
    tx.update('conditions', row.id, { lifted_on: input.liftedOn, updated_at: tx.at });
  });
  return toCondition(loadCondition(ctx, row.id));
}
