import { describe, expect, it } from 'vitest';
import { programRules, type ProgramRules } from '../../db/channels/programs';
import {
  coreOverdue,
  coreSchedule,
  fiscalYear,
  nextDue,
  scheduleState,
  slotFor,
  stepUpSchedule,
  type ScheduleSlot,
} from '../../db/pathways/program-schedule';

const RULES: ProgramRules = {
  core: { intervalDays: 14, sessions: [1, 2, 3, 4, 5].map((no) => ({ no, title: `第${no}回` })) },
  stepUp: { intervalDays: 30 },
};
const ACTIVE_CORE = { status: 'active', stage: 'core', completedOn: null, withdrawnOn: null } as const;

describe('program schedule rules', () => {
  it('plans core sessions 1…N every intervalDays from the enrolment day, across month and year ends', () => {
    expect(coreSchedule(RULES, '2026-12-10')).toEqual([
      { stage: 'core', sessionNo: 1, dueOn: '2026-12-10' },
      { stage: 'core', sessionNo: 2, dueOn: '2026-12-24' },
      { stage: 'core', sessionNo: 3, dueOn: '2027-01-07' },
      { stage: 'core', sessionNo: 4, dueOn: '2027-01-21' },
      { stage: 'core', sessionNo: 5, dueOn: '2027-02-04' },
    ]);
    expect(coreSchedule({}, '2026-12-10')).toEqual([]);
  });

  it('plans step-up sessions from core completion to the last day of supervision, that day included', () => {
    const dates = stepUpSchedule(RULES, '2027-01-31', '2027-06-30').map((s) => s.dueOn);
    expect(dates).toEqual(['2027-03-02', '2027-04-01', '2027-05-01', '2027-05-31', '2027-06-30']);
    expect(stepUpSchedule(RULES, '2027-01-31', '2027-03-01')).toEqual([]);
    expect(stepUpSchedule({ core: RULES.core }, '2027-01-31', '2029-01-01')).toEqual([]);
    // Five years of supervision: 1,826 days, a session every 30 days.
    expect(stepUpSchedule(RULES, '2026-01-01', '2031-01-01')).toHaveLength(60);
  });

  it('puts a date in the Japanese fiscal year, April to March', () => {
    expect(fiscalYear('2026-04-01')).toEqual({ year: 2026, from: '2026-04-01', to: '2027-03-31' });
    expect(fiscalYear('2027-03-31')).toEqual({ year: 2026, from: '2026-04-01', to: '2027-03-31' });
    expect(fiscalYear('2026-03-31').year).toBe(2025);
  });

  it('links a core session to its number and a step-up session to the earliest open date up to half an interval ahead', () => {
    const slot = (id: string, stage: 'core' | 'step_up', sessionNo: number | null, dueOn: string, sessionId: string | null = null): ScheduleSlot => ({
      id,
      stage,
      sessionNo,
      dueOn,
      sessionId,
    });
    const slots = [
      slot('c1', 'core', 1, '2026-08-01', 's1'),
      slot('c2', 'core', 2, '2026-08-15'),
      slot('u1', 'step_up', null, '2026-10-26', 'sx'),
      slot('u2', 'step_up', null, '2026-11-25'),
      slot('u3', 'step_up', null, '2026-12-25'),
    ];
    expect(slotFor(slots, { stage: 'core', sessionNo: 2, heldOn: '2026-09-30' }, 30)?.id).toBe('c2');
    expect(slotFor(slots, { stage: 'core', sessionNo: 1, heldOn: '2026-09-30' }, 30)).toBeNull(); // already attended
    expect(slotFor(slots, { stage: 'step_up', sessionNo: null, heldOn: '2026-11-20' }, 30)?.id).toBe('u2');
    expect(slotFor(slots, { stage: 'step_up', sessionNo: null, heldOn: '2026-12-20' }, 30)?.id).toBe('u2'); // a make-up
    expect(slotFor(slots, { stage: 'step_up', sessionNo: null, heldOn: '2026-11-01' }, 30)).toBeNull(); // too early for 11-25
  });

  it('says which planned sessions are owed, missed, cancelled, and what is next', () => {
    const core = (no: number, dueOn: string, sessionId: string | null = null): ScheduleSlot => ({ id: `c${no}`, stage: 'core', sessionNo: no, dueOn, sessionId });
    const today = '2026-11-26';
    expect(scheduleState(core(1, '2026-11-01', 's'), ACTIVE_CORE, today)).toBe('attended');
    expect(scheduleState(core(2, '2026-11-15'), ACTIVE_CORE, today)).toBe('overdue');
    expect(scheduleState(core(3, '2026-11-26'), ACTIVE_CORE, today)).toBe('upcoming');
    const up: ScheduleSlot = { id: 'u', stage: 'step_up', sessionNo: null, dueOn: '2026-11-20', sessionId: null };
    expect(scheduleState(up, { ...ACTIVE_CORE, stage: 'step_up' }, today)).toBe('missed');
    expect(scheduleState(core(3, '2026-11-29'), { status: 'withdrawn', stage: 'core', completedOn: null, withdrawnOn: '2026-11-20' }, today)).toBe(
      'cancelled',
    );
    // ASSUMPTION: more than 7 days overdue is a missed required session.
    expect(coreOverdue(core(2, '2026-11-19'), ACTIVE_CORE, today)).toBe(false);
    expect(coreOverdue(core(2, '2026-11-18'), ACTIVE_CORE, today)).toBe(true);
    expect(coreOverdue(core(2, '2026-11-18'), { ...ACTIVE_CORE, status: 'withdrawn' }, today)).toBe(false);
    expect(nextDue([core(1, '2026-11-01', 's'), core(2, '2026-11-15'), core(3, '2026-11-29')], ACTIVE_CORE, today)).toEqual({
      stage: 'core',
      sessionNo: 2,
      dueOn: '2026-11-15',
      overdue: true,
    });
    expect(nextDue([up, { ...up, id: 'u2', dueOn: '2026-12-20' }], { ...ACTIVE_CORE, stage: 'step_up' }, today)).toMatchObject({
      dueOn: '2026-12-20',
      overdue: false,
    });
  });

  it('validates the rules a program is saved with', () => {
    expect(programRules.safeParse(RULES).success).toBe(true);
    expect(programRules.safeParse({}).success).toBe(true);
    const bad = [
      { stepUp: { intervalDays: 30 } }, // step-up without a core
      { core: { intervalDays: 14, sessions: [{ no: 2, title: 'x' }] } }, // not numbered from 1
      { core: { intervalDays: 0, sessions: [{ no: 1, title: 'x' }] } },
      { core: { intervalDays: 14, sessions: [] } },
      { core: { intervalDays: 14, sessions: [{ no: 1, title: '' }] } },
      { core: { intervalDays: 14, sessions: [{ no: 1, title: 'x' }] }, extra: true },
    ];
    for (const r of bad) expect(programRules.safeParse(r).success, JSON.stringify(r)).toBe(false);
  });
});
