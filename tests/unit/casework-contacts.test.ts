import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFlags } from '../../db/casework/flags';
import { mutate } from '../../db/write';
import { assignVpo, caseworkOffice, failure } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan.
const TODAY = '2026-11-26';

describe('contacts', () => {
  it('records a quick entry with only kind and outcome: today, now, by the acting officer', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase();
    const c = await o.call('contacts.record', { caseId, kind: 'office_interview', outcome: 'held' });
    expect(c).toMatchObject({
      caseId,
      kind: 'office_interview',
      date: TODAY,
      time: '09:00',
      byUserId: o.ids.sato,
      byUserName: '佐藤 花子',
      byVpoId: null,
      outcome: 'held',
      notes: '',
      sensitive: false,
      reportMonth: null,
    });
    // A VPO meeting is by the supervisee's VPO, not by the person keying it in.
    const vpoId = assignVpo(o.ctx(), o.db().prepare('SELECT supervisee_id FROM cases WHERE id = ?').pluck().get(caseId) as string);
    const m = await o.call('contacts.record', { caseId, kind: 'vpo_meeting', outcome: 'held', date: '2026-11-20' });
    expect(m).toMatchObject({ byVpoId: vpoId, byVpoName: '高橋 保護司', byUserId: null, time: null, date: '2026-11-20' });
    expect((await o.call('contacts.list', { caseId })).map((x) => x.id)).toEqual([c.id, m.id]);
  });

  it('records contacts until the standard is met, and a missed one does not count (the reasons say why)', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId, superviseeId } = o.newCase({ level: 'B' });
    assignVpo(o.ctx(), superviseeId);

    // Level B (assumed): 1 PO contact and 2 VPO meetings a month.
    let s = await o.call('standards.forCase', { caseId });
    expect(s).toMatchObject({ month: '2026-11', level: 'B', status: 'past_due', po: { required: 1, done: 0 }, vpo: { required: 2, done: 0 } });

    const missed = await o.call('contacts.record', {
      caseId,
      kind: 'home_visit',
      date: '2026-11-10',
      outcome: 'missed_unacceptable',
      notes: '不在',
    });
    const phone = await o.call('contacts.record', { caseId, kind: 'phone', date: '2026-11-11', outcome: 'held' });
    const held = await o.call('contacts.record', { caseId, kind: 'office_interview', date: '2026-11-12', outcome: 'held' });
    await o.call('contacts.record', { caseId, kind: 'vpo_meeting', date: '2026-11-08', outcome: 'held' });
    s = await o.call('standards.forCase', { caseId, month: '2026-11' });
    expect(s.po).toMatchObject({ required: 1, done: 1, remaining: 0 });
    expect(s.vpo).toMatchObject({ required: 2, done: 1, remaining: 1, nextDueDate: '2026-11-30' });
    expect(s.status).toBe('on_track');
    const why = Object.fromEntries(s.contacts.map((c) => [c.contactId, c.reason]));
    expect(why[missed.id]).toBe('missed');
    expect(why[phone.id]).toBe('kind_not_counted');
    expect(why[held.id]).toBe('counts_po');

    await o.call('contacts.record', { caseId, kind: 'vpo_meeting', date: '2026-11-22', outcome: 'held' });
    s = await o.call('standards.forCase', { caseId });
    expect(s.status).toBe('met');
    expect(s.nextDueDate).toBe('2026-12-16'); // December's first VPO deadline: day 16 of 31

    // October had nothing: overdue, and the case is flagged.
    const oct = await o.call('standards.forCase', { caseId, month: '2026-10' });
    expect(oct).toMatchObject({ status: 'overdue', po: { overdue: true }, vpo: { overdue: true } });
    expect(caseFlags(o.db(), caseId, TODAY).overdueContact).toBe(true);
  });

  it('refuses a future date or a date before the case started, writing nothing', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase({ startDate: '2026-06-01' });
    const before = o.counts();
    await expect(o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', date: '2026-11-27' })).rejects.toMatchObject(
      failure('DATE_IN_FUTURE', 'date'),
    );
    await expect(o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', date: '2026-05-31' })).rejects.toMatchObject(
      failure('VALIDATION', 'date'),
    );
    await expect(o.call('contacts.record', { caseId, kind: 'vpo_monthly_report', outcome: 'held' })).rejects.toMatchObject(
      failure('VALIDATION', 'kind'),
    );
    await expect(o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', date: '2026-02-30' })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'date'),
    );
    await expect(o.call('contacts.record', { caseId, kind: 'chat', outcome: 'held' } as never)).rejects.toMatchObject(
      failure('INVALID_INPUT', 'kind'),
    );
    await expect(
      o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', byUserId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject(failure('VALIDATION', 'byUserId'));
    await expect(
      o.call('contacts.record', { caseId: '00000000-0000-4000-8000-000000000000', kind: 'phone', outcome: 'held' }),
    ).rejects.toMatchObject(failure('NOT_FOUND', 'caseId'));
    await expect(o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', extra: 1 } as never)).rejects.toMatchObject(
      failure('INVALID_INPUT'),
    );
    expect(o.counts()).toEqual(before);
  });

  it("returns sensitive notes only to the case's officer, supervisors and administrators", async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase();
    await o.call('contacts.record', { caseId, kind: 'home_visit', outcome: 'held', notes: '家族の事情', sensitive: true });
    await o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', notes: '就労の話' });
    const notes = async () => (await o.call('contacts.list', { caseId })).map((c) => [c.notes, c.sensitive]);
    // Newest first: both were recorded at the same minute, the phone call second.
    expect(await notes()).toEqual([
      ['就労の話', false],
      ['家族の事情', true],
    ]);
    await o.as('suzuki');
    expect(await notes()).toEqual([
      ['就労の話', false],
      [null, true],
    ]);
    await o.as('tanaka');
    expect((await notes())[1]).toEqual(['家族の事情', true]);
    await o.as('admin');
    expect((await notes())[1]).toEqual(['家族の事情', true]);
  });
});

describe('VPO monthly reports', () => {
  it('records one report per case and month, refuses a duplicate, and flags missing ones', async () => {
    const o = await caseworkOffice(t.dir);
    const a = o.newCase({ caseNumber: 'A-1' });
    const b = o.newCase({ caseNumber: 'B-2' });
    const late = o.newCase({ caseNumber: 'C-3', startDate: '2026-11-01' });
    o.newCase({ caseNumber: 'D-4', startDate: '2025-01-01', endDate: '2026-09-30' }); // ended before October
    const terminated = o.newCase({ caseNumber: 'E-5' });
    mutate(o.ctx(), 'test.terminate', (tx) =>
      tx.update('cases', terminated.caseId, { status: 'terminated', termination_date: '2026-11-10', termination_reason: 'expiry' }),
    );
    const vpoA = assignVpo(o.ctx(), a.superviseeId);
    assignVpo(o.ctx(), b.superviseeId, '伊藤 保護司');

    const missingOct = async () => (await o.call('vpoReports.missing', { month: '2026-10' })).map((m) => m.caseNumber).sort();
    expect(await missingOct()).toEqual(['A-1', 'B-2']);
    expect(caseFlags(o.db(), a.caseId, TODAY).missingVpoReport).toBe(true);

    const r = await o.call('vpoReports.record', { caseId: a.caseId, month: '2026-10', date: '2026-11-04', notes: '就労継続' });
    expect(r).toMatchObject({ kind: 'vpo_monthly_report', reportMonth: '2026-10', date: '2026-11-04', byVpoId: vpoA, byUserId: null, outcome: 'held' });
    expect(await missingOct()).toEqual(['B-2']);
    expect(caseFlags(o.db(), a.caseId, TODAY).missingVpoReport).toBe(false);

    // The report says why it does not count as a meeting.
    const s = await o.call('standards.forCase', { caseId: a.caseId, month: '2026-10' });
    expect(s.contacts.find((c) => c.contactId === r.id)?.reason).toBe('vpo_report_not_meeting');

    const before = o.counts();
    await expect(o.call('vpoReports.record', { caseId: a.caseId, month: '2026-10', date: '2026-11-05' })).rejects.toMatchObject(
      failure('DUPLICATE', 'month'),
    );
    await expect(o.call('vpoReports.record', { caseId: a.caseId, month: '2026-12', date: '2026-11-26' })).rejects.toMatchObject(
      failure('VALIDATION', 'month'),
    );
    await expect(o.call('vpoReports.record', { caseId: late.caseId, month: '2026-10' })).rejects.toMatchObject(
      failure('VALIDATION', 'month'),
    );
    await expect(o.call('vpoReports.record', { caseId: late.caseId, month: '2026-11', date: '2026-10-31' })).rejects.toMatchObject(
      failure('VALIDATION', 'date'),
    );
    await expect(o.call('vpoReports.record', { caseId: b.caseId, month: '2026-13' })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'month'),
    );
    expect(o.counts()).toEqual(before);

    // November: the late starter joins the list; the case that ended in September does not.
    expect((await o.call('vpoReports.missing', { month: '2026-11' })).map((m) => m.caseNumber).sort()).toEqual(['A-1', 'B-2', 'C-3']);
  });
});

describe('contact standards table', () => {
  it('lists the assumed levels; only supervisors and administrators change them; a kind counts for one side', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const list = await o.call('standards.list', {});
    expect(list.map((s) => [s.id, s.poPerMonth, s.vpoPerMonth])).toEqual([
      ['A', 2, 2],
      ['B', 1, 2],
      ['C', 0, 2],
    ]);
    const { caseId } = o.newCase({ level: 'B' });
    const phone = await o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held' });
    const b = list.find((s) => s.id === 'B')!;
    const save = { id: 'B', label: b.label, poPerMonth: 1, vpoPerMonth: 2, poKinds: [...b.poKinds, 'phone' as const], vpoKinds: b.vpoKinds };
    await expect(o.call('standards.save', save)).rejects.toMatchObject(failure('FORBIDDEN'));

    await o.as('tanaka');
    const before = o.counts();
    await expect(o.call('standards.save', { ...save, vpoKinds: ['phone'] })).rejects.toMatchObject(failure('VALIDATION', 'vpoKinds'));
    await expect(o.call('standards.save', { ...save, poKinds: ['phone', 'phone'] })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'poKinds'),
    );
    expect(o.counts()).toEqual(before);

    expect((await o.call('standards.save', save)).poKinds).toContain('phone');
    const s = await o.call('standards.forCase', { caseId });
    expect(s.contacts.find((c) => c.contactId === phone.id)).toMatchObject({ reason: 'counts_po', countsFor: 'po' });

    const added = await o.call('standards.save', { id: 'D', label: 'D (test)', poPerMonth: 4, vpoPerMonth: 4, poKinds: ['home_visit'], vpoKinds: [] });
    expect(added.sort).toBe(4);
    expect((await o.call('standards.list', {})).map((x) => x.id)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('measures', () => {
  it('marks the measures that need sign-off, which only a supervisor or administrator gives, once', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase();
    const warning = await o.call('measures.record', { caseId, kind: 'warning', decidedOn: '2026-11-20', decision: '警告書交付' });
    const detention = await o.call('measures.record', { caseId, kind: 'detention', decidedOn: '2026-11-25', decision: '留置' });
    expect(warning).toMatchObject({ needsSignoff: false, signedOffBy: null, createdBy: o.ids.sato });
    expect(detention).toMatchObject({ needsSignoff: true, signedOffBy: null });
    await expect(o.call('measures.signOff', { id: detention.id })).rejects.toMatchObject(failure('FORBIDDEN'));
    const before = o.counts();
    await expect(o.call('measures.record', { caseId, kind: 'warning', decidedOn: '2026-12-01' })).rejects.toMatchObject(
      failure('DATE_IN_FUTURE', 'decidedOn'),
    );
    await expect(o.call('measures.record', { caseId, kind: 'warning', decidedOn: '2026-03-01' })).rejects.toMatchObject(
      failure('VALIDATION', 'decidedOn'),
    );
    expect(o.counts()).toEqual(before);

    await o.as('tanaka');
    const signed = await o.call('measures.signOff', { id: detention.id });
    expect(signed).toMatchObject({ signedOffBy: o.ids.tanaka, signedOffByName: '田中 課長', signedOffAt: '2026-11-26T00:00:00.000Z' });
    await expect(o.call('measures.signOff', { id: detention.id })).rejects.toMatchObject(failure('INVALID_STATE', 'id'));
    await expect(o.call('measures.signOff', { id: warning.id })).rejects.toMatchObject(failure('INVALID_STATE', 'id'));
    expect((await o.call('measures.list', { caseId })).map((m) => m.kind)).toEqual(['detention', 'warning']);
  });
});
