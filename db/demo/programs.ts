/**
 * The demo office's drug relapse prevention program: enrolments, their planned schedule, group
 * sessions with rosters, attendance and the session's drug test, built from the program days and
 * outcomes that ./history.ts records as contacts and tests. Deterministic (seeded).
 *
 * - SOURCE (DOMAIN.md): core of 5 sessions about every two weeks, then step-up about monthly until
 *   supervision ends (the seeded program's rules: every 14 and every 30 days); groups of about 10;
 *   a urine test at every session; some offices co-deliver with DARC staff.
 * - DOMAIN: ~60 program starters a year in a mid-size office. Here the starters follow from the
 *   cases (every partial suspended sentence and 85% of other drug-related adults, ./figures.ts).
 * - ASSUMPTION: the office starts a core cohort every 4 weeks, on a Tuesday; a case joins the
 *   first cohort at least 2 weeks after its supervision starts, and is enrolled on that day.
 *   Cases whose first cohort is still to come are not enrolled yet.
 * - ASSUMPTION: step-up sessions are held on the Thursday nearest the date due (every 30 days
 *   from the end of the core).
 * - ASSUMPTION: a session takes at most 10 participants; more on the same day make more groups.
 * - ASSUMPTION: a core session missed (or skipped while supervision was suspended) is made up in
 *   an individual session a week later (else three weeks, five…, the first day not suspended), with
 *   its contact and test; 5% of those present come late; DARC staff co-facilitate 30% of sessions.
 * - ASSUMPTION: core sessions before the office went live in the app were entered as attended;
 *   for step-up only the dates due from the go-live day on are planned (and recorded).
 * - ASSUMPTION: when supervision ends the enrolment ends with it: completed at expiry once the
 *   core was done, else withdrawn.
 */
import type { DrugType } from '../channels/casework';
import { RELAPSE_PREVENTION_PROGRAM_ID } from '../channels/programs';
import { slotFor, type ScheduleSlot } from '../pathways/program-schedule';
import { isoOf } from './calendar';
import { isSuspended, stamp, type CaseState } from './case-state';
import { PROGRAM, TEST_RESULTS } from './figures';
import type { Rows } from './people';
import type { Rng } from './prng';

/** A Tuesday: core cohorts start on it and every 28 days after. */
const COHORT_ANCHOR = 18268; // 2020-01-07
const COHORT_EVERY_DAYS = 28;
const STEP_UP_WEEKDAY = 4; // Thursday
export const GROUP_SIZE = 10;
const LATE_SHARE = 0.05;
const DARC_SHARE = 0.3;
const SESSION_TIME = '14:00';
const PLACE = '保護観察所 会議室';
export const PROGRAM_NOTE = '薬物再乱用防止プログラム';

export interface ProgramDay {
  day: number;
  stage: 'core' | 'step_up';
  /** Core session number; null for step-up. */
  no: number | null;
  label: string;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/**
 * The days a program case's sessions fall on: the core at its cohort, then step-up to the end of
 * supervision. Draws nothing, so ./history.ts (contacts and tests) and this module agree.
 */
export function programSessionDays(c: CaseState): ProgramDay[] {
  const earliest = c.start + PROGRAM.startAfterDays[0];
  const first = COHORT_ANCHOR + Math.ceil((earliest - COHORT_ANCHOR) / COHORT_EVERY_DAYS) * COHORT_EVERY_DAYS;
  const days: ProgramDay[] = [];
  for (let k = 1; k <= PROGRAM.coreSessions; k++) {
    days.push({ day: first + (k - 1) * PROGRAM.coreEveryDays, stage: 'core', no: k, label: `コア第${k}回` });
  }
  const lastCore = days[days.length - 1]!.day;
  for (let due = lastCore + PROGRAM.stepUpEveryDays; due <= c.lastDay; due += PROGRAM.stepUpEveryDays) {
    let shift = (STEP_UP_WEEKDAY - weekday(due) + 7) % 7;
    if (shift > 3) shift -= 7;
    if (due + shift <= c.lastDay) days.push({ day: due + shift, stage: 'step_up', no: null, label: 'ステップアップ' });
  }
  return days;
}

/** The rows this module adds, by table; ./generate.ts writes them with the case's chunk. */
export interface ProgramRows {
  contacts: Rows[];
  drug_tests: Rows[];
  enrolments: Rows[];
  program_sessions: Rows[];
  enrolment_schedule: Rows[];
  session_participants: Rows[];
}

type Attendance = 'attended' | 'late' | 'absent_acceptable' | 'absent_unacceptable';
const FROM_OUTCOME: Record<string, Attendance> = {
  held: 'attended',
  missed_acceptable: 'absent_acceptable',
  missed_unacceptable: 'absent_unacceptable',
};
const FOLLOW_UP: Record<keyof typeof TEST_RESULTS, string> = {
  negative: '',
  positive: '再使用の経緯を確認し、統括保護観察官に報告。',
  refused: '拒否の理由を聴取。',
  invalid: '後日再検査。',
};

/** The office's sessions, filled up to GROUP_SIZE as the cases are built, in a fixed order. */
export class DemoPrograms {
  private readonly open = new Map<string, { id: string; size: number }>();

  constructor(
    private readonly rng: Rng,
    private readonly staffNames: ReadonlyMap<string, string>,
  ) {}

  private session(out: ProgramRows, c: CaseState, day: number, stage: 'core' | 'step_up', no: number | null, individual: boolean): string {
    const key = `${stage}|${no ?? ''}|${day}`;
    const current = individual ? undefined : this.open.get(key);
    if (current && current.size < GROUP_SIZE) {
      current.size += 1;
      return current.id;
    }
    const id = this.rng.uuid();
    const officer = c.spec.officer.id;
    const facilitators: { kind: string; userId: string | null; name: string }[] = [
      { kind: 'officer', userId: officer, name: this.staffNames.get(officer) ?? '' },
    ];
    if (!individual && this.rng.chance(DARC_SHARE)) facilitators.push({ kind: 'darc_staff', userId: null, name: 'ダルク職員' });
    out.program_sessions.push({
      id,
      program_id: RELAPSE_PREVENTION_PROGRAM_ID,
      stage,
      session_no: no,
      held_on: isoOf(day),
      start_time: SESSION_TIME,
      place: PLACE,
      delivery_mode: individual ? 'individual' : 'group',
      facilitators: JSON.stringify(facilitators),
      status: 'held',
      notes: '',
      created_at: stamp(day - 14, 10),
      updated_at: stamp(day),
    });
    if (!individual) this.open.set(key, { id, size: 1 });
    return id;
  }

  /** A program case's rows, from its built history (c.rows). Nothing for other cases. */
  addCase(c: CaseState, out: ProgramRows): void {
    if (!c.spec.program) return;
    const days = programSessionDays(c);
    const core = days.filter((d) => d.stage === 'core');
    const enrolledOn = core[0]!.day;
    if (enrolledOn > c.recordTo) return;
    const condition = c.rows.conditions.find((r) => r.catalogue_code === 'drug_relapse_prevention_program');
    if (!condition) return;
    const r = this.rng.fork(c.caseId);
    const enrolmentId = r.uuid();
    const outcomes = new Map(
      c.rows.contacts
        .filter((k) => typeof k.notes === 'string' && k.notes.startsWith(PROGRAM_NOTE))
        .map((k) => [k.contact_date as string, FROM_OUTCOME[k.outcome as string]!]),
    );
    const tests = new Map(c.rows.drug_tests.map((t) => [t.tested_on as string, t.id]));
    const screened = [...new Set<DrugType>(['stimulants', 'cannabis', ...c.spec.drugTypes])];

    const participate = (day: number, stage: 'core' | 'step_up', no: number | null, attendance: Attendance, individual = false) => {
      const sessionId = this.session(out, c, day, stage, no, individual);
      const present = attendance === 'attended' || attendance === 'late';
      out.session_participants.push({
        id: r.uuid(),
        session_id: sessionId,
        enrolment_id: enrolmentId,
        case_id: c.caseId,
        attendance: attendance === 'attended' && r.chance(LATE_SHARE) ? 'late' : attendance,
        drug_test_id: present ? (tests.get(isoOf(day)) ?? null) : null,
        notes: '',
        created_at: stamp(day),
        updated_at: stamp(day),
      });
      return sessionId;
    };

    /** A make-up: an individual session with its contact and test when it falls in the record. */
    const madeUpOn = new Set<number>();
    const makeUp = (due: number, no: number): { day: number; sessionId: string } | null => {
      for (let day = due + 7; day <= c.recordTo; day += 14) {
        if (isSuspended(c, day) || madeUpOn.has(day)) continue;
        madeUpOn.add(day);
        if (day >= c.recordFrom) {
          out.contacts.push({
            id: r.uuid(),
            case_id: c.caseId,
            kind: 'office_interview',
            contact_date: isoOf(day),
            contact_time: SESSION_TIME,
            by_user_id: c.spec.officer.id,
            by_vpo_id: null,
            outcome: 'held',
            report_month: null,
            appointment_id: null,
            notes: `${PROGRAM_NOTE}（コア第${no}回・補講）`,
            sensitive: 0,
            created_at: stamp(day),
            updated_at: stamp(day),
          });
          const result = r.weighted(TEST_RESULTS);
          const testId = r.uuid();
          out.drug_tests.push({
            id: testId,
            case_id: c.caseId,
            tested_on: isoOf(day),
            method: 'urine_kit',
            substances: JSON.stringify(screened),
            result,
            consent: result === 'refused' ? 0 : 1,
            follow_up: FOLLOW_UP[result],
            recorded_by: c.spec.officer.id,
            created_at: stamp(day),
            updated_at: stamp(day),
          });
          tests.set(isoOf(day), testId);
        }
        return { day, sessionId: participate(day, 'core', no, 'attended', true) };
      }
      return null;
    };

    const schedule: (ScheduleSlot & { day: number })[] = [];
    let allDone = true;
    let completion = 0;
    for (const s of core) {
      const slot: ScheduleSlot & { day: number } = { id: r.uuid(), stage: 'core', sessionNo: s.no, dueOn: isoOf(s.day), sessionId: null, day: s.day };
      schedule.push(slot);
      if (s.day > c.recordTo) {
        allDone = false;
        continue;
      }
      const attendance: Attendance | null = isSuspended(c, s.day) ? null : s.day >= c.recordFrom ? outcomes.get(isoOf(s.day))! : 'attended';
      if (attendance !== null) {
        const sessionId = participate(s.day, 'core', s.no, attendance);
        if (attendance === 'attended') {
          slot.sessionId = sessionId;
          completion = Math.max(completion, s.day);
          continue;
        }
      }
      const made = makeUp(s.day, s.no!);
      if (made) {
        slot.sessionId = made.sessionId;
        completion = Math.max(completion, made.day);
      } else {
        allDone = false;
      }
    }

    const coreCompleted = allDone ? completion : null;
    if (coreCompleted !== null) {
      for (let due = coreCompleted + PROGRAM.stepUpEveryDays; due <= c.lastDay; due += PROGRAM.stepUpEveryDays) {
        if (due >= c.env.goLive) schedule.push({ id: r.uuid(), stage: 'step_up', sessionNo: null, dueOn: isoOf(due), sessionId: null, day: due });
      }
      for (const s of days) {
        if (s.stage !== 'step_up' || s.day <= coreCompleted || s.day < c.recordFrom || s.day > c.recordTo || isSuspended(c, s.day)) continue;
        const attendance = outcomes.get(isoOf(s.day))!;
        const sessionId = participate(s.day, 'step_up', null, attendance);
        if (attendance !== 'attended') continue;
        const slot = slotFor(schedule, { stage: 'step_up', sessionNo: null, heldOn: isoOf(s.day) }, PROGRAM.stepUpEveryDays);
        if (slot) slot.sessionId = sessionId;
      }
    }

    const ended = c.termination;
    const completed = ended !== null && ended.reason === 'expiry' && coreCompleted !== null;
    out.enrolments.push({
      id: enrolmentId,
      case_id: c.caseId,
      program_id: RELAPSE_PREVENTION_PROGRAM_ID,
      condition_id: condition.id,
      enrolled_on: isoOf(enrolledOn),
      stage: coreCompleted !== null ? 'step_up' : 'core',
      status: ended === null ? 'active' : completed ? 'completed' : 'withdrawn',
      core_completed_on: coreCompleted !== null ? isoOf(coreCompleted) : null,
      completed_on: completed ? isoOf(ended.day) : null,
      withdrawn_on: ended !== null && !completed ? isoOf(ended.day) : null,
      withdrawal_reason: ended !== null && !completed ? (ended.reason === 'revocation' ? '保護観察の取消し' : '保護観察の終了') : null,
      created_at: stamp(enrolledOn, 10),
      updated_at: stamp(ended?.day ?? Math.max(enrolledOn, coreCompleted ?? enrolledOn)),
    });
    for (const s of schedule) {
      out.enrolment_schedule.push({
        id: s.id,
        enrolment_id: enrolmentId,
        stage: s.stage,
        session_no: s.sessionNo,
        due_on: s.dueOn,
        session_id: s.sessionId,
        created_at: stamp(s.stage === 'core' ? enrolledOn : (coreCompleted ?? enrolledOn), 10),
        updated_at: stamp(s.day),
      });
    }
  }
}
