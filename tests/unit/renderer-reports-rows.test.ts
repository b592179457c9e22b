import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../db/contract';
import { formatWithUnit } from '../../renderer/features/reports/format';
import { largestFirst, limitRows, TOP_ROWS, type TableRow } from '../../renderer/features/reports/tableRows';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';

const row = (key: string, label: string, ...values: (number | null)[]): TableRow => ({ key, label, values, drill: true });

/** A VPO table of n rows, in the (name) order the service returns them. */
function vpoTable(n: number, grows = true): Pick<ReportTable, 'rows' | 'growsWithOffice'> {
  const rows = Array.from({ length: n }, (_, i) => row(`v${i}`, `保護司 ${String(i).padStart(3, '0')}`, (i * 7) % 11));
  return grows ? { rows, growsWithOffice: true } : { rows };
}

describe('rows of a report table that grows with the office', () => {
  it('show the largest 20 first (by cases, then by name), and say how many are left out', () => {
    const t = vpoTable(138);
    const view = limitRows(t, 'ja', false);
    expect(view.rows).toHaveLength(TOP_ROWS);
    expect(view).toMatchObject({ printed: 20, total: 138, hiddenOnScreen: 118, hiddenInPrint: 118 });
    const expected = [...t.rows].sort((a, b) => b.values[0]! - a.values[0]! || a.label.localeCompare(b.label)).slice(0, 20);
    expect(view.rows.map((r) => r.key)).toEqual(expected.map((r) => r.key));
    // Every row left out has no more cases than the last one shown.
    const last = view.rows.at(-1)!.values[0]!;
    const shown = new Set(view.rows.map((r) => r.key));
    for (const r of t.rows.filter((x) => !shown.has(x.key))) expect(r.values[0]!).toBeLessThanOrEqual(last);
  });

  it('show every row, still largest first, when asked; print keeps the top 20', () => {
    const t = vpoTable(138);
    const view = limitRows(t, 'en', true);
    expect(view.rows).toHaveLength(138);
    expect(new Set(view.rows.map((r) => r.key)).size).toBe(138);
    expect(view).toMatchObject({ printed: 20, hiddenOnScreen: 0, hiddenInPrint: 118 });
    expect(view.rows.slice(0, 20)).toEqual(limitRows(t, 'en', false).rows);
  });

  it('leave short tables and tables that do not grow (officers, codes) as they are', () => {
    const short = vpoTable(TOP_ROWS);
    expect(limitRows(short, 'ja', false)).toEqual({ rows: short.rows, printed: 20, total: 20, hiddenOnScreen: 0, hiddenInPrint: 0 });
    const officers = vpoTable(60, false);
    const view = limitRows(officers, 'ja', false);
    expect(view.rows).toBe(officers.rows);
    expect(view.hiddenInPrint).toBe(0);
  });

  it('put a "—" (not applicable) after every number, and break ties by name, then key', () => {
    const rows = [row('c', 'B', 3), row('a', 'A', null), row('b', 'B', 3), row('d', 'A', 3), row('e', 'Z', 9)];
    expect(largestFirst(rows, 'en').map((r) => r.key)).toEqual(['e', 'd', 'b', 'c', 'a']);
  });

  it('never lose or duplicate a row, whatever the counts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(50), { nil: null }), { maxLength: 80 }), fc.boolean(), (counts, all) => {
        const t = { rows: counts.map((c, i) => row(`k${i}`, `n${i % 7}`, c)), growsWithOffice: true };
        const view = limitRows(t, 'ja', all);
        expect(view.rows.length + view.hiddenOnScreen).toBe(counts.length);
        expect(view.printed + view.hiddenInPrint).toBe(counts.length);
        expect(new Set(view.rows.map((r) => r.key)).size).toBe(view.rows.length);
        // A table no longer than the top rows keeps the service's order; a longer one is largest first.
        const sizes = view.rows.map((r) => r.values[0] ?? -1);
        if (counts.length > TOP_ROWS) expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        else expect(view.rows).toBe(t.rows);
      }),
    );
  });
});

describe('a number of months', () => {
  it('reads "7か月" / "7 months" / "1 month" on screen, as the app\'s own messages say', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', fallbackLng: false, initAsync: false });
    const say = (lang: 'ja' | 'en', n: number) => formatWithUnit(n, 'months', lang, i18n.getFixedT(lang)('reports.units.months', { count: n }));
    expect(say('ja', 7)).toBe('7か月');
    expect(say('ja', 1)).toBe('1か月');
    expect(say('en', 7)).toBe('7 months');
    expect(say('en', 1)).toBe('1 month');
    expect(say('en', 0)).toBe('0 months');
    expect(formatWithUnit(12, 'months', 'en', 'months')).toBe('12 months');
    expect(formatWithUnit(null, 'months', 'ja', 'か月')).toBe('—');
  });
});
