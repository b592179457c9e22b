/**
 * A new case for a person already registered: someone who comes back under supervision (a new
 * sentence, parole from a new prison term). Intake's rules apply: the same input, the same date
 * rules (planCase → db/casework/dates.ts), the same assignment rules, one transaction.
 */
import type { IsoDate } from '../casework/dates';
import type { CaseDetail, CaseRule, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type Row, type ServiceContext } from '../write';
import { insertCase, loadCaseDetail, planCase } from './cases';
import { requireCaseworker } from './casework-shared';
import { assertMayAssign, assertOfficer, assertVpo, loadPerson } from './supervisees';

/** The rule input holding the day supervision starts, where an overlap is reported. */
function startField(rule: CaseRule): string {
  switch (rule.category) {
    case '1':
      return 'rule.decisionDate';
    case '4':
      return 'rule.judgmentFinalDate';
    case 'partial':
      return rule.paroleReleaseDate === null ? 'rule.unsuspendedEndDate' : 'rule.paroleReleaseDate';
    default:
      return 'rule.releaseDate';
  }
}

interface PeriodRow {
  case_number: string;
  start_date: string;
  /** The termination date, else the planned end; null while an open suspension leaves it unknown. */
  end_date: string | null;
}

/**
 * One person is under one supervision at a time: a partial suspended sentence's parole and
 * probation are phases of one case, and a new sentence follows the end (expiry or revocation) of
 * the earlier one. So the new period may not overlap the period of any other case of the person:
 * a terminated case up to its termination date, an open one up to its planned end, and one with
 * supervision suspended (end not known) from its start on.
 */
function assertNoOverlap(ctx: ServiceContext, superviseeId: string, start: IsoDate, end: IsoDate, field: string): void {
  const clash = stmt(
    ctx.db,
    `WITH periods AS (
       SELECT c.case_number, c.start_date,
              CASE WHEN c.status = 'terminated' THEN c.termination_date
                   WHEN EXISTS (SELECT 1 FROM supervision_suspensions s WHERE s.case_id = c.id AND s.resumed_on IS NULL) THEN NULL
                   ELSE c.planned_end_date END AS end_date
         FROM cases c WHERE c.supervisee_id = @superviseeId)
     SELECT * FROM periods WHERE start_date <= @end AND (end_date IS NULL OR end_date >= @start)
      ORDER BY start_date LIMIT 1`,
  ).get({ superviseeId, start, end }) as PeriodRow | undefined;
  if (clash) {
    throw new AppError('OVERLAP', 'the supervision period overlaps another case of the person', {
      field,
      caseNumber: clash.case_number,
      startDate: clash.start_date,
      endDate: clash.end_date,
    });
  }
}

export function openCase(ctx: ServiceContext, input: ParsedInputOf<'cases.open'>): CaseDetail {
  requireCaseworker(ctx);
  const { superviseeId, officerId: chosenOfficer, vpoId, ...newCase } = input;
  const person = loadPerson(ctx, superviseeId);
  const officerId = chosenOfficer ?? person.officer_id ?? ctx.actor.userId;
  const assign: Row = {};
  if (officerId !== person.officer_id) {
    // As at intake, an officer may take an unassigned person on themself; moving a person from
    // another officer is a reassignment, for supervisors and administrators.
    assertMayAssign(ctx, officerId, person.officer_id === null);
    assign.officer_id = officerId;
  } else if (officerId !== null) {
    assertOfficer(ctx, officerId);
  }
  if (vpoId !== undefined && vpoId !== person.vpo_id) {
    if (vpoId !== null) assertVpo(ctx, vpoId);
    assign.vpo_id = vpoId;
  }
  const phases = planCase(ctx, newCase, person.birth_date);
  assertNoOverlap(ctx, superviseeId, phases[0]!.startDate, phases[phases.length - 1]!.endDate, startField(newCase.rule));
  let caseId = '';
  mutate(ctx, 'cases.open', (tx) => {
    if (Object.keys(assign).length > 0) tx.update('supervisees', superviseeId, { ...assign, updated_at: tx.at });
    caseId = insertCase(tx, superviseeId, newCase, phases);
  });
  return loadCaseDetail(ctx, caseId);
}
