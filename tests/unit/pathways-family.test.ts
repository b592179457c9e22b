import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../db/contract';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 in Japan.

async function office() {
  const o = await caseworkOffice(t.dir);
  await o.as('officer');
  const adult = await o.call('supervisees.create', partialIntake());
  const juvenile = await o.call(
    'supervisees.create',
    partialIntake({
      caseNumber: 'R8-0100',
      familyName: '佐々木',
      familyKana: 'ささき',
      givenName: '翔',
      givenKana: 'しょう',
      birthDate: '2010-03-03',
      rule: { category: '1', decisionDate: '2026-04-01', juvenileTerm: 'until_20' },
      employmentAtStart: 'student',
    }),
  );
  const member = (superviseeId: string, over: Partial<InputOf<'family.save'>>) =>
    o.call('family.save', { superviseeId, name: '山田 花子', relation: 'parent', ...over });
  const mother = await member(adult.person.id, { name: '山田 花子', nameKana: 'やまだ はなこ', isGuarantor: true, contact: '000-1111-2222' });
  const wife = await member(adult.person.id, { name: '山田 咲', nameKana: 'やまだ さき', relation: 'spouse' });
  const guardian = await member(juvenile.person.id, { name: '佐々木 恵', nameKana: 'ささき めぐみ', isGuarantor: true });
  const counts = () =>
    o
      .db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM seminars) seminars, (SELECT count(*) FROM seminar_invitations) invitations,
                (SELECT group_concat(attendance || follow_up, ',') FROM seminar_invitations) attendance,
                (SELECT group_concat(seminar_participation || guardian_instructed, ',') FROM family_members) members`,
      )
      .get();
  async function refused(p: () => Promise<unknown>, code: string, field?: string) {
    const before = counts();
    await expect(p()).rejects.toMatchObject(field === undefined ? { code } : { code, details: { field } });
    expect(counts()).toEqual(before);
  }
  return { o, adult, juvenile, mother, wife, guardian, refused };
}

const seminar = (over: Partial<InputOf<'seminars.create'>> = {}): InputOf<'seminars.create'> => ({
  heldOn: '2026-11-20',
  startTime: '14:00',
  place: '本庁 第1会議室',
  topic: '薬物依存の理解と家族の対応',
  facilitator: '保護観察官 佐藤',
  capacity: 10,
  ...over,
});

describe('family seminars', () => {
  it('invites family members in one call, records attendance and follow-up, and lists the seminars', async () => {
    const { o, adult, mother, wife, guardian } = await office();
    const s = await o.call('seminars.create', seminar());
    expect(s).toMatchObject({ heldOn: '2026-11-20', startTime: '14:00', capacity: 10, seatsTaken: 0, invited: 0 });

    const invited = await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [mother.id, wife.id] });
    expect(invited.seminar).toMatchObject({ seatsTaken: 2, invited: 2 });
    expect(invited.invitations.map((i) => [i.memberName, i.isGuarantor, i.caseNumber, i.attendance, i.invitedOn])).toEqual([
      ['山田 花子', true, 'R8-0001', 'invited', '2026-11-26'],
      ['山田 咲', false, 'R8-0001', 'invited', '2026-11-26'],
    ]);
    // A juvenile's guardian instructed to attend (保護者に対する措置).
    const withGuardian = await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [guardian.id], guardianInstructed: true });
    expect(withGuardian.seminar.guardiansInstructed).toBe(1);
    expect(withGuardian.invitations.find((i) => i.familyMemberId === guardian.id)).toMatchObject({ guardianInstructed: true, superviseeName: '佐々木 翔' });

    const after = await o.call('seminars.recordAttendance', {
      seminarId: s.id,
      entries: [
        { familyMemberId: mother.id, attendance: 'attended', followUp: '個別相談を希望' },
        { familyMemberId: wife.id, attendance: 'attended' },
        { familyMemberId: guardian.id, attendance: 'absent', followUp: '電話で再度案内' },
      ],
    });
    expect(after.seminar).toMatchObject({ attended: 2, absent: 1, invited: 0, seatsTaken: 3 });
    expect(after.invitations.find((i) => i.familyMemberId === mother.id)).toMatchObject({ attendance: 'attended', followUp: '個別相談を希望' });

    // The family members' own summary follows.
    const family = (await o.call('supervisees.get', { id: adult.person.id })).family;
    expect(family.map((f) => f.seminarParticipation)).toEqual(['attending', 'attending']);
    const g = (await o.call('supervisees.get', { id: guardian.superviseeId })).family[0]!;
    expect(g).toMatchObject({ seminarParticipation: 'invited', guardianInstructed: true });

    const next = await o.call('seminars.create', seminar({ heldOn: '2027-01-15', topic: '再使用の兆候' }));
    await o.call('seminars.invite', { seminarId: next.id, familyMemberIds: [mother.id] });
    // Someone may decline a seminar still to come.
    await o.call('seminars.recordAttendance', { seminarId: next.id, entries: [{ familyMemberId: mother.id, attendance: 'declined' }] });
    const updated = await o.call('seminars.update', { id: next.id, ...seminar({ heldOn: '2027-01-22', topic: '再使用の兆候', capacity: 12 }) });
    expect(updated).toMatchObject({ heldOn: '2027-01-22', capacity: 12, declined: 1, seatsTaken: 0 });

    expect((await o.call('seminars.list', {})).map((x) => x.heldOn)).toEqual(['2027-01-22', '2026-11-20']);
    expect((await o.call('seminars.list', { from: '2026-12-01' })).map((x) => x.id)).toEqual([next.id]);
    expect((await o.call('seminars.list', { to: '2026-12-01' })).map((x) => x.id)).toEqual([s.id]);
    expect((await o.call('seminars.get', { id: s.id })).invitations).toHaveLength(3);

    const tl = await o.call('timeline.forPerson', { superviseeId: adult.person.id });
    const events = tl.items.filter((i) => i.kind.startsWith('seminar')).map((i) => `${i.date} ${i.kind}`);
    expect(events).toEqual([
      '2026-11-26 seminar_invited',
      '2026-11-26 seminar_invited',
      '2026-11-26 seminar_invited',
      '2026-11-20 seminar_attended',
      '2026-11-20 seminar_attended',
    ]);
    expect(tl.items.find((i) => i.kind === 'seminar_attended' && i.data.memberName === '山田 花子')!.data).toEqual({
      topic: '薬物依存の理解と家族の対応',
      memberName: '山田 花子',
      relation: 'parent',
      followUp: '個別相談を希望',
    });
  });

  it('warns when invitations exceed the capacity, unless the officer allows it', async () => {
    const { o, mother, wife, guardian, refused } = await office();
    const s = await o.call('seminars.create', seminar({ capacity: 2 }));
    await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [mother.id] });
    await refused(() => o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [wife.id, guardian.id] }), 'OVER_CAPACITY', 'familyMemberIds');
    await expect(o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [wife.id, guardian.id] })).rejects.toMatchObject({
      details: { capacity: 2, occupied: 1, requested: 2 },
    });
    const over = await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [wife.id, guardian.id], allowOverCapacity: true });
    expect(over.seminar).toMatchObject({ capacity: 2, seatsTaken: 3 });
    // A declined invitation frees its seat; lowering the capacity below the seats taken also warns.
    await o.call('seminars.recordAttendance', { seminarId: s.id, entries: [{ familyMemberId: guardian.id, attendance: 'declined' }] });
    await refused(() => o.call('seminars.update', { id: s.id, ...seminar({ capacity: 1 }) }), 'OVER_CAPACITY', 'capacity');
    expect(await o.call('seminars.update', { id: s.id, ...seminar({ capacity: 1 }), allowOverCapacity: true })).toMatchObject({ capacity: 1 });
  });

  it('refuses a duplicate invitation, attendance for someone not invited and other bad input, saving nothing', async () => {
    const { o, mother, wife, guardian, refused } = await office();
    const s = await o.call('seminars.create', seminar());
    await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [mother.id] });

    // The whole call is refused: the other member in it is not invited either.
    await refused(() => o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [wife.id, mother.id] }), 'DUPLICATE', 'familyMemberIds.1');
    await refused(() => o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [wife.id, wife.id] }), 'INVALID_INPUT', 'familyMemberIds');
    await refused(
      () => o.call('seminars.invite', { seminarId: s.id, familyMemberIds: ['00000000-0000-4000-8000-000000000009'] }),
      'NOT_FOUND',
      'familyMemberIds.0',
    );
    // Only a juvenile's guardian can be instructed to attend.
    await refused(() => o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [guardian.id, wife.id], guardianInstructed: true }), 'VALIDATION', 'familyMemberIds.1');
    await refused(() => o.call('seminars.invite', { seminarId: '00000000-0000-4000-8000-000000000009', familyMemberIds: [wife.id] }), 'NOT_FOUND', 'seminarId');

    // Attendance: every entry must be invited, or nothing is saved (the valid first entry included).
    await refused(
      () =>
        o.call('seminars.recordAttendance', {
          seminarId: s.id,
          entries: [
            { familyMemberId: mother.id, attendance: 'attended' },
            { familyMemberId: wife.id, attendance: 'attended' },
          ],
        }),
      'VALIDATION',
      'entries.1.familyMemberId',
    );
    const future = await o.call('seminars.create', seminar({ heldOn: '2026-12-10' }));
    await o.call('seminars.invite', { seminarId: future.id, familyMemberIds: [mother.id] });
    await refused(
      () => o.call('seminars.recordAttendance', { seminarId: future.id, entries: [{ familyMemberId: mother.id, attendance: 'attended' }] }),
      'DATE_IN_FUTURE',
      'entries.0.attendance',
    );
    await refused(
      () => o.call('seminars.recordAttendance', { seminarId: s.id, entries: [{ familyMemberId: mother.id, attendance: 'invited' as never }] }),
      'INVALID_INPUT',
      'entries.0.attendance',
    );
    await refused(() => o.call('seminars.create', seminar({ capacity: 0 })), 'INVALID_INPUT', 'capacity');
    await refused(() => o.call('seminars.create', seminar({ topic: '' })), 'INVALID_INPUT', 'topic');
    await refused(() => o.call('seminars.create', seminar({ startTime: '25:00' })), 'INVALID_INPUT', 'startTime');
    // A seminar with attendance recorded cannot move into the future.
    await o.call('seminars.recordAttendance', { seminarId: s.id, entries: [{ familyMemberId: mother.id, attendance: 'attended' }] });
    await refused(() => o.call('seminars.update', { id: s.id, ...seminar({ heldOn: '2026-12-24' }) }), 'VALIDATION', 'heldOn');
  });

  it('keeps the families of ended cases reachable, with their contact and last seminar', async () => {
    const { o, adult, juvenile, mother, wife } = await office();
    const s = await o.call('seminars.create', seminar({ heldOn: '2026-10-01' }));
    await o.call('seminars.invite', { seminarId: s.id, familyMemberIds: [mother.id] });
    await o.call('seminars.recordAttendance', { seminarId: s.id, entries: [{ familyMemberId: mother.id, attendance: 'attended' }] });
    expect(await o.call('family.reachable', {})).toEqual([]);

    await o.as('supervisor');
    await o.call('cases.terminate', { caseId: adult.cases[0]!.id, terminationDate: '2026-11-10', reason: 'expiry', employmentAtTermination: 'employed' });
    const reachable = await o.call('family.reachable', {});
    expect(reachable.map((r) => r.familyMemberId)).toEqual([mother.id, wife.id]);
    expect(reachable[0]).toEqual({
      familyMemberId: mother.id,
      name: '山田 花子',
      nameKana: 'やまだ はなこ',
      relation: 'parent',
      isGuarantor: true,
      contact: '000-1111-2222',
      superviseeId: adult.person.id,
      superviseeName: '山田 太郎',
      caseId: adult.cases[0]!.id,
      caseNumber: 'R8-0001',
      terminationDate: '2026-11-10',
      terminationReason: 'expiry',
      lastSeminar: { seminarId: s.id, heldOn: '2026-10-01', topic: '薬物依存の理解と家族の対応', attendance: 'attended' },
    });
    expect(reachable[1]!.lastSeminar).toBeNull();
    expect(await o.call('family.reachable', { terminatedFrom: '2026-11-11' })).toEqual([]);
    expect(await o.call('family.reachable', { terminatedTo: '2026-11-10' })).toHaveLength(2);
    expect(juvenile.cases[0]!.status).toBe('active');

    // The office keeps advising them: they can still be invited.
    const later = await o.call('seminars.create', seminar({ heldOn: '2026-12-15' }));
    const detail = await o.call('seminars.invite', { seminarId: later.id, familyMemberIds: [wife.id] });
    expect(detail.invitations[0]).toMatchObject({ caseNumber: 'R8-0001', attendance: 'invited' });
  });
});
