import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../db/contract';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 in Japan. Every case here starts on 2026-06-15.

const PEOPLE = [
  ['山田', 'やまだ'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
] as const;

async function office() {
  const o = await caseworkOffice(t.dir);
  await o.as('officer');
  const cases: string[] = [];
  const people: string[] = [];
  for (const [i, [familyName, familyKana]] of PEOPLE.entries()) {
    const d = await o.call('supervisees.create', partialIntake({ familyName, familyKana, caseNumber: `R8-000${i + 1}` }));
    cases.push(d.cases[0]!.id);
    people.push(d.person.id);
  }
  const facility = (over: Partial<InputOf<'facilities.save'>> & { name: string; capacity: number }) =>
    o.call('facilities.save', { kind: 'rehabilitation_facility', ...over });
  const A = await facility({ name: '更生保護施設 あさひ寮', capacity: 2, address: '東京都台東区' });
  const B = await facility({ name: 'ダルク・ホーム 北', kind: 'darc_residence', capacity: 1, drugFocused: true });
  const counts = () =>
    o
      .db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM facilities) facilities, (SELECT count(*) FROM placements) placements,
                (SELECT group_concat(coalesce(ended_on, '-'), ',') FROM placements) ends`,
      )
      .get();
  async function refused(p: () => Promise<unknown>, code: string, field?: string) {
    const before = counts();
    await expect(p()).rejects.toMatchObject(field === undefined ? { code } : { code, details: { field } });
    expect(counts()).toEqual(before);
  }
  return { o, cases, people, A, B, facility, refused };
}

/** Placements for the occupancy figures (A holds 2, B holds 1):
 *  P1 A 07-01 → 09-30 (rented housing), then B from 09-30 (the bed P4 left that day);
 *  P2 A from 08-01; P3 A from 09-01 (A full: confirmed over capacity); P4 B 07-10 → 09-30 (family). */
async function history(h: Awaited<ReturnType<typeof office>>) {
  const { o, cases, A, B } = h;
  const p1a = await o.call('placements.create', { caseId: cases[0]!, facilityId: A.id, startedOn: '2026-07-01', plannedEndOn: '2026-09-30' });
  const p4b = await o.call('placements.create', { caseId: cases[3]!, facilityId: B.id, startedOn: '2026-07-10' });
  const p2a = await o.call('placements.create', { caseId: cases[1]!, facilityId: A.id, startedOn: '2026-08-01' });
  const p3a = await o.call('placements.create', { caseId: cases[2]!, facilityId: A.id, startedOn: '2026-09-01', confirmOverCapacity: true });
  await o.call('placements.end', { id: p1a.id, endedOn: '2026-09-30', exitReason: '転居', exitDestination: 'rented_housing' });
  await o.call('placements.end', { id: p4b.id, endedOn: '2026-09-30', exitReason: '家族のもとへ', exitDestination: 'family' });
  const p1b = await o.call('placements.create', { caseId: cases[0]!, facilityId: B.id, startedOn: '2026-09-30', plannedEndOn: '2026-12-31' });
  return { p1a, p1b, p2a, p3a, p4b };
}

describe('facility placements', () => {
  it('places supervisees, shows current occupancy and lists placements with filters', async () => {
    const h = await office();
    const { o, cases, people, A, B } = h;
    expect(A).toMatchObject({ name: '更生保護施設 あさひ寮', kind: 'rehabilitation_facility', capacity: 2, occupiedToday: 0, available: 2 });
    const p = await history(h);
    expect(p.p1a).toMatchObject({ caseId: cases[0], caseNumber: 'R8-0001', name: '山田 太郎', facilityName: A.name, plannedEndOn: '2026-09-30' });

    const list = await o.call('facilities.list', {});
    expect(list.map((f) => [f.name, f.occupiedToday, f.available])).toEqual([
      ['ダルク・ホーム 北', 1, 0],
      ['更生保護施設 あさひ寮', 2, 0],
    ]);
    expect((await o.call('facilities.list', { drugFocused: true })).map((f) => f.id)).toEqual([B.id]);
    expect((await o.call('facilities.list', { kind: 'rehabilitation_facility' })).map((f) => f.id)).toEqual([A.id]);
    await o.call('facilities.save', { id: B.id, name: B.name, kind: 'darc_residence', capacity: 1, drugFocused: true, active: false });
    expect((await o.call('facilities.list', { activeOnly: true })).map((f) => f.id)).toEqual([A.id]);

    const ended = (await o.call('placements.list', { status: 'ended' })).map((x) => [x.name, x.exitDestination, x.stayDays]);
    expect(ended).toEqual([
      ['田中 太郎', 'family', 82],
      ['山田 太郎', 'rented_housing', 91],
    ]);
    expect((await o.call('placements.list', { facilityId: A.id })).map((x) => x.id)).toEqual([p.p3a.id, p.p2a.id, p.p1a.id]);
    expect((await o.call('placements.list', { status: 'open' })).map((x) => x.id)).toEqual([p.p1b.id, p.p3a.id, p.p2a.id]);
    expect((await o.call('placements.list', { exitDestination: 'family' })).map((x) => x.id)).toEqual([p.p4b.id]);
    expect((await o.call('placements.list', { caseId: cases[0]! })).map((x) => x.id)).toEqual([p.p1b.id, p.p1a.id]);
    expect((await o.call('placements.list', { from: '2026-07-01', to: '2026-07-31' })).map((x) => x.id)).toEqual([p.p4b.id, p.p1a.id]);
    expect((await o.call('placements.list', { status: 'open' }))[0]!.stayDays).toBe(57); // 09-30 → today 11-26

    const tl = await o.call('timeline.forPerson', { superviseeId: people[0]! });
    expect(tl.items.filter((i) => i.kind.startsWith('placement')).map((i) => `${i.date} ${i.kind}`)).toEqual([
      '2026-09-30 placement_end',
      '2026-09-30 placement_start',
      '2026-07-01 placement_start',
    ]);
    expect(tl.items.find((i) => i.kind === 'placement_end')!.data).toEqual({
      facilityName: A.name,
      facilityKind: 'rehabilitation_facility',
      exitReason: '転居',
      exitDestination: 'rented_housing',
      stayDays: 91,
    });
  });

  it('warns when the facility is full on any day of the new placement, and places once the officer confirms', async () => {
    const h = await office();
    const { o, cases, A, facility, refused } = h;
    await o.call('placements.create', { caseId: cases[0]!, facilityId: A.id, startedOn: '2026-07-01' });
    await o.call('placements.create', { caseId: cases[1]!, facilityId: A.id, startedOn: '2026-08-01' });
    await refused(() => o.call('placements.create', { caseId: cases[2]!, facilityId: A.id, startedOn: '2026-11-26' }), 'OVER_CAPACITY', 'facilityId');
    await expect(o.call('placements.create', { caseId: cases[2]!, facilityId: A.id, startedOn: '2026-11-26' })).rejects.toMatchObject({
      details: { capacity: 2, occupied: 2, date: '2026-11-26' },
    });
    const confirmed = await o.call('placements.create', { caseId: cases[2]!, facilityId: A.id, startedOn: '2026-11-26', confirmOverCapacity: true });
    expect(confirmed.facilityId).toBe(A.id);
    expect((await o.call('facilities.list', {})).find((f) => f.id === A.id)).toMatchObject({ occupiedToday: 3, available: -1 });

    // Free on the first day, full later in the span: still a warning, dated the first full day.
    const D = await facility({ name: '自立準備ホーム みどり', kind: 'self_reliance_home', capacity: 1 });
    await o.call('placements.create', { caseId: cases[4]!, facilityId: D.id, startedOn: '2026-10-15' });
    await expect(
      o.call('placements.create', { caseId: cases[3]!, facilityId: D.id, startedOn: '2026-10-01', plannedEndOn: '2026-10-31' }),
    ).rejects.toMatchObject({ code: 'OVER_CAPACITY', details: { capacity: 1, occupied: 1, date: '2026-10-15' } });
    // Planned to leave before the other arrives: no warning.
    const short = await o.call('placements.create', { caseId: cases[3]!, facilityId: D.id, startedOn: '2026-10-01', plannedEndOn: '2026-10-15' });
    expect(short.plannedEndOn).toBe('2026-10-15');
  });

  it('refuses overlapping placements of one person, an end before the start and other bad input, saving nothing', async () => {
    const h = await office();
    const { o, cases, A, B, refused } = h;
    const open = await o.call('placements.create', { caseId: cases[0]!, facilityId: A.id, startedOn: '2026-07-01' });
    await refused(() => o.call('placements.create', { caseId: cases[0]!, facilityId: B.id, startedOn: '2026-08-15' }), 'OVERLAP', 'startedOn');
    // Before the open placement began, but running into it.
    await refused(
      () => o.call('placements.create', { caseId: cases[0]!, facilityId: B.id, startedOn: '2026-06-20', plannedEndOn: '2026-07-05' }),
      'OVERLAP',
      'startedOn',
    );
    await refused(
      () => o.call('placements.create', { caseId: cases[1]!, facilityId: B.id, startedOn: '2026-08-01', plannedEndOn: '2026-07-31' }),
      'END_BEFORE_START',
      'plannedEndOn',
    );
    await refused(() => o.call('placements.create', { caseId: cases[1]!, facilityId: B.id, startedOn: '2026-11-27' }), 'DATE_IN_FUTURE', 'startedOn');
    await refused(() => o.call('placements.create', { caseId: cases[1]!, facilityId: B.id, startedOn: '2026-06-01' }), 'VALIDATION', 'startedOn');
    await refused(
      () => o.call('placements.create', { caseId: cases[1]!, facilityId: '00000000-0000-4000-8000-000000000009', startedOn: '2026-08-01' }),
      'NOT_FOUND',
      'facilityId',
    );
    await o.call('facilities.save', { id: B.id, name: B.name, kind: 'darc_residence', capacity: 1, active: false });
    await refused(() => o.call('placements.create', { caseId: cases[1]!, facilityId: B.id, startedOn: '2026-08-01' }), 'VALIDATION', 'facilityId');

    await refused(() => o.call('placements.end', { id: open.id, endedOn: '2026-06-30', exitDestination: 'family' }), 'END_BEFORE_START', 'endedOn');
    await refused(() => o.call('placements.end', { id: open.id, endedOn: '2026-11-27', exitDestination: 'family' }), 'DATE_IN_FUTURE', 'endedOn');
    await refused(() => o.call('placements.end', { id: open.id, endedOn: '2026-09-01', exitDestination: 'hotel' as never }), 'INVALID_INPUT', 'exitDestination');
    await o.call('placements.end', { id: open.id, endedOn: '2026-09-01', exitDestination: 'employer_housing', exitReason: '住み込み就労' });
    await refused(() => o.call('placements.end', { id: open.id, endedOn: '2026-09-02', exitDestination: 'family' }), 'INVALID_STATE', 'id');

    await refused(() => o.call('facilities.save', { name: '', kind: 'other', capacity: 3 }), 'INVALID_INPUT', 'name');
    await refused(() => o.call('facilities.save', { name: '新施設', kind: 'other', capacity: -1 }), 'INVALID_INPUT', 'capacity');
    await refused(() => o.call('facilities.save', { name: A.name, kind: 'other', capacity: 3 }), 'DUPLICATE', 'name');

    await refused(() => o.call('facilities.occupancy', { from: '2026-08-01', to: '2026-07-01' }), 'END_BEFORE_START', 'to');
    await refused(() => o.call('facilities.occupancy', { from: '2020-01-01', to: '2026-07-01' }), 'VALIDATION', 'to');
    await refused(() => o.call('facilities.occupancy', { from: '2026-12-01', to: '2026-12-31' }), 'DATE_IN_FUTURE', 'from');
  });

  it('computes occupancy per facility per month: residents, bed-days, rate and average stay of ended placements', async () => {
    const h = await office();
    const { o, A, B } = h;
    await history(h);
    const occ = await o.call('facilities.occupancy', { from: '2026-07-01', to: '2026-12-31' });
    expect(occ).toMatchObject({ from: '2026-07-01', to: '2026-11-26', months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'] });
    const row = (f: string) =>
      occ.rows
        .filter((r) => r.facilityId === f)
        .map((r) => [r.month, r.days, r.placementsActive, r.bedDays, r.occupancyRate, r.placementsEnded, r.averageStayDays]);
    // A (capacity 2): over capacity in September (confirmed); P1 left 09-30 after 91 days.
    expect(row(A.id)).toEqual([
      ['2026-07', 31, 1, 31, 0.5, 0, null],
      ['2026-08', 31, 2, 62, 1, 0, null],
      ['2026-09', 30, 3, 29 + 30 + 30, 1.483, 1, 91],
      ['2026-10', 31, 2, 62, 1, 0, null],
      ['2026-11', 26, 2, 52, 1, 0, null], // counted up to today
    ]);
    // B (capacity 1): P4 from 07-10, leaving 09-30 after 82 days, the day P1 moved in.
    expect(row(B.id)).toEqual([
      ['2026-07', 31, 1, 22, 0.71, 0, null],
      ['2026-08', 31, 1, 31, 1, 0, null],
      ['2026-09', 30, 2, 30, 1, 1, 82],
      ['2026-10', 31, 1, 31, 1, 0, null],
      ['2026-11', 26, 1, 26, 1, 0, null],
    ]);
    expect(occ.rows.find((r) => r.facilityId === B.id && r.month === '2026-07')!.averageResidents).toBe(0.71);

    // One facility, part of a month.
    const part = await o.call('facilities.occupancy', { facilityId: A.id, from: '2026-09-15', to: '2026-09-30' });
    expect(part.rows.map((r) => [r.month, r.days, r.placementsActive, r.bedDays, r.placementsEnded])).toEqual([['2026-09', 16, 3, 15 + 16 + 16, 1]]);
  });
});
