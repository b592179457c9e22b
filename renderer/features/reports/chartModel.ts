/**
 * What a report chart draws, decided without React so it can be tested: which columns become
 * series, and how tall the picture is. Pure.
 */
import type { ReportTable } from '../../../db/channels/reports';

export type Series = ReportTable['columns'][number] & { index: number };

/** Fixed sizes: the same picture on screen and on an A4 page beside its table. */
export const CHART_WIDTH = 340;
const ROW_HEIGHT = 26;

/**
 * One chart shows one kind of number: the columns sharing the first column's unit. More than three
 * of them (counts of cases beside counts of contacts) read better as the table, so then the chart
 * keeps the table's rate if it has one, else its first column. A pie shows one column.
 */
export function chartSeries(table: Pick<ReportTable, 'columns' | 'chart'>): Series[] {
  const all = table.columns.map((c, index) => ({ ...c, index }));
  if (all.length === 0) return [];
  if (table.chart === 'pie') return [all[0]!];
  const sameUnit = all.filter((c) => c.unit === all[0]!.unit);
  if (sameUnit.length <= 3) return sameUnit;
  return [all.find((c) => c.unit === 'percent') ?? all[0]!];
}

/** A bar chart's height: a row per table row, thinner bars per series when grouped, room for the legend. */
export function barChartHeight(rows: number, series: number, stacked: boolean): number {
  const legend = series > 1;
  const perRow = stacked || !legend ? ROW_HEIGHT : 14 * series + 8;
  return Math.max(120, rows * perRow + (legend ? 70 : 40));
}

/** Beside a bar there is room for about 18 Latin letters; a kanji or kana takes the room of two. */
const LABEL_ROOM = 18;

/** A row label cut to fit beside its bar (the table beside the chart has it in full). */
export function fitLabel(label: string): string {
  let used = 0;
  let out = '';
  for (const ch of label) {
    used += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (used > LABEL_ROOM - 1) return `${out}…`;
    out += ch;
  }
  return label;
}
