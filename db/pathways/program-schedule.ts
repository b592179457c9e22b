/**
 * The rules of a program's planned schedule and of an enrolment's progress, as pure functions on
 * ISO calendar dates (Japan, no time zones). The services (db/services/programs.ts,
 * db/services/program-sessions.ts) read and write the rows; everything decided about dates is here.
 */
import { addDays } from '../casework/calendar';
import type { ProgramRules, ScheduleState, SessionStage } from '../channels/programs';

/**
 * ASSUMPTION: a planned core session not attended more than 7 days after its date counts as a
 * missed required session (a possible breach of the condition). The source sets no such figure.
 */
export const CORE_OVERDUE_GRACE_DAYS = 7;

/**
 * ASSUMPTION: an unacceptable absence flags the caseload for 90 days (the same window as a
 * positive test, db/casework/flags.ts); it stays in the enrolment's progress for good.
 */
export const ABSENCE_FLAG_WINDOW_DAYS = 90;

/** Safety bound on step-up rows: every 30 days for the longest supervision (5 years) is 60. */
export const MAX_STEP_UP_SESSIONS = 120;

export interface PlannedSession {
  stage: SessionStage;
  sessionNo: number | null;
  dueOn: string;
}

/** Core sessions 1…N, the first on the enrolment day, then every intervalDays. */
export function coreSchedule(rules: ProgramRules, enrolledOn: string): PlannedSession[] {
  if (!rules.core) return [];
  const every = rules.core.intervalDays;
  return rules.core.sessions.map((s, i) => ({ stage: 'core', sessionNo: s.no, dueOn: addDays(enrolledOn, i * every) }));
}

/**
 * Step-up sessions every stepUp.intervalDays from the day the core was completed, up to and
 * including the last day of supervision.
 */
export function stepUpSchedule(rules: ProgramRules, coreCompletedOn: string, lastDay: string): PlannedSession[] {
  if (!rules.stepUp) return [];
  const out: PlannedSession[] = [];
  const every = rules.stepUp.intervalDays;
  for (let k = 1; k <= MAX_STEP_UP_SESSIONS; k++) {
    const dueOn = addDays(coreCompletedOn, k * every);
    if (dueOn > lastDay) break;
    out.push({ stage: 'step_up', sessionNo: null, dueOn });
  }
  return out;
}

/** The Japanese fiscal year (April to March) containing a date; `year` is the April's year. */
export function fiscalYear(date: string): { year: number; from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const year = date.slice(5, 7) >= '04' ? y : y - 1;
  return { year, from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

export interface ScheduleSlot {
  id: string;
  stage: SessionStage;
  sessionNo: number | null;
  dueOn: string;
  sessionId: string | null;
}

/**
 * The planned session a held session fulfils for one participant. A core session fulfils its own
 * number. A step-up session makes up the earliest step-up date still open, as long as that date
 * is no more than half an interval after the session (so a session does not use up next month's).
 */
export function slotFor(
  slots: readonly ScheduleSlot[],
  session: { stage: SessionStage; sessionNo: number | null; heldOn: string },
  stepUpIntervalDays: number | null,
): ScheduleSlot | null {
  const open = slots.filter((s) => s.sessionId === null && s.stage === session.stage);
  if (session.stage === 'core') return open.find((s) => s.sessionNo === session.sessionNo) ?? null;
  const latest = addDays(session.heldOn, Math.floor((stepUpIntervalDays ?? 0) / 2));
  return [...open].sort((a, b) => cmp(a.dueOn, b.dueOn)).find((s) => s.dueOn <= latest) ?? null;
}

export interface EnrolmentDates {
  status: 'active' | 'completed' | 'withdrawn';
  stage: 'core' | 'step_up' | 'outside';
  completedOn: string | null;
  withdrawnOn: string | null;
}

/** The last day the enrolment's schedule is owed: its completion or withdrawal, else none. */
function endedOn(e: EnrolmentDates): string | null {
  return e.status === 'completed' ? e.completedOn : e.status === 'withdrawn' ? e.withdrawnOn : null;
}

export function scheduleState(slot: ScheduleSlot, e: EnrolmentDates, today: string): ScheduleState {
  if (slot.sessionId !== null) return 'attended';
  const end = endedOn(e);
  if (end !== null && slot.dueOn > end) return 'cancelled';
  if (slot.dueOn >= today) return 'upcoming';
  return slot.stage === 'core' ? 'overdue' : 'missed';
}

/** A core session more than the grace days past its date, not attended, while the core is running. */
export function coreOverdue(slot: ScheduleSlot, e: EnrolmentDates, today: string): boolean {
  return (
    e.status === 'active' &&
    e.stage === 'core' &&
    slot.stage === 'core' &&
    slot.sessionId === null &&
    slot.dueOn < addDays(today, -CORE_OVERDUE_GRACE_DAYS)
  );
}

/** First day of the window in which an unacceptable absence flags the case. */
export function absenceWindowStart(today: string): string {
  return addDays(today, -(ABSENCE_FLAG_WINDOW_DAYS - 1));
}

/** The next session owed: the first core session not attended, else the next step-up date from today. */
export function nextDue(
  slots: readonly ScheduleSlot[],
  e: EnrolmentDates,
  today: string,
): { stage: SessionStage; sessionNo: number | null; dueOn: string; overdue: boolean } | null {
  if (e.status !== 'active') return null;
  const open = slots.filter((s) => s.sessionId === null).sort((a, b) => cmp(a.dueOn, b.dueOn) || (a.sessionNo ?? 0) - (b.sessionNo ?? 0));
  const next =
    e.stage === 'core' ? open.find((s) => s.stage === 'core') : open.find((s) => s.stage === 'step_up' && s.dueOn >= today);
  return next ? { stage: next.stage, sessionNo: next.sessionNo, dueOn: next.dueOn, overdue: next.dueOn < today } : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
