import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFlags } from '../../db/casework/flags';
import { mutate } from '../../db/write';
import { caseworkOffice, failure } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan (00:00 UTC).
const HOUR = 3_600_000;

function auditActions(o: Awaited<ReturnType<typeof caseworkOffice>>, action: string) {
  return o.db().prepare('SELECT at, entity FROM audit_log WHERE action = ? ORDER BY id').all(action) as { at: string; entity: string }[];
}

describe('appointments', () => {
  it('creates a recurring series in one transaction, or nothing when one occurrence is out of the case', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase({ endDate: '2027-06-30' });
    const before = o.counts();
    const weekly = await o.call('appointments.create', {
      caseId,
      startsAt: '2026-12-01T10:00:00+09:00',
      kind: 'office_interview',
      place: '面接室2',
      recurrence: { every: 'week', count: 4 },
    });
    expect(weekly.map((a) => a.startsAt)).toEqual([
      '2026-12-01T01:00:00.000Z',
      '2026-12-08T01:00:00.000Z',
      '2026-12-15T01:00:00.000Z',
      '2026-12-22T01:00:00.000Z',
    ]);
    expect(new Set(weekly.map((a) => a.seriesId)).size).toBe(1);
    expect(weekly[0]).toMatchObject({ status: 'scheduled', durationMin: 60, endsAt: '2026-12-01T02:00:00.000Z', createdBy: o.ids.sato });
    const audit = auditActions(o, 'appointments.create');
    expect(audit).toHaveLength(4);
    expect(new Set(audit.map((a) => a.at)).size).toBe(1);
    expect(o.counts().appointments).toBe(before.appointments + 4);

    // Monthly keeps the day and the Japan clock time; the 31st falls back to the month's last day.
    const monthly = await o.call('appointments.create', {
      caseId,
      startsAt: '2027-01-31T00:30:00.000Z',
      durationMin: 30,
      kind: 'home_visit',
      recurrence: { every: 'month', count: 3 },
    });
    expect(monthly.map((a) => a.startsAt)).toEqual(['2027-01-31T00:30:00.000Z', '2027-02-28T00:30:00.000Z', '2027-03-31T00:30:00.000Z']);

    const single = await o.call('appointments.create', { caseId, startsAt: '2026-12-02T05:00:00Z', kind: 'phone' });
    expect(single).toHaveLength(1);
    expect(single[0]!.seriesId).toBeNull();

    // Every two weeks, 16 times, runs past the end of supervision (2027-06-30): nothing is written.
    const mid = o.counts();
    await expect(
      o.call('appointments.create', {
        caseId,
        startsAt: '2027-02-01T01:00:00Z',
        kind: 'office_interview',
        recurrence: { every: '2weeks', count: 16 },
      }),
    ).rejects.toMatchObject(failure('VALIDATION', 'recurrence'));
    await expect(
      o.call('appointments.create', { caseId, startsAt: '2026-03-31T01:00:00Z', kind: 'office_interview' }),
    ).rejects.toMatchObject(failure('VALIDATION', 'startsAt'));
    await expect(
      o.call('appointments.create', { caseId, startsAt: '2026-12-01T10:00:00', kind: 'office_interview' }),
    ).rejects.toMatchObject(failure('INVALID_INPUT', 'startsAt'));
    await expect(
      o.call('appointments.create', { caseId, startsAt: '2026-12-01T01:00:00Z', kind: 'vpo_monthly_report' } as never),
    ).rejects.toMatchObject(failure('INVALID_INPUT', 'kind'));
    await expect(
      o.call('appointments.create', {
        caseId,
        startsAt: '2026-12-01T01:00:00Z',
        kind: 'office_interview',
        recurrence: { every: 'week', count: 27 },
      }),
    ).rejects.toMatchObject(failure('INVALID_INPUT', 'recurrence.count'));
    expect(o.counts()).toEqual(mid);
  });

  it('reschedules and cancels one appointment, or the rest of a series', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase();
    const [one] = await o.call('appointments.create', { caseId, startsAt: '2026-12-03T01:00:00Z', kind: 'office_interview' });
    const moved = await o.call('appointments.reschedule', { id: one!.id, startsAt: '2026-12-04T14:00:00+09:00' });
    expect(moved).toMatchObject({ startsAt: '2026-12-04T05:00:00.000Z', status: 'scheduled' });
    await expect(o.call('appointments.reschedule', { id: one!.id, startsAt: '2026-03-01T00:00:00Z' })).rejects.toMatchObject(
      failure('VALIDATION', 'startsAt'),
    );
    expect(await o.call('appointments.cancel', { id: one!.id })).toMatchObject([{ id: one!.id, status: 'cancelled' }]);
    await expect(o.call('appointments.reschedule', { id: one!.id, startsAt: '2026-12-05T01:00:00Z' })).rejects.toMatchObject(
      failure('INVALID_STATE', 'id'),
    );
    await expect(o.call('appointments.cancel', { id: one!.id })).rejects.toMatchObject(failure('INVALID_STATE', 'id'));

    const series = await o.call('appointments.create', {
      caseId,
      startsAt: '2026-12-07T01:00:00Z',
      kind: 'duty_station_interview',
      recurrence: { every: '2weeks', count: 4 },
    });
    const cancelled = await o.call('appointments.cancel', { id: series[1]!.id, wholeSeries: true });
    expect(cancelled.map((a) => a.id)).toEqual(series.slice(1).map((a) => a.id));
    expect(cancelled.every((a) => a.status === 'cancelled')).toBe(true);

    const agenda = await o.call('appointments.agenda', { from: '2026-12-01', to: '2027-01-31', scope: 'mine' });
    expect(agenda.map((a) => a.id)).toEqual([series[0]!.id]);
    const withCancelled = await o.call('appointments.agenda', { from: '2026-12-01', to: '2027-01-31', includeCancelled: true });
    expect(withCancelled).toHaveLength(5);
  });

  it('shows a passed appointment as needing an outcome until it is resolved, in one transaction', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase();
    const [a] = await o.call('appointments.create', { caseId, startsAt: '2026-11-27T10:00:00+09:00', kind: 'home_visit', place: '自宅' });
    const tomorrow = async () => (await o.call('appointments.agenda', { from: '2026-11-27', to: '2026-11-27' })).find((r) => r.id === a!.id)!;
    expect(await tomorrow()).toMatchObject({ date: '2026-11-27', time: '10:00', needsOutcome: false, name: '山田 太郎' });
    expect(caseFlags(o.db(), caseId, '2026-11-26', new Date(o.clock.now()).toISOString()).appointmentNeedsOutcome).toBe(false);

    // Resolving a day before it happens is refused, and writes nothing.
    const before = o.counts();
    await expect(o.call('appointments.resolve', { id: a!.id, contact: { outcome: 'held' } })).rejects.toMatchObject(
      failure('DATE_IN_FUTURE', 'date'),
    );
    expect(o.counts()).toEqual(before);

    o.clock.advance(26 * HOUR); // 27 Nov, 11:00: the hour-long visit is over
    expect(await tomorrow()).toMatchObject({ needsOutcome: true });
    expect(caseFlags(o.db(), caseId, '2026-11-27', new Date(o.clock.now()).toISOString()).appointmentNeedsOutcome).toBe(true);
    expect(caseFlags(o.db(), caseId, '2026-11-28').appointmentNeedsOutcome).toBe(true);
    expect(caseFlags(o.db(), caseId, '2026-11-27').appointmentNeedsOutcome).toBe(false); // by default, only earlier days

    const { appointment, contact } = await o.call('appointments.resolve', {
      id: a!.id,
      contact: { outcome: 'missed_unacceptable', notes: '不在、連絡なし' },
    });
    expect(contact).toMatchObject({
      kind: 'home_visit',
      date: '2026-11-27',
      time: '10:00',
      outcome: 'missed_unacceptable',
      appointmentId: a!.id,
      byUserId: o.ids.sato,
    });
    expect(appointment).toMatchObject({ status: 'done', contactId: contact.id });
    expect(auditActions(o, 'appointments.resolve').map((x) => x.entity)).toEqual(['contacts', 'appointments']);
    expect(await tomorrow()).toMatchObject({ status: 'done', needsOutcome: false });
    expect(caseFlags(o.db(), caseId, '2026-11-28').appointmentNeedsOutcome).toBe(false);
    await expect(o.call('appointments.resolve', { id: a!.id, contact: { outcome: 'held' } })).rejects.toMatchObject(
      failure('INVALID_STATE', 'id'),
    );

    // A contact recorded from the quick-entry form with the appointment resolves it too.
    const [b] = await o.call('appointments.create', { caseId, startsAt: '2026-11-27T08:30:00+09:00', kind: 'office_interview' });
    const c = await o.call('contacts.record', { caseId, kind: 'office_interview', outcome: 'held', appointmentId: b!.id });
    expect((await o.call('appointments.agenda', { from: '2026-11-27', to: '2026-11-27' })).find((r) => r.id === b!.id)).toMatchObject({
      status: 'done',
      contactId: c.id,
    });
    const other = o.newCase({ caseNumber: 'OTHER-1' });
    const [d] = await o.call('appointments.create', { caseId: other.caseId, startsAt: '2026-11-27T08:30:00+09:00', kind: 'phone' });
    await expect(
      o.call('contacts.record', { caseId, kind: 'phone', outcome: 'held', appointmentId: d!.id }),
    ).rejects.toMatchObject(failure('VALIDATION', 'appointmentId'));
  });

  it("lists the officer's own agenda or everyone's, with the person's name, in Japan days", async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const mine = o.newCase({ caseNumber: 'S-1' });
    const theirs = o.newCase({ caseNumber: 'Z-1', officerId: o.ids.suzuki });
    await o.call('appointments.create', { caseId: mine.caseId, startsAt: '2026-11-30T23:30:00+09:00', kind: 'phone' });
    await o.call('appointments.create', { caseId: theirs.caseId, startsAt: '2026-12-01T00:30:00+09:00', kind: 'office_interview' });
    // The first is 14:30 UTC on 30 Nov, the second 15:30 UTC on 30 Nov: still different Japan days.
    const day = (d: string, scope: 'mine' | 'all') => o.call('appointments.agenda', { from: d, to: d, scope });
    expect((await day('2026-11-30', 'all')).map((r) => [r.caseNumber, r.time])).toEqual([['S-1', '23:30']]);
    expect((await day('2026-12-01', 'all')).map((r) => [r.caseNumber, r.time])).toEqual([['Z-1', '00:30']]);
    expect(await day('2026-12-01', 'mine')).toEqual([]);
    const week = await o.call('appointments.agenda', { from: '2026-11-30', to: '2026-12-06', scope: 'all' });
    expect(week.map((r) => [r.date, r.caseNumber, r.name, r.officerId])).toEqual([
      ['2026-11-30', 'S-1', '山田 太郎', o.ids.sato],
      ['2026-12-01', 'Z-1', '山田 太郎', o.ids.suzuki],
    ]);
    await expect(o.call('appointments.agenda', { from: '2026-12-06', to: '2026-11-30' })).rejects.toMatchObject(
      failure('END_BEFORE_START', 'to'),
    );
    await expect(o.call('appointments.agenda', { from: '2026-01-01', to: '2026-12-31' })).rejects.toMatchObject(
      failure('VALIDATION', 'to'),
    );
  });

  it('refuses appointments for a terminated case', async () => {
    const o = await caseworkOffice(t.dir);
    const { caseId } = o.newCase();
    mutate(o.ctx(), 'test.terminate', (tx) =>
      tx.update('cases', caseId, { status: 'terminated', termination_date: '2026-11-20', termination_reason: 'expiry' }),
    );
    await expect(
      o.call('appointments.create', { caseId, startsAt: '2026-11-27T01:00:00Z', kind: 'office_interview' }),
    ).rejects.toMatchObject(failure('INVALID_STATE', 'caseId'));
  });
});
