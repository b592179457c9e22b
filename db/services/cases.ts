/** Cases and their phases: creation from the date rules, suspension of supervision, termination. */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  assertNotBefore,
  assertNotFuture,
  daysStopped,
  planSupervision,
  SUSPENDABLE_PHASE_KINDS,
  type IsoDate,
} from '../casework/dates';
import type {
  CaseDetail,
  CasePhase,
  EmploymentStatus,
  ParsedInputOf,
  PhaseKind,
  SupervisionSuspension,
  CaseRule,
} from '../contract';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { latestAssessment } from './assessments';
import {
  assertCaseOpen,
  assertIntensityLevel,
  loadCaseRow,
  requireCaseworker,
  today,
  withFieldPrefix,
} from './casework-shared';
import { insertGeneralConditions, listConditions } from './conditions';

interface PhaseRow {
  id: string;
  case_id: string;
  seq: number;
  category: CasePhase['category'];
  kind: PhaseKind;
  start_date: string;
  base_end_date: string;
  end_date: string;
  rule: string;
}

interface SuspensionRow {
  id: string;
  case_id: string;
  phase_id: string;
  from_date: string;
  resumed_on: string | null;
  reason: string;
}

function phaseRows(ctx: ServiceContext, caseId: string): PhaseRow[] {
  return stmt(ctx.db, 'SELECT * FROM case_phases WHERE case_id = ? ORDER BY seq').all(caseId) as PhaseRow[];
}

function suspensionRows(ctx: ServiceContext, caseId: string): SuspensionRow[] {
  return stmt(ctx.db, 'SELECT * FROM supervision_suspensions WHERE case_id = ? ORDER BY from_date, created_at')
    .all(caseId) as SuspensionRow[];
}

export function loadCaseDetail(ctx: ServiceContext, caseId: string, on: IsoDate = today(ctx)): CaseDetail {
  const r = loadCaseRow(ctx, caseId);
  const suspensions = suspensionRows(ctx, caseId);
  const open = suspensions.find((s) => s.resumed_on === null);
  const rows = phaseRows(ctx, caseId);
  const openSeq = open ? (rows.find((p) => p.id === open.phase_id)?.seq ?? 0) : Infinity;
  const phases: CasePhase[] = rows.map((p) => ({
    id: p.id,
    seq: p.seq,
    category: p.category,
    kind: p.kind,
    startDate: p.start_date,
    baseEndDate: p.base_end_date,
    // While supervision is suspended the end of this phase, and of any later one, is not known.
    endDate: p.seq >= openSeq ? null : p.end_date,
    rule: JSON.parse(p.rule) as Record<string, unknown>,
  }));
  const started = phases.filter((p) => p.startDate <= on);
  const { latest, count } = latestAssessment(ctx, caseId);
  return {
    id: r.id,
    superviseeId: r.supervisee_id,
    caseNumber: r.case_number,
    partialSuspension: r.partial_suspension === 1,
    status: r.status,
    intensityLevel: r.intensity_level,
    startDate: r.start_date,
    plannedEndDate: open ? null : r.planned_end_date,
    terminationDate: r.termination_date,
    terminationReason: r.termination_reason,
    employmentAtStart: r.employment_at_start,
    employmentAtTermination: r.employment_at_termination,
    guidelines: r.guidelines,
    phases,
    currentPhaseId: (started[started.length - 1] ?? phases[0])?.id ?? null,
    suspensions: suspensions.map(
      (s): SupervisionSuspension => ({
        id: s.id,
        phaseId: s.phase_id,
        fromDate: s.from_date,
        resumedOn: s.resumed_on,
        reason: s.reason,
        daysStopped: s.resumed_on === null ? null : daysStopped(s.from_date, s.resumed_on),
      }),
    ),
    conditions: listConditions(ctx, caseId),
    latestAssessment: latest,
    assessmentCount: count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function caseIdsOf(ctx: ServiceContext, superviseeId: string): string[] {
  const rows = stmt(ctx.db, 'SELECT id FROM cases WHERE supervisee_id = ? ORDER BY start_date DESC, created_at DESC')
    .all(superviseeId) as { id: string }[];
  return rows.map((r) => r.id);
}

export interface NewCase {
  caseNumber: string;
  rule: CaseRule;
  intensityLevel: string;
  employmentAtStart: EmploymentStatus | null;
  guidelines: string;
}

/** Checks a new case's input and works out its phases; throws before anything is written. */
export function planCase(ctx: ServiceContext, input: NewCase, birthDate: IsoDate) {
  if (stmt(ctx.db, 'SELECT 1 FROM cases WHERE case_number = ?').get(input.caseNumber)) {
    throw new AppError('DUPLICATE', 'this case number is already used', { field: 'caseNumber' });
  }
  assertIntensityLevel(ctx, input.intensityLevel, 'intensityLevel');
  const phases = withFieldPrefix('rule', () => planSupervision(input.rule, birthDate));
  if (phases[0]!.startDate < birthDate) {
    throw new AppError('VALIDATION', 'supervision cannot start before the birth date', { field: 'birthDate' });
  }
  return phases;
}

/** Inside the transaction of intake or of `cases.open`: the case, its phases and the general conditions. */
export function insertCase(tx: Tx, superviseeId: string, input: NewCase, phases: ReturnType<typeof planCase>): string {
  const caseId = randomUUID();
  const first = phases[0]!;
  const last = phases[phases.length - 1]!;
  tx.insert('cases', {
    id: caseId,
    supervisee_id: superviseeId,
    case_number: input.caseNumber,
    partial_suspension: input.rule.category === 'partial' ? 1 : 0,
    status: 'active',
    intensity_level: input.intensityLevel,
    start_date: first.startDate,
    planned_end_date: last.endDate,
    employment_at_start: input.employmentAtStart,
    guidelines: input.guidelines,
    created_at: tx.at,
    updated_at: tx.at,
  });
  for (const p of phases) {
    tx.insert('case_phases', {
      id: randomUUID(),
      case_id: caseId,
      seq: p.seq,
      category: p.category,
      kind: p.kind,
      start_date: p.startDate,
      base_end_date: p.endDate,
      end_date: p.endDate,
      rule: JSON.stringify(p.rule),
      created_at: tx.at,
      updated_at: tx.at,
    });
  }
  insertGeneralConditions(tx, caseId, first.startDate);
  return caseId;
}

/** 保護観察の停止: only during a parole phase; the case stays suspended until resumed. */
export function suspendCase(ctx: ServiceContext, input: ParsedInputOf<'cases.suspend'>): CaseDetail {
  requireCaseworker(ctx);
  const kase = loadCaseRow(ctx, input.caseId);
  assertCaseOpen(kase);
  if (kase.status === 'suspended') throw new AppError('INVALID_STATE', 'supervision is already suspended', { status: kase.status });
  assertNotFuture(input.fromDate, today(ctx), 'fromDate');
  const phase = phaseRows(ctx, kase.id).find((p) => p.start_date <= input.fromDate && input.fromDate <= p.end_date);
  if (!phase) throw new AppError('VALIDATION', 'the date is outside the supervision period', { field: 'fromDate' });
  if (!SUSPENDABLE_PHASE_KINDS.includes(phase.kind)) {
    throw new AppError('INVALID_STATE', 'supervision can be suspended only for parolees', { phaseKind: phase.kind });
  }
  const lastResumed = suspensionRows(ctx, kase.id).reduce<string>((m, s) => (s.resumed_on && s.resumed_on > m ? s.resumed_on : m), '');
  if (input.fromDate < lastResumed) {
    throw new AppError('OVERLAP', 'the date falls in an earlier suspension', { field: 'fromDate' });
  }
  mutate(ctx, 'cases.suspend', (tx) => {
    tx.insert('supervision_suspensions', {
      id: randomUUID(),
      case_id: kase.id,
      phase_id: phase.id,
      from_date: input.fromDate,
      reason: input.reason,
      created_at: tx.at,
      updated_at: tx.at,
    });
    tx.update('cases', kase.id, { status: 'suspended', updated_at: tx.at });
  });
  return loadCaseDetail(ctx, kase.id);
}

/**
 * Resumes supervision: the suspended phase ends later by the days stopped, later phases (the
 * probation part of a partial suspended sentence) start and end later by as many, and so does the case.
 */
export function resumeCase(ctx: ServiceContext, input: ParsedInputOf<'cases.resume'>): CaseDetail {
  requireCaseworker(ctx);
  const kase = loadCaseRow(ctx, input.caseId);
  const open = suspensionRows(ctx, kase.id).find((s) => s.resumed_on === null);
  if (kase.status !== 'suspended' || !open) {
    throw new AppError('INVALID_STATE', 'supervision is not suspended', { status: kase.status });
  }
  assertNotFuture(input.resumedOn, today(ctx), 'resumedOn');
  const days = daysStopped(open.from_date, input.resumedOn);
  const phases = phaseRows(ctx, kase.id);
  const suspendedSeq = phases.find((p) => p.id === open.phase_id)!.seq;
  mutate(ctx, 'cases.resume', (tx) => {
    tx.update('supervision_suspensions', open.id, { resumed_on: input.resumedOn, updated_at: tx.at });
    for (const p of phases) {
      if (p.seq < suspendedSeq) continue;
      tx.update('case_phases', p.id, {
        start_date: p.seq === suspendedSeq ? p.start_date : addDays(p.start_date, days),
        end_date: addDays(p.end_date, days),
        updated_at: tx.at,
      });
    }
    tx.update('cases', kase.id, {
      status: 'active',
      planned_end_date: addDays(kase.planned_end_date, days),
      updated_at: tx.at,
    });
  });
  return loadCaseDetail(ctx, kase.id);
}

/** Supervisors and administrators only. A suspension still open at termination stays open. */
export function terminateCase(ctx: ServiceContext, input: ParsedInputOf<'cases.terminate'>): CaseDetail {
  requireRole(ctx, 'supervisor', 'administrator');
  const kase = loadCaseRow(ctx, input.caseId);
  assertCaseOpen(kase);
  assertNotFuture(input.terminationDate, today(ctx), 'terminationDate');
  assertNotBefore(kase.start_date, input.terminationDate, 'terminationDate');
  mutate(ctx, 'cases.terminate', (tx) => {
    tx.update('cases', kase.id, {
      status: 'terminated',
      termination_date: input.terminationDate,
      termination_reason: input.reason,
      employment_at_termination: input.employmentAtTermination,
      updated_at: tx.at,
    });
  });
  return loadCaseDetail(ctx, kase.id);
}

export function setIntensity(ctx: ServiceContext, input: ParsedInputOf<'cases.setIntensity'>): CaseDetail {
  return updateOpenCase(ctx, input.caseId, 'cases.setIntensity', () => {
    assertIntensityLevel(ctx, input.level, 'level');
    return { intensity_level: input.level };
  });
}

export function setGuidelines(ctx: ServiceContext, input: ParsedInputOf<'cases.setGuidelines'>): CaseDetail {
  return updateOpenCase(ctx, input.caseId, 'cases.setGuidelines', () => ({ guidelines: input.text }));
}

function updateOpenCase(
  ctx: ServiceContext,
  caseId: string,
  action: string,
  patch: () => Record<string, string>,
): CaseDetail {
  requireCaseworker(ctx);
  const kase = loadCaseRow(ctx, caseId);
  assertCaseOpen(kase);
  const fields = patch();
  mutate(ctx, action, (tx) => tx.update('cases', kase.id, { ...fields, updated_at: tx.at }));
  return loadCaseDetail(ctx, kase.id);
}
