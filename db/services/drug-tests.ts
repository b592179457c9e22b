import { randomUUID } from 'node:crypto';
import type { DrugTest, DrugTestMethod, DrugTestResult, DrugType, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { assertPastDateInCase, canSeeRestricted, loadCase, type CaseInfo } from './contacts';

interface DrugTestRow {
  id: string;
  case_id: string;
  tested_on: string;
  method: DrugTestMethod;
  substances: string;
  result: DrugTestResult;
  consent: number;
  follow_up: string;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

function toDrugTest(r: DrugTestRow): DrugTest {
  return {
    id: r.id,
    caseId: r.case_id,
    testedOn: r.tested_on,
    method: r.method,
    substances: JSON.parse(r.substances) as DrugType[],
    result: r.result,
    consent: r.consent === 1,
    followUp: r.follow_up,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Test results are sensitive: only the case's own officer, supervisors and administrators. */
export function loadCaseForTests(ctx: ServiceContext, caseId: string): CaseInfo {
  const c = loadCase(ctx, caseId);
  if (!canSeeRestricted(ctx, c)) {
    throw new AppError('FORBIDDEN', "drug tests are visible only to the case's officer, supervisors and administrators");
  }
  return c;
}

export type DrugTestInput = ParsedInputOf<'drugTests.record'>;

/** Every rule a test must pass before it is written (also used by program sessions' rosters). */
export function checkDrugTest(ctx: ServiceContext, input: DrugTestInput): CaseInfo {
  const c = loadCaseForTests(ctx, input.caseId);
  assertPastDateInCase(ctx, c, input.testedOn, 'testedOn');
  // ASSUMPTION: a kit test is taken only with signed consent; without it the only result is "refused".
  if (!input.consent && input.result !== 'refused') {
    throw new AppError('VALIDATION', 'a test without consent can only be recorded as refused', { field: 'consent' });
  }
  return c;
}

/** Writes a test that passed checkDrugTest, inside the caller's transaction; returns its id. */
export function insertDrugTest(ctx: ServiceContext, tx: Tx, c: CaseInfo, input: DrugTestInput): string {
  const id = randomUUID();
  tx.insert('drug_tests', {
    id,
    case_id: c.id,
    tested_on: input.testedOn,
    method: input.method,
    substances: JSON.stringify(input.substances),
    result: input.result,
    consent: input.consent ? 1 : 0,
    follow_up: input.followUp,
    recorded_by: ctx.actor.userId,
    created_at: tx.at,
    updated_at: tx.at,
  });
  return id;
}

export function recordDrugTest(ctx: ServiceContext, input: DrugTestInput): DrugTest {
  const c = checkDrugTest(ctx, input);
  const id = mutate(ctx, 'drugTests.record', (tx) => insertDrugTest(ctx, tx, c, input));
  return toDrugTest(stmt(ctx.db, 'SELECT * FROM drug_tests WHERE id = ?').get(id) as DrugTestRow);
}

export function listDrugTests(ctx: ServiceContext, input: ParsedInputOf<'drugTests.list'>): DrugTest[] {
  const c = loadCaseForTests(ctx, input.caseId);
  const rows = stmt(ctx.db, 'SELECT * FROM drug_tests WHERE case_id = ? ORDER BY tested_on DESC, created_at DESC').all(
    c.id,
  ) as DrugTestRow[];
  return rows.map(toDrugTest);
}
