/** Small-cell suppression for the research extract: primary (1–4) and secondary (totals). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress } from '../../db/reports/suppression';

/** Every line — a row with its total, a column with its total — hides none or at least two entries. */
function lines(values: number[][]) {
  const s = suppress(values);
  const R = values.length;
  const C = values[0]!.length;
  const out: { values: number[]; shown: (number | null)[] }[] = [];
  const rowSum = (r: number) => values[r]!.reduce((a, b) => a + b, 0);
  const colSum = (c: number) => values.reduce((a, row) => a + row[c]!, 0);
  if (C > 1) {
    for (let r = 0; r < R; r++) out.push({ values: [...values[r]!, rowSum(r)], shown: [...s.cells[r]!, s.rowTotals![r]!] });
    out.push({ values: [...Array.from({ length: C }, (_, c) => colSum(c)), values.flat().reduce((a, b) => a + b, 0)], shown: [...s.colTotals, s.total] });
  }
  for (let c = 0; c < C; c++) {
    const totalCell = s.colTotals[c]!;
    out.push({ values: [...values.map((row) => row[c]!), colSum(c)], shown: [...s.cells.map((row) => row[c]!), totalCell] });
  }
  if (C > 1) {
    out.push({ values: [...values.map((_, r) => rowSum(r)), values.flat().reduce((a, b) => a + b, 0)], shown: [...s.rowTotals!, s.total] });
  }
  return { s, out };
}

describe('research suppression', () => {
  it('hides counts of 1–4 and keeps 0 and 5+ where nothing forces them', () => {
    const { s } = lines([[0, 5, 9], [6, 7, 12]]);
    expect(s.cells).toEqual([[0, 5, 9], [6, 7, 12]]);
    expect(s.total).toBe(39);
    const one = suppress([[4], [10], [20], [0]]);
    // 4 is primary; the smallest other non-zero cell of the column (10) goes too, so 34 - known cells does not reveal it.
    expect(one.cells).toEqual([[null], [null], [20], [0]]);
    expect(one.colTotals).toEqual([34]);
  });

  it('adds secondary suppression in rows and columns of a cross table', () => {
    const s = suppress([[3, 10, 20], [7, 8, 30], [9, 11, 40]]);
    // 3 is primary; its row and its column each need a second hidden entry, and so on until every line holds two.
    expect(s.cells[0]![0]).toBeNull();
    const { out } = lines([[3, 10, 20], [7, 8, 30], [9, 11, 40]]);
    for (const line of out) expect(line.shown.filter((v) => v === null).length).not.toBe(1);
  });

  it('for any table: no primary cell shown, and no line with exactly one hidden entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((C) => fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: C, maxLength: C }), { minLength: 1, maxLength: 7 })),
        (values) => {
          const { s, out } = lines(values);
          values.forEach((row, r) => row.forEach((v, c) => v >= 1 && v <= 4 && expect(s.cells[r]![c]).toBeNull()));
          for (const line of out) {
            expect(line.shown.filter((v) => v === null).length).not.toBe(1);
            line.shown.forEach((v, i) => v !== null && expect(v).toBe(line.values[i]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
