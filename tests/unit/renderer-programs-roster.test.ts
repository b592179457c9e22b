import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../db/contract';
import {
  attendanceForKey,
  attendanceInput,
  hasProblems,
  initialLines,
  lineOfError,
  lineProblems,
  resultForKey,
  withAttendance,
  type RosterLine,
} from '../../renderer/features/programs/roster';
import { ApiError } from '../../renderer/api';

const row = (n: number, visible = true): RosterRow => ({
  participantId: `p${n}`,
  enrolmentId: `e${n}`,
  caseId: `c${n}`,
  caseNumber: `R8-${n}`,
  superviseeId: `s${n}`,
  name: `name ${n}`,
  kana: '',
  officerId: null,
  attendance: 'pending',
  notes: '',
  drugTestVisible: visible,
  drugTest: null,
});

describe('roster model', () => {
  it('maps number keys to attendance and test results', () => {
    expect(['1', '2', '3', '4', '5', 'a'].map(attendanceForKey)).toEqual(['attended', 'late', 'absent_acceptable', 'absent_unacceptable', null, null]);
    expect(['0', '1', '2', '3', '4', '5', ' '].map(resultForKey)).toEqual(['none', 'negative', 'positive', 'invalid', 'refused', null, null]);
  });

  it('clears the test of an absent participant', () => {
    const [l] = initialLines([row(1)]);
    const tested = { ...withAttendance(l!, 'attended'), result: 'negative' as const, consent: true };
    expect(withAttendance(tested, 'absent_unacceptable')).toMatchObject({ result: 'none', consent: false });
  });

  it('asks for every attendance and for consent unless refused', () => {
    const lines = initialLines([row(1), row(2), row(3)]);
    lines[0] = { ...withAttendance(lines[0]!, 'attended'), result: 'negative' };
    lines[1] = { ...withAttendance(lines[1]!, 'late'), result: 'refused' };
    const p = lineProblems(lines);
    expect(p[0]).toEqual({ consent: 'programs.roster.consentRequired' });
    expect(p[1]).toEqual({});
    expect(p[2]).toEqual({ attendance: 'programs.roster.attendanceRequired' });
    expect(hasProblems(p)).toBe(true);
  });

  it('builds one call for the whole roster, without tests the viewer may not record', () => {
    const lines: RosterLine[] = initialLines([row(1), row(2, false), row(3)]).map((l) => ({ ...withAttendance(l, 'attended'), result: 'negative', consent: true }));
    lines[2] = withAttendance(lines[2]!, 'absent_acceptable');
    expect(hasProblems(lineProblems(lines))).toBe(false);
    const input = attendanceInput('s', lines);
    expect(input.entries).toHaveLength(3);
    expect(input.entries[0]!.drugTest).toMatchObject({ result: 'negative', consent: true, substances: ['stimulants'] });
    expect(input.entries[1]!.drugTest).toBeUndefined();
    expect(input.entries[2]).toEqual({ enrolmentId: 'e3', attendance: 'absent_acceptable', notes: '' });
  });

  it('finds the roster line a service error names', () => {
    expect(lineOfError(new ApiError('VALIDATION', 'x', { field: 'entries.3.drugTest.consent' }))).toBe(3);
    expect(lineOfError(new ApiError('VALIDATION', 'x', { field: 'entries' }))).toBeNull();
    expect(lineOfError(new Error('x'))).toBeNull();
  });
});
