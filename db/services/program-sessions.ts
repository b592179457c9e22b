/**
 * Program sessions: a date, place, facilitators and a roster of enrolments; attendance and each
 * participant's drug test recorded from the roster in one pass (one transaction), which also links
 * the planned schedule and moves a participant who has attended every core session to step-up.
 */
import { randomUUID } from 'node:crypto';
import { assertNotBefore } from '../casework/dates';
import type {
  AttendanceState,
  ProgramRules,
  DeliveryMode,
  Facilitator,
  ProgramSession,
  RosterRow,
  SessionDetail,
  SessionStage,
  ProgramSessionStatus,
} from '../channels/programs';
import type { DrugTestMethod, DrugTestResult, DrugType, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { slotFor, stepUpSchedule, type ScheduleSlot } from '../pathways/program-schedule';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { requireCaseworker, today as todayOf, withFieldPrefix } from './casework-shared';
import { maySeeRestricted } from './caseload';
import { loadCase } from './contacts';
import { checkDrugTest, insertDrugTest, loadCaseForTests, type DrugTestInput } from './drug-tests';
import { insertSchedule, lastDayOfCase, loadEnrolmentRow, loadProgram, parseRules } from './programs';

interface SessionRow {
  id: string;
  program_id: string;
  program_name: string;
  rules: string;
  stage: SessionStage;
  session_no: number | null;
  held_on: string;
  start_time: string | null;
  place: string;
  delivery_mode: DeliveryMode;
  facilitators: string;
  status: ProgramSessionStatus;
  notes: string;
  participants: number;
  attended: number;
  created_at: string;
  updated_at: string;
}

const SESSION_SELECT = `SELECT ps.*, p.name AS program_name, p.rules,
    (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id) AS participants,
    (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id AND sp.attendance IN ('attended', 'late')) AS attended
  FROM program_sessions ps JOIN programs p ON p.id = ps.program_id`;

const titlesOf = new WeakMap<ProgramRules, Map<number, string>>();

/** Core session titles by number, from the program's rules. */
function titles(rulesJson: string): Map<number, string> {
  const rules = parseRules(rulesJson);
  let byNo = titlesOf.get(rules);
  if (!byNo) titlesOf.set(rules, (byNo = new Map((rules.core?.sessions ?? []).map((s) => [s.no, s.title]))));
  return byNo;
}

function toSession(r: SessionRow): ProgramSession {
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    stage: r.stage,
    sessionNo: r.session_no,
    title: r.session_no === null ? null : (titles(r.rules).get(r.session_no) ?? null),
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    deliveryMode: r.delivery_mode,
    facilitators: JSON.parse(r.facilitators) as Facilitator[],
    status: r.status,
    notes: r.notes,
    participants: r.participants,
    attended: r.attended,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const SESSION_BY_ID = `${SESSION_SELECT} WHERE ps.id = ?`;

function loadSessionRow(ctx: ServiceContext, id: string, field = 'id'): SessionRow {
  const r = stmt(ctx.db, SESSION_BY_ID).get(id) as SessionRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'no such session', { field });
  return r;
}

interface RosterDbRow {
  id: string;
  enrolment_id: string;
  case_id: string;
  case_number: string;
  supervisee_id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  officer_id: string | null;
  attendance: AttendanceState;
  notes: string;
  test_id: string | null;
  method: DrugTestMethod | null;
  substances: string | null;
  result: DrugTestResult | null;
  consent: number | null;
  follow_up: string | null;
}

const ROSTER = `SELECT sp.id, sp.enrolment_id, sp.case_id, c.case_number, c.supervisee_id, s.family_name, s.given_name,
    s.family_kana, s.given_kana, s.officer_id, sp.attendance, sp.notes,
    t.id AS test_id, t.method, t.substances, t.result, t.consent, t.follow_up
  FROM session_participants sp
  JOIN cases c ON c.id = sp.case_id
  JOIN supervisees s ON s.id = c.supervisee_id
  LEFT JOIN drug_tests t ON t.id = sp.drug_test_id
  WHERE sp.session_id = ?
  ORDER BY s.family_kana, s.given_kana, c.case_number, sp.id`;

/** The roster screen. A participant's drug test shows only to whom may see that case's tests. */
export function getSession(ctx: ServiceContext, input: ParsedInputOf<'sessions.get'>): SessionDetail {
  requireCaseworker(ctx);
  const session = toSession(loadSessionRow(ctx, input.id));
  const roster = (stmt(ctx.db, ROSTER).all(session.id) as RosterDbRow[]).map((r): RosterRow => {
    const visible = maySeeRestricted(ctx, r.officer_id);
    return {
      participantId: r.id,
      enrolmentId: r.enrolment_id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      superviseeId: r.supervisee_id,
      name: `${r.family_name} ${r.given_name}`.trim(),
      kana: `${r.family_kana} ${r.given_kana}`.trim(),
      officerId: r.officer_id,
      attendance: r.attendance,
      notes: r.notes,
      drugTestVisible: visible,
      drugTest:
        visible && r.test_id !== null
          ? {
              id: r.test_id,
              method: r.method!,
              substances: JSON.parse(r.substances!) as DrugType[],
              result: r.result!,
              consent: r.consent === 1,
              followUp: r.follow_up!,
            }
          : null,
    };
  });
  return { ...session, roster };
}

export function listSessions(ctx: ServiceContext, input: ParsedInputOf<'sessions.list'>): ProgramSession[] {
  requireCaseworker(ctx);
  assertNotBefore(input.from, input.to, 'to');
  const where = ['ps.held_on BETWEEN @from AND @to'];
  const params: Record<string, string> = { from: input.from, to: input.to };
  for (const [key, column] of [
    ['programId', 'ps.program_id'],
    ['stage', 'ps.stage'],
    ['status', 'ps.status'],
  ] as const) {
    const v = input[key];
    if (v !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = v;
    }
  }
  return (
    stmt(ctx.db, `${SESSION_SELECT} WHERE ${where.join(' AND ')} ORDER BY ps.held_on DESC, ps.start_time DESC, ps.created_at DESC`).all(
      params,
    ) as SessionRow[]
  ).map(toSession);
}

export function createSession(ctx: ServiceContext, input: ParsedInputOf<'sessions.create'>): SessionDetail {
  requireCaseworker(ctx);
  const program = loadProgram(ctx, input.programId);
  if (!program.active) throw new AppError('VALIDATION', 'the program is no longer offered', { field: 'programId' });
  if (!program.scheduled) throw new AppError('VALIDATION', 'the program has no sessions of its own', { field: 'programId' });
  if (input.stage === 'core') {
    if (input.sessionNo === undefined || !program.rules.core?.sessions.some((s) => s.no === input.sessionNo)) {
      throw new AppError('VALIDATION', "a core session needs one of the program's session numbers", { field: 'sessionNo' });
    }
  } else {
    if (!program.rules.stepUp) throw new AppError('VALIDATION', 'the program has no step-up stage', { field: 'stage' });
    if (input.sessionNo !== undefined) throw new AppError('VALIDATION', 'step-up sessions are not numbered', { field: 'sessionNo' });
  }

  const facilitators: Facilitator[] = input.facilitators.map((f, i) => {
    let name = f.name;
    if (f.userId !== undefined) {
      const user = stmt(ctx.db, 'SELECT display_name FROM users WHERE id = ?').pluck().get(f.userId) as string | undefined;
      if (user === undefined) throw new AppError('VALIDATION', 'no such user', { field: `facilitators.${i}.userId` });
      name ||= user;
    } else if (f.kind === 'officer') {
      throw new AppError('VALIDATION', 'an officer facilitator is one of the office’s users', { field: `facilitators.${i}.userId` });
    }
    if (!name) throw new AppError('VALIDATION', 'required', { field: `facilitators.${i}.name` });
    return { kind: f.kind, userId: f.userId ?? null, name };
  });

  const roster = input.participants.map((enrolmentId, i) => {
    const field = `participants.${i}`;
    const e = loadEnrolmentRow(ctx.db, enrolmentId);
    if (!e) throw new AppError('VALIDATION', 'no such enrolment', { field });
    if (e.program_id !== program.id) throw new AppError('VALIDATION', 'enrolled in another program', { field });
    if (e.status !== 'active') throw new AppError('VALIDATION', `the enrolment is ${e.status}`, { field });
    if (e.stage !== input.stage) throw new AppError('VALIDATION', `the participant is in the ${e.stage} stage`, { field });
    if (input.heldOn < e.enrolled_on) throw new AppError('VALIDATION', 'the session is before the enrolment', { field });
    if (loadCase(ctx, e.case_id).status === 'terminated') throw new AppError('VALIDATION', 'the case has ended', { field });
    return e;
  });

  const id = randomUUID();
  mutate(ctx, 'sessions.create', (tx) => {
    tx.insert('program_sessions', {
      id,
      program_id: program.id,
      stage: input.stage,
      session_no: input.sessionNo ?? null,
      held_on: input.heldOn,
      start_time: input.startTime ?? null,
      place: input.place,
      delivery_mode: input.deliveryMode,
      facilitators: JSON.stringify(facilitators),
      status: 'planned',
      notes: input.notes,
      created_at: tx.at,
      updated_at: tx.at,
    });
    for (const e of roster) {
      tx.insert('session_participants', {
        id: randomUUID(),
        session_id: id,
        enrolment_id: e.id,
        case_id: e.case_id,
        attendance: 'pending',
        drug_test_id: null,
        notes: '',
        created_at: tx.at,
        updated_at: tx.at,
      });
    }
  });
  return getSession(ctx, { id });
}

// --- recording the roster ------------------------------------------------------------------------------

type Entry = ParsedInputOf<'sessions.recordAttendance'>['entries'][number];
const PRESENT: ReadonlySet<string> = new Set(['attended', 'late']);

/**
 * Links the planned session the attendance fulfils and, when it was the last core session owed,
 * moves the enrolment to step-up (planning step-up to the end of supervision) or, for a program
 * without a step-up stage, completes it. Inside the recording transaction.
 */
function advanceSchedule(ctx: ServiceContext, tx: Tx, enrolmentId: string, session: SessionRow): void {
  const e = loadEnrolmentRow(ctx.db, enrolmentId)!;
  if (e.status !== 'active') return;
  const rules = parseRules(session.rules);
  const slots = stmt(
    ctx.db,
    'SELECT id, stage, session_no AS sessionNo, due_on AS dueOn, session_id AS sessionId FROM enrolment_schedule WHERE enrolment_id = ?',
  ).all(e.id) as ScheduleSlot[];
  const slot = slotFor(slots, { stage: session.stage, sessionNo: session.session_no, heldOn: session.held_on }, rules.stepUp?.intervalDays ?? null);
  if (!slot) return;
  tx.update('enrolment_schedule', slot.id, { session_id: session.id, updated_at: tx.at });
  if (e.stage !== 'core' || slot.stage !== 'core') return;
  if (slots.some((s) => s.stage === 'core' && s.sessionId === null && s.id !== slot.id)) return;
  if (rules.stepUp) {
    tx.update('enrolments', e.id, { stage: 'step_up', core_completed_on: session.held_on, updated_at: tx.at });
    insertSchedule(tx, e.id, stepUpSchedule(rules, session.held_on, lastDayOfCase(ctx.db, e.case_id)));
  } else {
    tx.update('enrolments', e.id, {
      core_completed_on: session.held_on,
      status: 'completed',
      completed_on: session.held_on,
      updated_at: tx.at,
    });
  }
}

export function recordAttendance(ctx: ServiceContext, input: ParsedInputOf<'sessions.recordAttendance'>): SessionDetail {
  requireCaseworker(ctx);
  const session = loadSessionRow(ctx, input.sessionId, 'sessionId');
  if (session.status !== 'planned') {
    throw new AppError('INVALID_STATE', `the session is ${session.status}: its attendance has been recorded`, { status: session.status });
  }
  if (session.held_on > todayOf(ctx)) throw new AppError('DATE_IN_FUTURE', 'the session is planned for a later day', { field: 'heldOn' });

  const roster = stmt(ctx.db, 'SELECT id, enrolment_id, case_id FROM session_participants WHERE session_id = ?').all(session.id) as {
    id: string;
    enrolment_id: string;
    case_id: string;
  }[];
  const onRoster = new Map(roster.map((r) => [r.enrolment_id, r]));
  input.entries.forEach((entry, i) => {
    if (!onRoster.has(entry.enrolmentId)) {
      throw new AppError('VALIDATION', 'not on the roster of this session', { field: `entries.${i}.enrolmentId` });
    }
    if (entry.drugTest && !PRESENT.has(entry.attendance)) {
      throw new AppError('VALIDATION', 'a test is recorded only for a participant who attended', { field: `entries.${i}.drugTest` });
    }
  });
  const missing = roster.length - input.entries.length;
  if (missing > 0) throw new AppError('VALIDATION', 'every participant on the roster needs an entry', { field: 'entries', missing });

  const tests = input.entries.map((entry): DrugTestInput | null =>
    entry.drugTest ? { ...entry.drugTest, caseId: onRoster.get(entry.enrolmentId)!.case_id, testedOn: session.held_on } : null,
  );
  // Whoever may not record one of the tests is refused the whole call, before anything else is judged.
  for (const t of tests) if (t) loadCaseForTests(ctx, t.caseId);
  const checked = tests.map((t, i) => (t ? { input: t, c: withFieldPrefix(`entries.${i}.drugTest`, () => checkDrugTest(ctx, t)) } : null));

  mutate(ctx, 'sessions.recordAttendance', (tx) => {
    input.entries.forEach((entry: Entry, i) => {
      const participant = onRoster.get(entry.enrolmentId)!;
      const test = checked[i];
      tx.update('session_participants', participant.id, {
        attendance: entry.attendance,
        notes: entry.notes,
        drug_test_id: test ? insertDrugTest(ctx, tx, test.c, test.input) : null,
        updated_at: tx.at,
      });
      if (PRESENT.has(entry.attendance)) advanceSchedule(ctx, tx, entry.enrolmentId, session);
    });
    tx.update('program_sessions', session.id, { status: 'held', updated_at: tx.at });
  });
  return getSession(ctx, { id: session.id });
}

