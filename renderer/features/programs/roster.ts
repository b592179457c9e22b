/**
 * The roster screen's model: one draft line per participant, the number keys that fill it, the
 * checks before it is sent, and the one sessions.recordAttendance input built from it. Pure.
 */
import type { AttendanceState, DrugTestResult, DrugType, InputOf, RosterRow } from '../../../db/contract';
import { DRUG_TEST_RESULT_OPTIONS } from '../contacts/codes';
import { ATTENDANCE_OPTIONS, isPresent } from './codes';

export type TestChoice = DrugTestResult | 'none';
export const TEST_CHOICES: readonly TestChoice[] = ['none', ...DRUG_TEST_RESULT_OPTIONS];

export interface RosterLine {
  enrolmentId: string;
  attendance: AttendanceState;
  /** 'none': no test at this session. */
  result: TestChoice;
  substance: DrugType;
  consent: boolean;
  notes: string;
  /** The viewer may record (and see) this participant's drug test. */
  testAllowed: boolean;
}

export type LineField = 'attendance' | 'result' | 'consent';
export type LineProblems = Partial<Record<LineField, string>>;

export function initialLines(roster: readonly RosterRow[]): RosterLine[] {
  return roster.map((r) => ({
    enrolmentId: r.enrolmentId,
    attendance: r.attendance,
    result: r.drugTest ? r.drugTest.result : 'none',
    substance: r.drugTest?.substances[0] ?? 'stimulants',
    consent: r.drugTest?.consent ?? false,
    notes: r.notes,
    testAllowed: r.drugTestVisible,
  }));
}

/** Number keys on the attendance control: 1 attended, 2 late, 3 absent (acceptable), 4 absent (unacceptable). */
export function attendanceForKey(key: string): AttendanceState | null {
  if (!/^\d$/.test(key)) return null;
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= ATTENDANCE_OPTIONS.length ? ATTENDANCE_OPTIONS[n - 1]! : null;
}

/** Number keys on the test control: 0 no test, 1 negative, 2 positive, 3 invalid, 4 refused. */
export function resultForKey(key: string): TestChoice | null {
  if (!/^\d$/.test(key)) return null;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < TEST_CHOICES.length ? TEST_CHOICES[n]! : null;
}

/** A line after its attendance changed: an absent participant is not tested. */
export function withAttendance(line: RosterLine, attendance: AttendanceState): RosterLine {
  return isPresent(attendance) ? { ...line, attendance } : { ...line, attendance, result: 'none', consent: false };
}

/** Message keys per line and field; an empty array entry when the line is complete. */
export function lineProblems(lines: readonly RosterLine[]): LineProblems[] {
  return lines.map((l) => {
    const p: LineProblems = {};
    if (l.attendance === 'pending') p.attendance = 'programs.roster.attendanceRequired';
    if (l.result !== 'none' && l.result !== 'refused' && !l.consent) p.consent = 'programs.roster.consentRequired';
    return p;
  });
}

export function hasProblems(problems: readonly LineProblems[]): boolean {
  return problems.some((p) => Object.keys(p).length > 0);
}

/** The single call that records the whole roster. Lines must have passed lineProblems. */
export function attendanceInput(sessionId: string, lines: readonly RosterLine[]): InputOf<'sessions.recordAttendance'> {
  return {
    sessionId,
    entries: lines.map((l) => {
      if (l.attendance === 'pending') throw new Error('attendance not chosen');
      const test =
        l.testAllowed && isPresent(l.attendance) && l.result !== 'none'
          ? { drugTest: { method: 'urine_kit' as const, substances: [l.substance], result: l.result, consent: l.consent, followUp: '' } }
          : {};
      return { enrolmentId: l.enrolmentId, attendance: l.attendance, notes: l.notes.trim(), ...test };
    }),
  };
}

/** The roster line a service error points at (details.field "entries.3.drugTest.consent" → 3). */
export function lineOfError(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const field = (error as { details?: Record<string, unknown> }).details?.field;
  if (typeof field !== 'string') return null;
  const m = /^entries\.(\d+)(\.|$)/.exec(field);
  return m ? Number(m[1]) : null;
}
