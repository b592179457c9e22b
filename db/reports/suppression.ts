/**
 * Small-cell suppression for the research extract. Counts of 1–4 are suppressed (primary); then,
 * so that no suppressed cell can be recomputed from the published totals, every line of the table
 * — a row with its row total, a column with its column total — must hide either none or at least
 * two of its entries: where a line hides exactly one, the smallest other entry of that line is
 * hidden too (secondary), preferring inner cells over totals, until no line hides exactly one.
 */

export const MIN_PUBLISHED = 5;

export interface SuppressedTable {
  /** cells[r][c]: the count, or null when suppressed. */
  cells: (number | null)[][];
  /** Row totals (only for tables with more than one column), column totals and the grand total. */
  rowTotals: (number | null)[] | null;
  colTotals: (number | null)[];
  total: number | null;
}

const isPrimary = (n: number) => n >= 1 && n < MIN_PUBLISHED;

export function suppress(values: number[][]): SuppressedTable {
  const R = values.length;
  const C = values[0]?.length ?? 0;
  const withRowTotals = C > 1;
  // The table extended by its totals: row R holds the column totals, column C the row totals.
  const rowSum = values.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: C }, (_, c) => values.reduce((a, r) => a + r[c]!, 0));
  const grand = rowSum.reduce((a, b) => a + b, 0);
  const W = withRowTotals ? C + 1 : C;
  const v = (r: number, c: number): number => (r === R ? (c === C ? grand : colSum[c]!) : c === C ? rowSum[r]! : values[r]![c]!);
  const hidden: boolean[][] = Array.from({ length: R + 1 }, (_, r) => Array.from({ length: W }, (_, c) => isPrimary(v(r, c))));

  // Lines: each row (with its total, when published) and each column (with its total).
  const lines: [number, number][][] = [];
  for (let r = 0; r <= R; r++) if (withRowTotals || r === R) lines.push(Array.from({ length: W }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c < W; c++) lines.push(Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number]));
  const isTotal = ([r, c]: [number, number]) => r === R || c === C;

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.length < 2) continue;
      const hiddenCount = line.filter(([r, c]) => hidden[r]![c]).length;
      if (hiddenCount !== 1) continue;
      const candidates = line
        .filter(([r, c]) => !hidden[r]![c])
        .sort((a, b) => Number(isTotal(a)) - Number(isTotal(b)) || v(a[0], a[1]) - v(b[0], b[1]));
      const pick = candidates.find((p) => !isTotal(p) && v(p[0], p[1]) > 0) ?? candidates[0];
      if (!pick) continue;
      hidden[pick[0]]![pick[1]] = true;
      changed = true;
    }
  }
  const out = (r: number, c: number) => (hidden[r]![c] ? null : v(r, c));
  return {
    cells: values.map((row, r) => row.map((_, c) => out(r, c))),
    rowTotals: withRowTotals ? values.map((_, r) => out(r, C)) : null,
    colTotals: Array.from({ length: C }, (_, c) => out(R, c)),
    total: withRowTotals ? out(R, C) : C === 1 ? out(R, 0) : grand,
  };
}
