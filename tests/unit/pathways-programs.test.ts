import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchCaseFlags, type FlagCase } from '../../db/casework/caseload-flags';
import { caseFlags } from '../../db/casework/flags';
import { RELAPSE_PREVENTION_PROGRAM_ID as DRP, type InputOf } from '../../db/contract';
import { caseworkOffice, failure, type StaffLogin } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan. Cases run 2026-04-01 to 2029-03-31.
const TODAY = '2026-11-26';
const PSY_OUT = '00000000-0000-4000-8000-000000000002';
type TestEntry = NonNullable<InputOf<'sessions.recordAttendance'>['entries'][number]['drugTest']>;
const NEGATIVE: TestEntry = { method: 'urine_kit', substances: ['stimulants'], result: 'negative', consent: true };

type Office = Awaited<ReturnType<typeof office>>;

async function office() {
  const o = await caseworkOffice(t.dir);
  await o.as('sato');
  /** Rows of the trail and of every table the program services write: equal before and after = nothing written. */
  const counts = () =>
    o
      .db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM enrolments) enrolments, (SELECT count(*) FROM enrolment_schedule) schedule,
                (SELECT count(*) FROM program_sessions) sessions, (SELECT count(*) FROM session_participants) participants,
                (SELECT count(*) FROM drug_tests) tests, (SELECT count(*) FROM programs) programs`,
      )
      .get() as Record<'audit' | 'changes' | 'enrolments' | 'schedule' | 'sessions' | 'participants' | 'tests' | 'programs', number>;
  return { ...o, counts };
}

/** A case (sato's unless told) with the special condition to attend the relapse prevention program. */
async function caseWithCondition(o: Office, opts: { officer?: StaffLogin; caseNumber?: string; setOn?: string } = {}) {
  const { caseId, superviseeId } = o.newCase({ officerId: o.ids[opts.officer ?? 'sato'], ...(opts.caseNumber ? { caseNumber: opts.caseNumber } : {}) });
  const condition = await o.call('conditions.add', {
    caseId,
    kind: 'specialised_treatment',
    catalogueCode: 'drug_relapse_prevention_program',
    text: '薬物再乱用防止プログラムを受けること。',
    setOn: opts.setOn ?? '2026-04-01',
  });
  return { caseId, superviseeId, conditionId: condition.id };
}

async function enrolled(o: Office, enrolledOn: string, opts: { officer?: StaffLogin; caseNumber?: string } = {}) {
  const c = await caseWithCondition(o, opts);
  const e = await o.call('enrolments.create', { caseId: c.caseId, programId: DRP, enrolledOn });
  return { ...c, enrolmentId: e.id, enrolment: e };
}

async function heldCore(o: Office, enrolmentIds: string[], sessionNo: number, heldOn: string) {
  const s = await o.call('sessions.create', { programId: DRP, stage: 'core', sessionNo, heldOn, place: '保護観察所 会議室', participants: enrolmentIds });
  return o.call('sessions.recordAttendance', {
    sessionId: s.id,
    entries: enrolmentIds.map((enrolmentId) => ({ enrolmentId, attendance: 'attended' as const, drugTest: NEGATIVE })),
  });
}

describe('program catalogue', () => {
  it('is seeded with the relapse prevention program and outside treatment, and only supervisors and administrators change it', async () => {
    const o = await office();
    const programs = await o.call('programs.list', {});
    expect(programs.map((p) => p.code)).toEqual(['drp', 'darc_day', 'mhwc', 'psy_in', 'psy_out', 'shg']);
    expect(programs[0]).toMatchObject({ id: DRP, kind: 'relapse_prevention', scheduled: true, rules: { core: { intervalDays: 14 }, stepUp: { intervalDays: 30 } } });
    expect(programs[0]!.rules.core!.sessions).toHaveLength(5);
    expect(programs.filter((p) => p.scheduled)).toHaveLength(1);

    const group: InputOf<'programs.save'> = { code: 'family_group', name: '家族教室', kind: 'other', rules: { core: { intervalDays: 7, sessions: [{ no: 1, title: '導入' }] } } };
    const asOfficer = o.counts();
    await expect(o.call('programs.save', group)).rejects.toMatchObject(failure('FORBIDDEN'));
    expect(o.counts()).toEqual(asOfficer);
    await o.as('tanaka');
    const before = o.counts();
    await expect(o.call('programs.save', { ...group, code: 'drp' })).rejects.toMatchObject(failure('DUPLICATE', 'code'));
    await expect(o.call('programs.save', { code: 'drp2', name: '別版', kind: 'relapse_prevention', rules: { core: group.rules!.core! } })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'rules.stepUp'),
    );
    await expect(
      o.call('programs.save', { ...group, rules: { core: { intervalDays: 7, sessions: [{ no: 2, title: 'x' }] } } }),
    ).rejects.toMatchObject(failure('INVALID_INPUT', 'rules.core.sessions'));
    expect(o.counts()).toEqual(before);

    const saved = await o.call('programs.save', group);
    expect(saved).toMatchObject({ code: 'family_group', scheduled: true, active: true, provider: '' });
    const renamed = await o.call('programs.save', { ...group, id: saved.id, name: '家族教室（改）', active: false });
    expect(renamed).toMatchObject({ id: saved.id, name: '家族教室（改）', active: false });
    expect((await o.call('programs.list', { activeOnly: true })).map((p) => p.code)).not.toContain('family_group');
  });
});

describe('enrolment', () => {
  it('needs an active special condition to take specialised treatment: a clear message, nothing saved', async () => {
    const o = await office();
    const { caseId } = o.newCase();
    const before = o.counts();
    await expect(o.call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-02' })).rejects.toMatchObject(
      failure('VALIDATION', 'conditionId'),
    );
    // A condition of another kind, a lifted one, or another case's, does not do.
    const other = await o.call('conditions.add', { caseId, kind: 'prohibited_conduct', text: '薬物使用者と交際しないこと。', setOn: '2026-04-01' });
    const lifted = await o.call('conditions.add', { caseId, kind: 'specialised_treatment', text: 'プログラムを受けること。', setOn: '2026-04-01' });
    await o.call('conditions.lift', { id: lifted.id, liftedOn: '2026-06-01' });
    const elsewhere = await caseWithCondition(o);
    const counted = o.counts();
    for (const conditionId of [undefined, other.id, lifted.id, elsewhere.conditionId]) {
      await expect(
        o.call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-02', ...(conditionId ? { conditionId } : {}) }),
      ).rejects.toMatchObject(failure('VALIDATION', 'conditionId'));
    }
    expect(o.counts()).toEqual(counted);
    expect(before.enrolments).toBe(0);

    const needed = await o.call('conditions.add', {
      caseId,
      kind: 'specialised_treatment',
      catalogueCode: 'drug_relapse_prevention_program',
      text: '薬物再乱用防止プログラムを受けること。',
      setOn: '2026-11-01',
    });
    for (const [enrolledOn, code, field] of [
      ['2026-11-27', 'DATE_IN_FUTURE', 'enrolledOn'],
      ['2026-03-31', 'VALIDATION', 'enrolledOn'], // before the case
      ['2026-10-31', 'VALIDATION', 'enrolledOn'], // before the condition
    ] as const) {
      await expect(o.call('enrolments.create', { caseId, programId: DRP, enrolledOn })).rejects.toMatchObject(failure(code, field));
    }
    const e = await o.call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-02' });
    expect(e).toMatchObject({ caseId, programCode: 'drp', conditionId: needed.id, stage: 'core', status: 'active', enrolledOn: '2026-11-02' });
    await expect(o.call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-03' })).rejects.toMatchObject(
      failure('DUPLICATE', 'programId'),
    );

    // Outside treatment needs no condition and has no schedule of its own.
    const outside = await o.call('enrolments.create', { caseId, programId: PSY_OUT, enrolledOn: '2026-11-10' });
    expect(outside).toMatchObject({ stage: 'outside', conditionId: null, schedule: [], progress: { coreTotal: 0, nextDue: null } });
    // The audit trail names the action.
    expect(o.db().prepare("SELECT count(*) FROM audit_log WHERE action = 'enrolments.create' AND entity = 'enrolment_schedule'").pluck().get()).toBe(5);
  });

  it('plans the five core sessions every 14 days from the enrolment day', async () => {
    const o = await office();
    const { enrolment } = await enrolled(o, '2026-11-02');
    expect(enrolment.schedule.map((s) => [s.stage, s.sessionNo, s.dueOn, s.state])).toEqual([
      ['core', 1, '2026-11-02', 'overdue'],
      ['core', 2, '2026-11-16', 'overdue'],
      ['core', 3, '2026-11-30', 'upcoming'],
      ['core', 4, '2026-12-14', 'upcoming'],
      ['core', 5, '2026-12-28', 'upcoming'],
    ]);
    expect(enrolment.progress).toMatchObject({
      coreAttended: 0,
      coreTotal: 5,
      nextDue: { stage: 'core', sessionNo: 1, dueOn: '2026-11-02', overdue: true },
      // Session 1 is 24 days overdue (a missed required session); session 2 only 10.
      missed: [
        { kind: 'core_overdue', sessionNo: 1, date: '2026-11-02' },
        { kind: 'core_overdue', sessionNo: 2, date: '2026-11-16' },
      ],
      possibleBreach: true,
    });
  });
});

describe('a group session', () => {
  it('records attendance and drug tests for a 10-person roster in one pass, and hides tests from whom may not see them', async () => {
    const o = await office();
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await enrolled(o, '2026-11-02', { caseNumber: `G-${i}` }));
    const ids = people.map((p) => p.enrolmentId);
    const session = await o.call('sessions.create', {
      programId: DRP,
      stage: 'core',
      sessionNo: 1,
      heldOn: '2026-11-02',
      startTime: '14:00',
      place: '保護観察所 会議室',
      deliveryMode: 'group',
      facilitators: [
        { kind: 'officer', userId: o.ids.sato },
        { kind: 'darc_staff', name: 'ダルク 山本' },
      ],
      participants: ids,
    });
    expect(session).toMatchObject({ status: 'planned', title: '薬物の影響と再使用のきっかけ', participants: 10, attended: 0 });
    expect(session.facilitators).toEqual([
      { kind: 'officer', userId: o.ids.sato, name: '佐藤 花子' },
      { kind: 'darc_staff', userId: null, name: 'ダルク 山本' },
    ]);
    expect(session.roster.map((r) => r.attendance)).toEqual(Array(10).fill('pending'));

    const before = o.counts();
    const entries: InputOf<'sessions.recordAttendance'>['entries'] = ids.map((enrolmentId, i) =>
      i === 9
        ? { enrolmentId, attendance: 'absent_unacceptable', notes: '連絡なし' }
        : { enrolmentId, attendance: i === 8 ? 'late' : 'attended', drugTest: i === 7 ? { ...NEGATIVE, result: 'positive', followUp: '面接で確認' } : NEGATIVE },
    );
    const held = await o.call('sessions.recordAttendance', { sessionId: session.id, entries });
    const after = o.counts();
    expect(held).toMatchObject({ status: 'held', participants: 10, attended: 9 });
    expect(after.tests - before.tests).toBe(9);
    expect(after.schedule).toBe(before.schedule); // linked, not added
    // One transaction: one audit entry per row written (10 participants, 9 tests, 9 schedule links, the session).
    expect(after.audit - before.audit).toBe(10 + 9 + 9 + 1);
    const byCase = new Map(held.roster.map((r) => [r.caseNumber, r]));
    expect(byCase.get('G-7')).toMatchObject({ attendance: 'attended', drugTestVisible: true, drugTest: { result: 'positive', followUp: '面接で確認' } });
    expect(byCase.get('G-9')).toMatchObject({ attendance: 'absent_unacceptable', notes: '連絡なし', drugTest: null });
    // The tests are the case's own tests, recorded by the officer on the session's day.
    const test = await o.call('drugTests.list', { caseId: people[7]!.caseId });
    expect(test).toEqual([expect.objectContaining({ testedOn: '2026-11-02', result: 'positive', recordedBy: o.ids.sato })]);
    expect(caseFlags(o.db(), people[7]!.caseId, TODAY).positiveTest).toBe(true);

    // Another officer sees the roster, not these cases' results; a supervisor sees them all.
    await o.as('suzuki');
    const seen = await o.call('sessions.get', { id: session.id });
    expect(seen.roster.every((r) => !r.drugTestVisible && r.drugTest === null)).toBe(true);
    expect(seen.roster.map((r) => r.attendance)).toEqual(held.roster.map((r) => r.attendance));
    await o.as('tanaka');
    expect((await o.call('sessions.get', { id: session.id })).roster.filter((r) => r.drugTest !== null)).toHaveLength(9);

    // Recorded once: a second pass is refused.
    await expect(o.call('sessions.recordAttendance', { sessionId: session.id, entries })).rejects.toMatchObject(failure('INVALID_STATE'));
  });

  it('saves nothing when one entry is invalid or one test is forbidden', async () => {
    const o = await office();
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await enrolled(o, '2026-11-02', { caseNumber: `M-${i}` }));
    const theirs = await enrolled(o, '2026-11-02', { officer: 'suzuki', caseNumber: 'S-0' });
    const stranger = await enrolled(o, '2026-11-02', { caseNumber: 'X-0' });
    const roster = [...mine, theirs].map((p) => p.enrolmentId);
    const session = await o.call('sessions.create', { programId: DRP, stage: 'core', sessionNo: 1, heldOn: '2026-11-02', participants: roster });
    const good = roster.map((enrolmentId) => ({ enrolmentId, attendance: 'attended' as const }));
    const withTests = (i: number) => good.map((e, k) => (k === i ? { ...e, drugTest: NEGATIVE } : e));

    const before = o.counts();
    const attempts: [InputOf<'sessions.recordAttendance'>['entries'], ReturnType<typeof failure>][] = [
      // Someone not on the roster.
      [[...good.slice(0, 3), { enrolmentId: stranger.enrolmentId, attendance: 'attended' }], failure('VALIDATION', 'entries.3.enrolmentId')],
      // Someone on the roster left out.
      [good.slice(0, 3), failure('VALIDATION', 'entries')],
      // A test for someone absent.
      [good.map((e, k) => (k === 1 ? { ...e, attendance: 'absent_acceptable' as const, drugTest: NEGATIVE } : e)), failure('VALIDATION', 'entries.1.drugTest')],
      // A test without consent that is not a refusal (the drug test rules).
      [good.map((e, k) => (k === 2 ? { ...e, drugTest: { ...NEGATIVE, consent: false } } : e)), failure('VALIDATION', 'entries.2.drugTest.consent')],
      // A test for suzuki's case, recorded by sato: the whole call is refused, even with other errors in it.
      [withTests(3), failure('FORBIDDEN')],
      [withTests(3).map((e, k) => (k === 2 ? { ...e, drugTest: { ...NEGATIVE, consent: false } } : e)), failure('FORBIDDEN')],
    ];
    for (const [entries, expected] of attempts) {
      await expect(o.call('sessions.recordAttendance', { sessionId: session.id, entries })).rejects.toMatchObject(expected);
      expect(o.counts()).toEqual(before);
    }
    // Repeated participants are refused by the schema.
    await expect(o.call('sessions.recordAttendance', { sessionId: session.id, entries: [good[0]!, good[0]!] })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'entries'),
    );
    expect((await o.call('sessions.get', { id: session.id })).status).toBe('planned');

    // Attendance alone for suzuki's case is fine; the supervisor may record its test too.
    await o.as('tanaka');
    const held = await o.call('sessions.recordAttendance', { sessionId: session.id, entries: withTests(3) });
    expect(held.roster.find((r) => r.caseNumber === 'S-0')!.drugTest).toMatchObject({ result: 'negative' });
  });

  it('checks the roster and the session when it is planned', async () => {
    const o = await office();
    const core = await enrolled(o, '2026-11-02');
    const outside = await o.call('enrolments.create', { caseId: core.caseId, programId: PSY_OUT, enrolledOn: '2026-11-02' });
    const base: InputOf<'sessions.create'> = { programId: DRP, stage: 'core', sessionNo: 1, heldOn: '2026-11-02', participants: [core.enrolmentId] };
    const before = o.counts();
    const attempts: [InputOf<'sessions.create'>, string, string][] = [
      [{ ...base, sessionNo: undefined }, 'VALIDATION', 'sessionNo'],
      [{ ...base, sessionNo: 6 }, 'VALIDATION', 'sessionNo'],
      [{ ...base, stage: 'step_up', sessionNo: undefined }, 'VALIDATION', 'participants.0'], // still in the core stage
      [{ ...base, stage: 'step_up' }, 'VALIDATION', 'sessionNo'],
      [{ ...base, participants: [outside.id] }, 'VALIDATION', 'participants.0'], // another program
      [{ ...base, heldOn: '2026-11-01' }, 'VALIDATION', 'participants.0'], // before the enrolment
      [{ ...base, programId: PSY_OUT }, 'VALIDATION', 'programId'],
      [{ ...base, facilitators: [{ kind: 'officer', name: '誰か' }] }, 'VALIDATION', 'facilitators.0.userId'],
      [{ ...base, facilitators: [{ kind: 'other' }] }, 'VALIDATION', 'facilitators.0.name'],
      [{ ...base, participants: [core.enrolmentId, core.enrolmentId] }, 'INVALID_INPUT', 'participants'],
    ];
    for (const [input, code, field] of attempts) {
      await expect(o.call('sessions.create', input)).rejects.toMatchObject(failure(code, field));
    }
    expect(o.counts()).toEqual(before);

    // A session planned for a later day is recorded once it has been held.
    const later = await o.call('sessions.create', { ...base, sessionNo: 2, heldOn: '2026-12-01' });
    await expect(
      o.call('sessions.recordAttendance', { sessionId: later.id, entries: [{ enrolmentId: core.enrolmentId, attendance: 'attended' }] }),
    ).rejects.toMatchObject(failure('DATE_IN_FUTURE', 'heldOn'));
  });

  it('lists sessions for a period with filters', async () => {
    const o = await office();
    const a = await enrolled(o, '2026-09-01');
    await heldCore(o, [a.enrolmentId], 1, '2026-09-01');
    await heldCore(o, [a.enrolmentId], 2, '2026-09-15');
    await o.call('sessions.create', { programId: DRP, stage: 'core', sessionNo: 3, heldOn: '2026-12-01', participants: [a.enrolmentId] });
    const all = await o.call('sessions.list', { from: '2026-09-01', to: '2026-12-31' });
    expect(all.map((s) => [s.heldOn, s.sessionNo, s.status, s.attended])).toEqual([
      ['2026-12-01', 3, 'planned', 0],
      ['2026-09-15', 2, 'held', 1],
      ['2026-09-01', 1, 'held', 1],
    ]);
    expect((await o.call('sessions.list', { from: '2026-09-01', to: '2026-09-10' })).map((s) => s.sessionNo)).toEqual([1]);
    expect(await o.call('sessions.list', { from: '2026-09-01', to: '2026-12-31', stage: 'step_up' })).toEqual([]);
    expect((await o.call('sessions.list', { from: '2026-09-01', to: '2026-12-31', status: 'planned' })).map((s) => s.sessionNo)).toEqual([3]);
    expect(await o.call('sessions.list', { from: '2026-09-01', to: '2026-12-31', programId: PSY_OUT })).toEqual([]);
    await expect(o.call('sessions.list', { from: '2026-12-31', to: '2026-09-01' })).rejects.toMatchObject(failure('END_BEFORE_START', 'to'));
  });
});

describe('progress through the program', () => {
  it('moves to step-up when the fifth core session is attended, plans step-up to the end of supervision, and counts this fiscal year', async () => {
    const o = await office();
    const { enrolmentId, caseId, superviseeId } = await enrolled(o, '2026-08-01');
    const other = await enrolled(o, '2026-08-01', { caseNumber: 'O-1' });
    const dates = ['2026-08-01', '2026-08-15', '2026-08-29', '2026-09-12', '2026-09-26'];
    for (const [k, day] of dates.entries()) {
      const ids = k === 4 ? [enrolmentId, other.enrolmentId] : [enrolmentId];
      await heldCore(o, ids, k + 1, day);
      const [e] = await o.call('enrolments.forCase', { caseId });
      expect(e!.progress.coreAttended).toBe(k + 1);
      expect(e!.stage).toBe(k < 4 ? 'core' : 'step_up');
    }
    const [e] = await o.call('enrolments.forCase', { caseId });
    expect(e).toMatchObject({ stage: 'step_up', status: 'active', coreCompletedOn: '2026-09-26' });
    const stepUp = e!.schedule.filter((s) => s.stage === 'step_up');
    expect(stepUp[0]!.dueOn).toBe('2026-10-26');
    expect(stepUp.at(-1)!.dueOn <= '2029-03-31').toBe(true);
    expect(stepUp).toHaveLength(30); // 2026-10-26 … 2029-03-14, every 30 days
    // The other participant had attended only session 5: still in the core stage, 1 of 5.
    const [o1] = await o.call('enrolments.forCase', { caseId: other.caseId });
    expect(o1).toMatchObject({ stage: 'core', progress: { coreAttended: 1, nextDue: { sessionNo: 1, overdue: true } } });

    // A step-up session on 2026-10-27 fulfils the one due the day before.
    const s = await o.call('sessions.create', { programId: DRP, stage: 'step_up', heldOn: '2026-10-27', deliveryMode: 'phone', participants: [enrolmentId] });
    expect(s.title).toBeNull();
    await o.call('sessions.recordAttendance', { sessionId: s.id, entries: [{ enrolmentId, attendance: 'late' }] });
    const [p] = await o.call('enrolments.forCase', { caseId });
    expect(p!.schedule.find((x) => x.dueOn === '2026-10-26')).toMatchObject({ state: 'attended', attendedOn: '2026-10-27', sessionId: s.id });
    expect(p!.schedule.find((x) => x.dueOn === '2026-11-25')!.state).toBe('missed');
    // FY2026 runs 2026-04-01 to 2027-03-31: step-up dates 10-26, 11-25, 12-25, 01-24, 02-23, 03-25.
    expect(p!.progress).toMatchObject({
      coreAttended: 5,
      coreTotal: 5,
      stepUp: { fiscalYear: 2026, from: '2026-04-01', to: '2027-03-31', attended: 1, planned: 6 },
      nextDue: { stage: 'step_up', dueOn: '2026-12-25', overdue: false },
      missed: [],
      possibleBreach: false,
    });

    // Completion ends the schedule; the timeline tells the story.
    const done = await o.call('enrolments.complete', { id: enrolmentId, on: '2026-11-20' });
    expect(done).toMatchObject({ status: 'completed', completedOn: '2026-11-20', progress: { nextDue: null } });
    expect(done.schedule.filter((x) => x.state === 'cancelled').map((x) => x.dueOn)[0]).toBe('2026-11-25');
    const timeline = await o.call('timeline.forPerson', { superviseeId });
    const program = timeline.items.filter((i) => i.kind.startsWith('program_'));
    expect(program.map((i) => [i.date, i.kind])).toEqual([
      ['2026-11-20', 'program_completed'],
      ['2026-10-27', 'program_session'],
      ['2026-09-26', 'program_core_completed'],
      ['2026-09-26', 'program_session'],
      ['2026-09-12', 'program_session'],
      ['2026-08-29', 'program_session'],
      ['2026-08-15', 'program_session'],
      ['2026-08-01', 'program_session'],
      ['2026-08-01', 'program_enrolled'],
    ]);
    expect(program[1]!.data).toMatchObject({ programName: '薬物再乱用防止プログラム', stage: 'step_up', attendance: 'late', deliveryMode: 'phone' });
    expect(program[3]!.data).toMatchObject({ stage: 'core', sessionNo: 5, attendance: 'attended' });
  });

  it('completes a program without a step-up stage when its core is done', async () => {
    const o = await office();
    await o.as('tanaka');
    const short = await o.call('programs.save', {
      code: 'intro',
      name: '導入プログラム',
      kind: 'other',
      rules: { core: { intervalDays: 7, sessions: [{ no: 1, title: '導入' }, { no: 2, title: 'まとめ' }] } },
    });
    const { caseId } = o.newCase();
    const e = await o.call('enrolments.create', { caseId, programId: short.id, enrolledOn: '2026-11-02' });
    expect(e.schedule.map((s) => s.dueOn)).toEqual(['2026-11-02', '2026-11-09']);
    for (const [no, day] of [[1, '2026-11-02'], [2, '2026-11-09']] as const) {
      const s = await o.call('sessions.create', { programId: short.id, stage: 'core', sessionNo: no, heldOn: day, participants: [e.id] });
      await o.call('sessions.recordAttendance', { sessionId: s.id, entries: [{ enrolmentId: e.id, attendance: 'attended' }] });
    }
    const [done] = await o.call('enrolments.forCase', { caseId });
    expect(done).toMatchObject({ status: 'completed', completedOn: '2026-11-09', coreCompletedOn: '2026-11-09', progress: { coreAttended: 2 } });
  });

  it('withdraws with a reason; completion needs the core done; both only once and not before the start', async () => {
    const o = await office();
    const { enrolmentId, caseId, superviseeId } = await enrolled(o, '2026-10-01');
    const before = o.counts();
    for (const [call, input, code, field] of [
      ['enrolments.complete', { id: enrolmentId, on: '2026-11-20' }, 'INVALID_STATE', 'id'],
      ['enrolments.withdraw', { id: enrolmentId, on: '2026-09-30', reason: '転居' }, 'END_BEFORE_START', 'on'],
      ['enrolments.withdraw', { id: enrolmentId, on: '2026-11-27', reason: '転居' }, 'DATE_IN_FUTURE', 'on'],
      ['enrolments.withdraw', { id: enrolmentId, on: '2026-11-20', reason: ' ' }, 'INVALID_INPUT', 'reason'],
    ] as const) {
      await expect(o.call(call, input as never)).rejects.toMatchObject(failure(code, field));
    }
    expect(o.counts()).toEqual(before);
    const w = await o.call('enrolments.withdraw', { id: enrolmentId, on: '2026-11-20', reason: '入院のため' });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-11-20', withdrawalReason: '入院のため', progress: { nextDue: null, missed: [] } });
    // Sessions due after the withdrawal are no longer owed.
    expect(w.schedule.map((s) => [s.dueOn, s.state])).toEqual([
      ['2026-10-01', 'overdue'],
      ['2026-10-15', 'overdue'],
      ['2026-10-29', 'overdue'],
      ['2026-11-12', 'overdue'],
      ['2026-11-26', 'cancelled'],
    ]);
    await expect(o.call('enrolments.withdraw', { id: enrolmentId, on: '2026-11-21', reason: 'x' })).rejects.toMatchObject(failure('INVALID_STATE'));
    // After a withdrawal the case may be enrolled again.
    await o.call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-25' });
    expect((await o.call('enrolments.forCase', { caseId })).map((e) => e.status)).toEqual(['active', 'withdrawn']);
    const items = (await o.call('timeline.forPerson', { superviseeId })).items.filter((i) => i.kind === 'program_withdrawn');
    expect(items).toEqual([expect.objectContaining({ date: '2026-11-20', data: expect.objectContaining({ reason: '入院のため' }) })]);
  });
});

describe('a missed required session', () => {
  it('flags a possible breach, equal in caseFlags, the batched flags and the caseload, and lists on the enrolments screen', async () => {
    const o = await office();
    const absent = await enrolled(o, '2026-11-16', { caseNumber: 'A-1' });
    const overdue = await enrolled(o, '2026-11-10', { caseNumber: 'A-2' }); // core 1 due 11-10, never attended
    const recent = await enrolled(o, '2026-11-19', { caseNumber: 'A-3' }); // core 1 due 11-19: 7 days, not yet
    const fine = await enrolled(o, '2026-11-16', { caseNumber: 'A-4' });
    const excused = await enrolled(o, '2026-11-16', { caseNumber: 'A-5' });
    const s = await o.call('sessions.create', {
      programId: DRP,
      stage: 'core',
      sessionNo: 1,
      heldOn: '2026-11-16',
      participants: [absent.enrolmentId, fine.enrolmentId, excused.enrolmentId],
    });
    await o.call('sessions.recordAttendance', {
      sessionId: s.id,
      entries: [
        { enrolmentId: absent.enrolmentId, attendance: 'absent_unacceptable' },
        { enrolmentId: fine.enrolmentId, attendance: 'attended', drugTest: NEGATIVE },
        { enrolmentId: excused.enrolmentId, attendance: 'absent_acceptable', notes: '通院' },
      ],
    });
    const flagged = (day: string) =>
      [absent, overdue, recent, fine, excused].filter((c) => caseFlags(o.db(), c.caseId, day).programMissed).map((c) => c.caseId);
    // The unacceptable absence; core session 1 owed for 16 days; the excused one still owes session 1, 10 days on.
    expect(flagged(TODAY)).toEqual([absent.caseId, overdue.caseId, excused.caseId]);
    // Two days on, the recent one's session 1 is 9 days overdue.
    expect(flagged('2026-11-28')).toEqual([absent.caseId, overdue.caseId, recent.caseId, excused.caseId]);

    const cases = o
      .db()
      .prepare(
        `SELECT id, status, intensity_level AS intensityLevel, start_date AS startDate,
                COALESCE(termination_date, planned_end_date) AS endDate FROM cases ORDER BY id`,
      )
      .all() as FlagCase[];
    for (const day of [TODAY, '2026-11-28', '2027-02-14', '2027-03-01']) {
      const expected = Object.fromEntries(cases.map((c) => [c.id, caseFlags(o.db(), c.id, day)]));
      for (const strategy of ['window', 'ids'] as const) {
        expect(Object.fromEntries(batchCaseFlags(o.db(), cases, day, { strategy })), `${day} ${strategy}`).toEqual(expected);
      }
    }

    const page = await o.call('caseload.list', { scope: 'mine', filters: { flags: ['programMissed'] } });
    expect(page.rows.map((r) => r.caseNumber)).toEqual(['A-1', 'A-2', 'A-5']);
    expect(page.rows[0]!.flags.programMissed).toBe(true);
    const everyone = await o.call('caseload.list', { scope: 'mine' });
    for (const r of everyone.rows) expect(r.flags).toEqual(caseFlags(o.db(), r.caseId, TODAY, new Date(o.clock.now()).toISOString()));

    const [progress] = await o.call('enrolments.forCase', { caseId: absent.caseId });
    expect(progress!.progress).toMatchObject({
      possibleBreach: true,
      missed: [{ kind: 'absent_unacceptable', date: '2026-11-16', sessionId: s.id, sessionNo: 1 }],
    });
    // The enrolments list: filtered in SQL by the same rule as each row's possibleBreach, in pages.
    const list = await o.call('enrolments.list', { programId: DRP, possibleBreach: true });
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => r.caseNumber)).toEqual(['A-1', 'A-2', 'A-5']);
    expect(list.rows[0]).toMatchObject({ name: '山田 太郎', officerName: '佐藤 花子', coreAttended: 0, coreTotal: 5, nextDueOn: '2026-11-16' });
    const all = await o.call('enrolments.list', { stage: 'core', status: 'active' });
    expect(all.total).toBe(5);
    expect(all.rows.filter((r) => r.possibleBreach).map((r) => r.caseNumber)).toEqual(['A-1', 'A-2', 'A-5']);
    expect((await o.call('enrolments.list', { possibleBreach: false })).rows.map((r) => r.caseNumber)).toEqual(['A-3', 'A-4']);
    const second = await o.call('enrolments.list', { limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 5, offset: 2 });
    expect(second.rows.map((r) => r.caseNumber)).toEqual(['A-3', 'A-4']);
    expect(await o.call('enrolments.list', { offset: 10 })).toEqual({ total: 5, offset: 10, rows: [] });
    expect((await o.call('enrolments.list', { officerId: o.ids.suzuki })).total).toBe(0);

    // Making up the overdue session clears its flag; a withdrawal stops the schedule being owed.
    await heldCore(o, [overdue.enrolmentId], 1, '2026-11-25');
    expect(caseFlags(o.db(), overdue.caseId, TODAY).programMissed).toBe(false);
    await o.call('enrolments.withdraw', { id: recent.enrolmentId, on: '2026-11-26', reason: '本人の事情' });
    expect(caseFlags(o.db(), recent.caseId, '2026-11-28').programMissed).toBe(false);
    // An unacceptable absence flags for 90 days, the day of the session included, whatever became of the enrolment.
    await o.call('enrolments.withdraw', { id: absent.enrolmentId, on: '2026-11-26', reason: '取消申出' });
    expect(caseFlags(o.db(), absent.caseId, '2027-02-13').programMissed).toBe(true);
    expect(caseFlags(o.db(), absent.caseId, '2027-02-14').programMissed).toBe(false);
    // A terminated case is not flagged (supervision no longer runs).
    o.db().prepare("UPDATE cases SET status = 'terminated', termination_date = '2026-11-20' WHERE id = ?").run(excused.caseId);
    expect(caseFlags(o.db(), excused.caseId, TODAY).programMissed).toBe(false);
  });
});
