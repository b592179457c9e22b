/**
 * Treatment programs: the catalogue, enrolments with their planned schedule, and progress.
 * Sessions and attendance are in ./program-sessions.ts; the schedule's date rules in
 * db/pathways/program-schedule.ts; the caseload flag in db/pathways/program-flags.ts.
 */
import { randomUUID } from 'node:crypto';
import { assertNotFuture } from '../casework/dates';
import {
  programRules,
  type Enrolment,
  type EnrolmentPage,
  type EnrolmentProgress,
  type EnrolmentRow,
  type EnrolmentStage,
  type EnrolmentStatus,
  type MissedSession,
  type Program,
  type ProgramKind,
  type ProgramRules,
  type ScheduleItem,
  type SessionStage,
} from '../channels/programs';
import type { ParsedInputOf, TimelineValue } from '../contract';
import { AppError } from '../errors';
import type { Db } from '../open';
import { ENROLMENT_BREACH_SQL, programBreachParams } from '../pathways/program-flags';
import {
  absenceWindowStart,
  coreOverdue,
  coreSchedule,
  fiscalYear,
  nextDue,
  scheduleState,
  stepUpSchedule,
  type PlannedSession,
  type ScheduleSlot,
} from '../pathways/program-schedule';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { assertCaseOpen, loadCaseRow, requireCaseworker, today as todayOf } from './casework-shared';

// --- the catalogue ---------------------------------------------------------------------------------

interface ProgramRow {
  id: string;
  code: string;
  name: string;
  kind: ProgramKind;
  provider: string;
  rules: string;
  active: number;
  created_at: string;
  updated_at: string;
}

const parsedRules = new Map<string, ProgramRules>();

/**
 * The stored rules; they were validated when saved (or seeded), so a bad row is a bug. Kept by
 * their text: screens such as the roster read them on every call, and an office has a handful.
 */
export function parseRules(json: string): ProgramRules {
  let rules = parsedRules.get(json);
  if (!rules) {
    if (parsedRules.size >= 100) parsedRules.clear();
    parsedRules.set(json, (rules = programRules.parse(JSON.parse(json))));
  }
  return rules;
}

function toProgram(r: ProgramRow): Program {
  const rules = parseRules(r.rules);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    provider: r.provider,
    rules,
    active: r.active === 1,
    scheduled: rules.core !== undefined,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function loadProgram(ctx: ServiceContext, id: string, field = 'programId'): Program {
  const r = stmt(ctx.db, 'SELECT * FROM programs WHERE id = ?').get(id) as ProgramRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'no such program', { field });
  return toProgram(r);
}

export function listPrograms(ctx: ServiceContext, input: ParsedInputOf<'programs.list'>): Program[] {
  requireCaseworker(ctx);
  const rows = stmt(
    ctx.db,
    `SELECT * FROM programs ${input.activeOnly ? 'WHERE active = 1' : ''} ORDER BY kind <> 'relapse_prevention', code`,
  ).all() as ProgramRow[];
  return rows.map(toProgram);
}

/**
 * Adds or changes a catalogue entry. Changed rules shape the schedules planned afterwards; the
 * schedules already planned stay as they were. A program's kind is fixed once it has enrolments.
 */
export function saveProgram(ctx: ServiceContext, input: ParsedInputOf<'programs.save'>): Program {
  requireRole(ctx, 'supervisor', 'administrator');
  const sameCode = stmt(ctx.db, 'SELECT id FROM programs WHERE code = ?').pluck().get(input.code) as string | undefined;
  if (sameCode !== undefined && sameCode !== input.id) throw new AppError('DUPLICATE', 'another program has this code', { field: 'code' });
  const fields = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    provider: input.provider,
    rules: JSON.stringify(input.rules),
    active: input.active ? 1 : 0,
  };
  const id = input.id ?? randomUUID();
  if (input.id !== undefined) {
    const before = loadProgram(ctx, input.id, 'id');
    const enrolled = stmt(ctx.db, 'SELECT 1 FROM enrolments WHERE program_id = ? LIMIT 1').get(input.id) !== undefined;
    if (enrolled && before.kind !== input.kind) {
      throw new AppError('INVALID_STATE', 'the kind of a program with enrolments cannot change', { field: 'kind' });
    }
    mutate(ctx, 'programs.save', (tx) => tx.update('programs', id, { ...fields, updated_at: tx.at }));
  } else {
    mutate(ctx, 'programs.save', (tx) => tx.insert('programs', { id, ...fields, created_at: tx.at, updated_at: tx.at }));
  }
  return loadProgram(ctx, id, 'id');
}

// --- enrolments --------------------------------------------------------------------------------------

interface EnrolmentDbRow {
  id: string;
  case_id: string;
  program_id: string;
  condition_id: string | null;
  enrolled_on: string;
  stage: EnrolmentStage;
  status: EnrolmentStatus;
  core_completed_on: string | null;
  completed_on: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  created_at: string;
  updated_at: string;
  program_code: string;
  program_name: string;
  program_kind: ProgramKind;
}

const ENROLMENT_SELECT = `SELECT e.*, p.code AS program_code, p.name AS program_name, p.kind AS program_kind
  FROM enrolments e JOIN programs p ON p.id = e.program_id`;

export function loadEnrolmentRow(db: Db, id: string): EnrolmentDbRow | undefined {
  return stmt(db, `${ENROLMENT_SELECT} WHERE e.id = ?`).get(id) as EnrolmentDbRow | undefined;
}

interface SlotRow extends ScheduleSlot {
  enrolmentId: string;
  attendedOn: string | null;
}

interface AttendanceRow {
  enrolmentId: string;
  sessionId: string;
  stage: SessionStage;
  sessionNo: number | null;
  heldOn: string;
  attendance: string;
}

/** Schedules and held-session attendance of many enrolments, two queries in all. */
function readProgressRows(db: Db, ids: readonly string[]): { slots: Map<string, SlotRow[]>; attendance: Map<string, AttendanceRow[]> } {
  const slots = new Map<string, SlotRow[]>();
  const attendance = new Map<string, AttendanceRow[]>();
  if (ids.length === 0) return { slots, attendance };
  const p = { ids: JSON.stringify(ids) };
  for (const r of stmt(
    db,
    `SELECT s.enrolment_id AS enrolmentId, s.id, s.stage, s.session_no AS sessionNo, s.due_on AS dueOn, s.session_id AS sessionId,
            ps.held_on AS attendedOn
       FROM enrolment_schedule s LEFT JOIN program_sessions ps ON ps.id = s.session_id
      WHERE s.enrolment_id IN (SELECT value FROM json_each(@ids))
      ORDER BY s.due_on, s.session_no`,
  ).all(p) as SlotRow[]) {
    let list = slots.get(r.enrolmentId);
    if (!list) slots.set(r.enrolmentId, (list = []));
    list.push(r);
  }
  for (const r of stmt(
    db,
    // Participants are indexed by case, not by enrolment: read the enrolments' cases' rows.
    `SELECT sp.enrolment_id AS enrolmentId, ps.id AS sessionId, ps.stage, ps.session_no AS sessionNo, ps.held_on AS heldOn, sp.attendance
       FROM session_participants sp CROSS JOIN program_sessions ps ON ps.id = sp.session_id
      WHERE sp.case_id IN (SELECT case_id FROM enrolments WHERE id IN (SELECT value FROM json_each(@ids)))
        AND sp.enrolment_id IN (SELECT value FROM json_each(@ids)) AND ps.status = 'held' AND sp.attendance <> 'pending'
      ORDER BY ps.held_on`,
  ).all(p) as AttendanceRow[]) {
    let list = attendance.get(r.enrolmentId);
    if (!list) attendance.set(r.enrolmentId, (list = []));
    list.push(r);
  }
  return { slots, attendance };
}

function progressOf(e: EnrolmentDbRow, slots: readonly SlotRow[], attendance: readonly AttendanceRow[], today: string): EnrolmentProgress {
  const dates = { status: e.status, stage: e.stage, completedOn: e.completed_on, withdrawnOn: e.withdrawn_on };
  const core = slots.filter((s) => s.stage === 'core');
  const fy = fiscalYear(today);
  const inFy = (d: string) => d >= fy.from && d <= fy.to;
  const absences = attendance.filter((a) => a.attendance === 'absent_unacceptable');
  // A core session missed without an acceptable reason and not yet made up is one missed session, not two.
  const absentFromCore = new Set(absences.filter((a) => a.stage === 'core').map((a) => a.sessionNo));
  const missed: MissedSession[] = [
    ...absences.map((a): MissedSession => ({ kind: 'absent_unacceptable', date: a.heldOn, sessionId: a.sessionId, sessionNo: a.sessionNo })),
    ...core
      .filter((s) => coreOverdue(s, dates, today) && !absentFromCore.has(s.sessionNo))
      .map((s): MissedSession => ({ kind: 'core_overdue', date: s.dueOn, sessionId: null, sessionNo: s.sessionNo })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const windowFrom = absenceWindowStart(today);
  return {
    coreAttended: core.filter((s) => s.sessionId !== null).length,
    coreTotal: core.length,
    stepUp: {
      fiscalYear: fy.year,
      from: fy.from,
      to: fy.to,
      attended: attendance.filter((a) => a.stage === 'step_up' && inFy(a.heldOn) && (a.attendance === 'attended' || a.attendance === 'late'))
        .length,
      planned: slots.filter((s) => s.stage === 'step_up' && inFy(s.dueOn) && scheduleState(s, dates, today) !== 'cancelled').length,
    },
    nextDue: nextDue(slots, dates, today),
    missed,
    // The same rule as the caseload's programMissed (db/pathways/program-flags.ts), for this enrolment.
    possibleBreach: absences.some((a) => a.heldOn >= windowFrom && a.heldOn <= today) || core.some((s) => coreOverdue(s, dates, today)),
  };
}

function toEnrolment(e: EnrolmentDbRow, slots: readonly SlotRow[], attendance: readonly AttendanceRow[], today: string): Enrolment {
  const dates = { status: e.status, stage: e.stage, completedOn: e.completed_on, withdrawnOn: e.withdrawn_on };
  return {
    id: e.id,
    caseId: e.case_id,
    programId: e.program_id,
    programCode: e.program_code,
    programName: e.program_name,
    programKind: e.program_kind,
    conditionId: e.condition_id,
    enrolledOn: e.enrolled_on,
    stage: e.stage,
    status: e.status,
    coreCompletedOn: e.core_completed_on,
    completedOn: e.completed_on,
    withdrawnOn: e.withdrawn_on,
    withdrawalReason: e.withdrawal_reason,
    schedule: slots.map(
      (s): ScheduleItem => ({
        id: s.id,
        stage: s.stage,
        sessionNo: s.sessionNo,
        dueOn: s.dueOn,
        sessionId: s.sessionId,
        attendedOn: s.attendedOn,
        state: scheduleState(s, dates, today),
      }),
    ),
    progress: progressOf(e, slots, attendance, today),
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

export function getEnrolment(ctx: ServiceContext, id: string): Enrolment {
  const e = loadEnrolmentRow(ctx.db, id);
  if (!e) throw new AppError('NOT_FOUND', 'no such enrolment', { field: 'id' });
  const { slots, attendance } = readProgressRows(ctx.db, [id]);
  return toEnrolment(e, slots.get(id) ?? [], attendance.get(id) ?? [], todayOf(ctx));
}

export function enrolmentsForCase(ctx: ServiceContext, input: ParsedInputOf<'enrolments.forCase'>): Enrolment[] {
  requireCaseworker(ctx);
  loadCaseRow(ctx, input.caseId);
  const rows = stmt(ctx.db, `${ENROLMENT_SELECT} WHERE e.case_id = ? ORDER BY e.enrolled_on DESC, e.created_at DESC`).all(
    input.caseId,
  ) as EnrolmentDbRow[];
  const { slots, attendance } = readProgressRows(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = todayOf(ctx);
  return rows.map((r) => toEnrolment(r, slots.get(r.id) ?? [], attendance.get(r.id) ?? [], today));
}

/** Inserts planned sessions for an enrolment inside the caller's transaction. */
export function insertSchedule(tx: Tx, enrolmentId: string, planned: readonly PlannedSession[]): void {
  for (const s of planned) {
    tx.insert('enrolment_schedule', {
      id: randomUUID(),
      enrolment_id: enrolmentId,
      stage: s.stage,
      session_no: s.sessionNo,
      due_on: s.dueOn,
      session_id: null,
      created_at: tx.at,
      updated_at: tx.at,
    });
  }
}

/** The last day of supervision of a case: its termination, else its planned end. */
export function lastDayOfCase(db: Db, caseId: string): string {
  return stmt(db, 'SELECT COALESCE(termination_date, planned_end_date) FROM cases WHERE id = ?').pluck().get(caseId) as string;
}

interface ConditionRow {
  id: string;
  case_id: string;
  kind: string;
  set_on: string;
  lifted_on: string | null;
}

/**
 * The special condition an enrolment rests on. A relapse prevention program needs an active
 * (not lifted) condition to take specialised treatment: the one given, else the case's own.
 */
function conditionFor(ctx: ServiceContext, caseId: string, program: Program, conditionId: string | undefined): ConditionRow | null {
  const needed = program.kind === 'relapse_prevention';
  if (conditionId === undefined) {
    if (!needed) return null;
    const own = stmt(
      ctx.db,
      `SELECT id, case_id, kind, set_on, lifted_on FROM conditions
        WHERE case_id = ? AND kind = 'specialised_treatment' AND lifted_on IS NULL
        ORDER BY catalogue_code = 'drug_relapse_prevention_program' DESC, set_on, rowid LIMIT 1`,
    ).get(caseId) as ConditionRow | undefined;
    if (!own) {
      throw new AppError('VALIDATION', 'the case has no active special condition to take specialised treatment: set it first', {
        field: 'conditionId',
      });
    }
    return own;
  }
  const c = stmt(ctx.db, 'SELECT id, case_id, kind, set_on, lifted_on FROM conditions WHERE id = ?').get(conditionId) as
    | ConditionRow
    | undefined;
  if (!c || c.case_id !== caseId) throw new AppError('VALIDATION', 'not a condition of this case', { field: 'conditionId' });
  if (c.kind === 'general') throw new AppError('VALIDATION', 'an enrolment rests on a special condition', { field: 'conditionId' });
  if (needed && c.kind !== 'specialised_treatment') {
    throw new AppError('VALIDATION', 'the program needs a special condition to take specialised treatment', { field: 'conditionId' });
  }
  if (c.lifted_on !== null) throw new AppError('VALIDATION', 'the condition has been lifted', { field: 'conditionId' });
  return c;
}

export function createEnrolment(ctx: ServiceContext, input: ParsedInputOf<'enrolments.create'>): Enrolment {
  requireCaseworker(ctx);
  const c = loadCaseRow(ctx, input.caseId);
  assertCaseOpen(c);
  const program = loadProgram(ctx, input.programId);
  if (!program.active) throw new AppError('VALIDATION', 'the program is no longer offered', { field: 'programId' });
  assertNotFuture(input.enrolledOn, todayOf(ctx), 'enrolledOn');
  if (input.enrolledOn < c.start_date) throw new AppError('VALIDATION', 'enrolledOn is before the case started', { field: 'enrolledOn' });
  if (input.enrolledOn > (c.termination_date ?? c.planned_end_date)) {
    throw new AppError('VALIDATION', 'enrolledOn is after supervision ends', { field: 'enrolledOn' });
  }
  const condition = conditionFor(ctx, c.id, program, input.conditionId);
  if (condition && input.enrolledOn < condition.set_on) {
    throw new AppError('VALIDATION', 'enrolledOn is before the condition was set', { field: 'enrolledOn' });
  }
  if (stmt(ctx.db, "SELECT 1 FROM enrolments WHERE case_id = ? AND program_id = ? AND status = 'active'").get(c.id, program.id)) {
    throw new AppError('DUPLICATE', 'the case is already enrolled in this program', { field: 'programId' });
  }
  const id = randomUUID();
  mutate(ctx, 'enrolments.create', (tx) => {
    tx.insert('enrolments', {
      id,
      case_id: c.id,
      program_id: program.id,
      condition_id: condition?.id ?? null,
      enrolled_on: input.enrolledOn,
      stage: program.scheduled ? 'core' : 'outside',
      status: 'active',
      created_at: tx.at,
      updated_at: tx.at,
    });
    insertSchedule(tx, id, coreSchedule(program.rules, input.enrolledOn));
  });
  return getEnrolment(ctx, id);
}

function loadActiveEnrolment(ctx: ServiceContext, id: string, on: string): EnrolmentDbRow {
  const e = loadEnrolmentRow(ctx.db, id);
  if (!e) throw new AppError('NOT_FOUND', 'no such enrolment', { field: 'id' });
  if (e.status !== 'active') throw new AppError('INVALID_STATE', `the enrolment is ${e.status}`, { status: e.status });
  assertNotFuture(on, todayOf(ctx), 'on');
  const from = e.core_completed_on ?? e.enrolled_on;
  if (on < from) throw new AppError('END_BEFORE_START', 'on is before the enrolment (or its core stage) began', { field: 'on' });
  return e;
}

/** A scheduled program completes after its core stage; outside treatment at any time. */
export function completeEnrolment(ctx: ServiceContext, input: ParsedInputOf<'enrolments.complete'>): Enrolment {
  requireCaseworker(ctx);
  const e = loadActiveEnrolment(ctx, input.id, input.on);
  if (e.stage === 'core') throw new AppError('INVALID_STATE', 'the core sessions have not all been attended', { field: 'id' });
  mutate(ctx, 'enrolments.complete', (tx) => tx.update('enrolments', e.id, { status: 'completed', completed_on: input.on, updated_at: tx.at }));
  return getEnrolment(ctx, e.id);
}

export function withdrawEnrolment(ctx: ServiceContext, input: ParsedInputOf<'enrolments.withdraw'>): Enrolment {
  requireCaseworker(ctx);
  const e = loadActiveEnrolment(ctx, input.id, input.on);
  mutate(ctx, 'enrolments.withdraw', (tx) =>
    tx.update('enrolments', e.id, { status: 'withdrawn', withdrawn_on: input.on, withdrawal_reason: input.reason, updated_at: tx.at }),
  );
  return getEnrolment(ctx, e.id);
}

// --- the enrolments list -------------------------------------------------------------------------------

interface ListRow extends EnrolmentDbRow {
  case_number: string;
  supervisee_id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  officer_id: string | null;
  officer_name: string | null;
}

export function listEnrolments(ctx: ServiceContext, input: ParsedInputOf<'enrolments.list'>): EnrolmentPage {
  requireCaseworker(ctx);
  const today = todayOf(ctx);
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  for (const [key, column] of [
    ['programId', 'e.program_id'],
    ['stage', 'e.stage'],
    ['status', 'e.status'],
    ['officerId', 's.officer_id'],
  ] as const) {
    const v = input[key];
    if (v !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = v;
    }
  }
  if (input.possibleBreach !== undefined) {
    where.push(`${input.possibleBreach ? '' : 'NOT '}${ENROLMENT_BREACH_SQL}`);
    Object.assign(params, programBreachParams(today));
  }
  const rows = stmt(
    ctx.db,
    `SELECT e.*, p.code AS program_code, p.name AS program_name, p.kind AS program_kind, c.case_number, c.supervisee_id,
            s.family_name, s.given_name, s.family_kana, s.given_kana, s.officer_id, u.display_name AS officer_name,
            count(*) OVER () AS total
       FROM enrolments e JOIN programs p ON p.id = e.program_id JOIN cases c ON c.id = e.case_id
       JOIN supervisees s ON s.id = c.supervisee_id LEFT JOIN users u ON u.id = s.officer_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY s.family_kana, s.given_kana, c.case_number, e.enrolled_on DESC, e.id
      LIMIT @limit OFFSET @offset`,
  ).all(params) as (ListRow & { total: number })[];
  const total =
    rows[0]?.total ??
    (stmt(
      ctx.db,
      `SELECT count(*) FROM enrolments e JOIN cases c ON c.id = e.case_id JOIN supervisees s ON s.id = c.supervisee_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    )
      .pluck()
      .get(Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'limit' && k !== 'offset'))) as number);
  const { slots, attendance } = readProgressRows(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    total,
    offset: input.offset,
    rows: rows.map((r): EnrolmentRow => {
      const p = progressOf(r, slots.get(r.id) ?? [], attendance.get(r.id) ?? [], today);
      return {
        id: r.id,
        caseId: r.case_id,
        caseNumber: r.case_number,
        superviseeId: r.supervisee_id,
        name: `${r.family_name} ${r.given_name}`.trim(),
        kana: `${r.family_kana} ${r.given_kana}`.trim(),
        officerId: r.officer_id,
        officerName: r.officer_name,
        programId: r.program_id,
        programName: r.program_name,
        enrolledOn: r.enrolled_on,
        stage: r.stage,
        status: r.status,
        coreAttended: p.coreAttended,
        coreTotal: p.coreTotal,
        nextDueOn: p.nextDue?.dueOn ?? null,
        possibleBreach: p.possibleBreach,
      };
    }),
  };
}

// --- the person timeline ---------------------------------------------------------------------------------

export interface ProgramTimelineItem {
  caseId: string;
  kind: 'program_enrolled' | 'program_session' | 'program_core_completed' | 'program_completed' | 'program_withdrawn';
  refId: string;
  date: string;
  time: string | null;
  data: Record<string, TimelineValue>;
}

/** A person's program events across their cases, for db/services/timeline.ts. */
export function programTimelineItems(db: Db, superviseeId: string): ProgramTimelineItem[] {
  const items: ProgramTimelineItem[] = [];
  const p = { id: superviseeId };
  const ofPerson = 'case_id IN (SELECT id FROM cases WHERE supervisee_id = @id)';
  for (const e of stmt(
    db,
    `SELECT e.id, e.case_id, e.enrolled_on, e.core_completed_on, e.completed_on, e.withdrawn_on, e.withdrawal_reason,
            p.code, p.name, p.kind
       FROM enrolments e JOIN programs p ON p.id = e.program_id WHERE e.${ofPerson}`,
  ).all(p) as {
    id: string;
    case_id: string;
    enrolled_on: string;
    core_completed_on: string | null;
    completed_on: string | null;
    withdrawn_on: string | null;
    withdrawal_reason: string | null;
    code: string;
    name: string;
    kind: ProgramKind;
  }[]) {
    const base = { programCode: e.code, programName: e.name, programKind: e.kind };
    const push = (kind: ProgramTimelineItem['kind'], date: string | null, data: Record<string, TimelineValue> = {}) => {
      if (date !== null) items.push({ caseId: e.case_id, kind, refId: e.id, date, time: null, data: { ...base, ...data } });
    };
    push('program_enrolled', e.enrolled_on);
    push('program_core_completed', e.core_completed_on);
    push('program_completed', e.completed_on);
    push('program_withdrawn', e.withdrawn_on, { reason: e.withdrawal_reason });
  }
  for (const s of stmt(
    db,
    `SELECT sp.id, sp.case_id, sp.attendance, ps.held_on, ps.start_time, ps.stage, ps.session_no, ps.delivery_mode, p.code, p.name
       FROM session_participants sp JOIN program_sessions ps ON ps.id = sp.session_id JOIN programs p ON p.id = ps.program_id
      WHERE sp.${ofPerson} AND ps.status = 'held' AND sp.attendance <> 'pending'`,
  ).all(p) as {
    id: string;
    case_id: string;
    attendance: string;
    held_on: string;
    start_time: string | null;
    stage: SessionStage;
    session_no: number | null;
    delivery_mode: string;
    code: string;
    name: string;
  }[]) {
    items.push({
      caseId: s.case_id,
      kind: 'program_session',
      refId: s.id,
      date: s.held_on,
      time: s.start_time,
      data: {
        programCode: s.code,
        programName: s.name,
        stage: s.stage,
        sessionNo: s.session_no,
        attendance: s.attendance,
        deliveryMode: s.delivery_mode,
      },
    });
  }
  return items;
}
