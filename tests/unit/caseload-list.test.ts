import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFlags } from '../../db/casework/flags';
import type { CaseloadRow, InputOf } from '../../db/contract';
import { generateDemoOffice } from '../../db/demo/generate';
import { caseloadFor } from '../../db/services/caseload';
import { mutate } from '../../db/write';
import { assignVpo, caseworkOffice, failure } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan (00:00 UTC).
const TODAY = '2026-11-26';
const NOW = '2026-11-26T00:00:00.000Z';

type Query = InputOf<'caseload.list'>;

/** A small office: sato has three cases, suzuki one; one of sato's has a positive test. */
async function smallOffice() {
  const o = await caseworkOffice(t.dir);
  const a = o.newCase({ caseNumber: 'A-1', level: 'A' });
  const b = o.newCase({ caseNumber: 'B-2', level: 'B', startDate: '2026-01-10', endDate: '2026-12-10' });
  const c = o.newCase({ caseNumber: 'C-3', level: 'C' });
  const d = o.newCase({ caseNumber: 'D-4', officerId: o.ids.suzuki });
  const names: [string, string, string, string][] = [
    [a.superviseeId, 'わたなべ', 'けん', '["cannabis"]'],
    [b.superviseeId, 'あべ', 'ゆみ', '["stimulants"]'],
    [c.superviseeId, 'かとう', 'じろう', '[]'],
    [d.superviseeId, 'いとう', 'さぶろう', '["stimulants","cannabis"]'],
  ];
  mutate(o.ctx(), 'test.names', (tx) => {
    for (const [id, family, given, drugs] of names) tx.update('supervisees', id, { family_kana: family, given_kana: given, drug_types: drugs });
  });
  assignVpo(o.ctx(), a.superviseeId, '高橋 保護司');
  await o.call('drugTests.record', {
    caseId: a.caseId,
    testedOn: '2026-11-20',
    method: 'urine_kit',
    substances: ['cannabis'],
    result: 'positive',
    consent: true,
  });
  await o.call('contacts.record', { caseId: b.caseId, kind: 'office_interview', outcome: 'held', date: '2026-11-02' });
  await o.call('contacts.record', { caseId: b.caseId, kind: 'phone', outcome: 'missed_unacceptable', date: '2026-11-20' });
  await o.call('contacts.record', { caseId: a.caseId, kind: 'home_visit', outcome: 'held', date: '2026-10-15' });
  return { o, a, b, c, d };
}

describe('caseload: scope and roles', () => {
  it("gives an officer their own cases ('mine') and refuses the unit view", async () => {
    const { o } = await smallOffice();
    await o.as('sato');
    const mine = await o.call('caseload.list', {});
    expect(mine.today).toBe(TODAY);
    expect(mine.total).toBe(3);
    expect(mine.rows.map((r) => r.caseNumber)).toEqual(['B-2', 'C-3', 'A-1']); // by kana: あべ, かとう, わたなべ
    await expect(o.call('caseload.list', { scope: 'unit' })).rejects.toMatchObject(failure('FORBIDDEN'));
    await expect(
      o.call('caseload.list', { scope: 'mine', filters: { officerId: o.ids.suzuki } }),
    ).rejects.toMatchObject(failure('VALIDATION', 'filters.officerId'));
    await o.as('suzuki');
    expect((await o.call('caseload.list', { scope: 'mine' })).rows.map((r) => r.caseNumber)).toEqual(['D-4']);
  });

  it('gives supervisors and administrators the whole office, optionally one officer', async () => {
    const { o } = await smallOffice();
    for (const who of ['tanaka', 'admin'] as const) {
      await o.as(who);
      expect((await o.call('caseload.list', { scope: 'unit' })).total).toBe(4);
      expect((await o.call('caseload.list', { scope: 'mine' })).total).toBe(0);
      const suzuki = await o.call('caseload.list', { scope: 'unit', filters: { officerId: o.ids.suzuki } });
      expect(suzuki.rows.map((r) => r.caseNumber)).toEqual(['D-4']);
    }
  });

  it('rejects bad input: a limit over 500, unknown flags, duplicate flags, unknown keys', async () => {
    const { o } = await smallOffice();
    await expect(o.call('caseload.list', { limit: 501 })).rejects.toMatchObject(failure('INVALID_INPUT', 'limit'));
    await expect(o.call('caseload.list', { filters: { flags: ['late'] } } as never)).rejects.toMatchObject(
      failure('INVALID_INPUT', 'filters.flags.0'),
    );
    await expect(o.call('caseload.list', { filters: { flags: ['endingSoon', 'endingSoon'] } })).rejects.toMatchObject(
      failure('INVALID_INPUT', 'filters.flags'),
    );
    await expect(o.call('caseload.list', { sort: { key: 'age' } } as never)).rejects.toMatchObject(failure('INVALID_INPUT', 'sort.key'));
    await expect(o.call('caseload.list', { extra: 1 } as never)).rejects.toMatchObject(failure('INVALID_INPUT'));
  });
});

describe('caseload: rows, filters, sort and paging', () => {
  it('describes each case: names, category, officer, VPO, last contact and flags', async () => {
    const { o, a, b } = await smallOffice();
    const page = await o.call('caseload.list', { scope: 'unit' });
    const rowA = page.rows.find((r) => r.caseId === a.caseId)!;
    expect(rowA).toMatchObject({
      superviseeId: a.superviseeId,
      name: '山田 太郎',
      kana: 'わたなべ けん',
      caseNumber: 'A-1',
      status: 'active',
      category: '4',
      phaseKind: 'probation',
      partial: false,
      intensity: 'A',
      drugTypes: ['cannabis'],
      officerId: o.ids.sato,
      officerName: '佐藤 花子',
      vpoName: '高橋 保護司',
      startDate: '2026-04-01',
      plannedEndDate: '2029-03-31',
      terminationDate: null,
      lastContactDate: '2026-10-15',
      drugTestsVisible: true,
    });
    expect(rowA.flags).toEqual(caseFlags(o.db(), a.caseId, TODAY, NOW));
    expect(rowA.flags.positiveTest).toBe(true);
    const rowB = page.rows.find((r) => r.caseId === b.caseId)!;
    // A missed contact is not the last contact; B ends within 30 days.
    expect(rowB).toMatchObject({ lastContactDate: '2026-11-02', flags: { endingSoon: true } });
    expect(rowB.flagCount).toBe(Object.values(rowB.flags).filter(Boolean).length);
  });

  it('filters by category, drug type, intensity, flags and status', async () => {
    const { o, a, b, d } = await smallOffice();
    const numbers = async (q: Query) => (await o.call('caseload.list', { scope: 'unit', ...q })).rows.map((r) => r.caseNumber);
    expect(await numbers({ filters: { drugType: 'stimulants' } })).toEqual(['B-2', 'D-4']);
    expect(await numbers({ filters: { drugType: 'cannabis', intensity: 'A' } })).toEqual(['A-1']);
    expect(await numbers({ filters: { category: '4' } })).toHaveLength(4);
    expect(await numbers({ filters: { category: '3' } })).toEqual([]);
    expect(await numbers({ filters: { category: 'partial' } })).toEqual([]);
    expect(await numbers({ filters: { flags: ['positiveTest'] } })).toEqual(['A-1']);
    expect(await numbers({ filters: { flags: ['endingSoon'] } })).toEqual(['B-2']);
    expect(await numbers({ filters: { flags: ['endingSoon', 'positiveTest'] } })).toEqual([]);

    mutate(o.ctx(), 'test.terminate', (tx) =>
      tx.update('cases', d.caseId, { status: 'terminated', termination_date: '2026-11-10', termination_reason: 'expiry' }),
    );
    expect(await numbers({})).toEqual(['B-2', 'C-3', 'A-1']);
    expect(await numbers({ filters: { status: 'terminated' } })).toEqual(['D-4']);
    expect(await numbers({ filters: { status: 'all' } })).toEqual(['B-2', 'D-4', 'C-3', 'A-1']);
    const all = await o.call('caseload.list', { scope: 'unit', filters: { status: 'all' } });
    expect(all.rows.find((r) => r.caseNumber === 'D-4')).toMatchObject({ status: 'terminated', terminationDate: '2026-11-10' });
    expect([a, b].every((x) => all.rows.some((r) => r.caseId === x.caseId))).toBe(true);
  });

  it('sorts by every key both ways, and pages without gaps or repeats, on a generated office', async () => {
    const o = await caseworkOffice(t.dir);
    await generateDemoOffice(o.ctx(), { scale: 0.5, seed: 'caseload-list', today: TODAY, writer: 'bulk' });
    const everything = await o.call('caseload.list', { scope: 'unit', filters: { status: 'all' }, limit: 500 });
    expect(everything.total).toBeGreaterThan(200);
    expect(everything.total).toBeLessThanOrEqual(500);
    const byId = new Map(everything.rows.map((r) => [r.caseId, r]));
    const kanaKey = (r: CaseloadRow) => [r.kana.split(' ')[0]!, r.kana.split(' ')[1] ?? '', r.caseNumber, r.caseId];

    const keys = ['name', 'caseNumber', 'category', 'intensity', 'endDate', 'officer', 'lastContact', 'flagCount'] as const;
    const value: Record<(typeof keys)[number], (r: CaseloadRow) => string | number | null> = {
      name: (r) => r.kana,
      caseNumber: (r) => r.caseNumber,
      category: (r) => r.category,
      intensity: (r) => r.intensity,
      endDate: (r) => (r.status === 'suspended' ? null : (r.terminationDate ?? r.plannedEndDate)),
      officer: (r) => r.officerName,
      lastContact: (r) => r.lastContactDate,
      flagCount: (r) => r.flagCount,
    };
    for (const key of keys) {
      for (const dir of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        for (let offset = 0; offset < everything.total; offset += 37) {
          const page = await o.call('caseload.list', { scope: 'unit', filters: { status: 'all' }, sort: { key, dir }, offset, limit: 37 });
          expect(page.total).toBe(everything.total);
          seen.push(...page.rows.map((r) => r.caseId));
        }
        expect(new Set(seen).size, `${key} ${dir}`).toBe(everything.total);
        // The primary key is ordered (NULLs last for end date and officer; first ascending otherwise).
        const values = seen.map((id) => value[key](byId.get(id)!));
        for (let i = 1; i < values.length; i++) {
          const [p, c] = [values[i - 1]!, values[i]!];
          if (p === null || c === null) {
            if (key === 'endDate' || key === 'officer') expect(p === null && c !== null, `${key} ${dir} nulls last`).toBe(false);
            continue;
          }
          if (key === 'name') continue; // compared below with the tie-breaks
          expect(dir === 'asc' ? p <= c : p >= c, `${key} ${dir} at ${i}`).toBe(true);
        }
        if (key === 'name' && dir === 'asc') {
          const expected = [...everything.rows].sort((x, y) => {
            const [a, b] = [kanaKey(x), kanaKey(y)];
            for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
            return 0;
          });
          expect(seen).toEqual(expected.map((r) => r.caseId));
        }
      }
    }

    // Flags in rows equal caseFlags at the office's clock.
    for (const r of everything.rows) expect(r.flags, r.caseNumber).toEqual(caseFlags(o.db(), r.caseId, TODAY, NOW));
    // A flag filter returns exactly the cases with that flag, and its total counts them all.
    for (const flag of ['overdueContact', 'missingVpoReport', 'endingSoon', 'appointmentNeedsOutcome', 'positiveTest'] as const) {
      const expected = everything.rows.filter((r) => r.flags[flag]).map((r) => r.caseId).sort();
      const got = await o.call('caseload.list', { scope: 'unit', filters: { status: 'all', flags: [flag] }, limit: 500 });
      expect(got.total, flag).toBe(expected.length);
      expect(got.rows.map((r) => r.caseId).sort(), flag).toEqual(expected);
    }
    // Paging past the end is empty but keeps the total.
    const past = await o.call('caseload.list', { scope: 'unit', filters: { status: 'all' }, offset: 10_000 });
    expect(past).toMatchObject({ total: everything.total, rows: [] });
  });
});

describe('caseload: drug test visibility', () => {
  it("hides another officer's positive test from an officer, in the flag, the filter and the count", async () => {
    const { o, a } = await smallOffice();
    await o.as('suzuki');
    // No channel gives an officer the unit view today; the service still enforces per case.
    const view = caseloadFor(o.ctx(), { officerId: null }, {
      scope: 'unit',
      filters: { status: 'active' },
      sort: { key: 'flagCount', dir: 'desc' },
      offset: 0,
      limit: 100,
    });
    const rowA = view.rows.find((r) => r.caseId === a.caseId)!;
    expect(rowA).toMatchObject({ drugTestsVisible: false, flags: { positiveTest: false } });
    expect(view.rows.find((r) => r.caseNumber === 'D-4')).toMatchObject({ drugTestsVisible: true });
    const filtered = caseloadFor(o.ctx(), { officerId: null }, {
      scope: 'unit',
      filters: { status: 'active', flags: ['positiveTest'] },
      sort: { key: 'name', dir: 'asc' },
      offset: 0,
      limit: 100,
    });
    expect(filtered).toMatchObject({ total: 0, rows: [] });

    await o.as('sato');
    expect((await o.call('caseload.list', { filters: { flags: ['positiveTest'] } })).rows.map((r) => r.caseNumber)).toEqual(['A-1']);
    await o.as('tanaka');
    expect((await o.call('caseload.list', { scope: 'unit', filters: { flags: ['positiveTest'] } })).total).toBe(1);
  });
});
