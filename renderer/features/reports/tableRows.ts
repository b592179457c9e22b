/**
 * Which rows of a report table are shown. A table whose rows grow with the office (one per VPO:
 * 138 at demo scale 1, ~13,000 at scale 100) shows its largest rows first — by the first column,
 * then by name — and only the top ones unless the person asks for all; print always shows the top
 * ones and says how many more the CSV and XLSX hold. Other tables keep their rows and order. Pure.
 */
import type { ReportTable } from '../../../db/channels/reports';

/** Rows a growing table shows on screen (until "show all") and in print. */
export const TOP_ROWS = 20;

export type TableRow = ReportTable['rows'][number];

export interface LimitedRows {
  /** The rows to render, in order: the first `printed` of them also print. */
  rows: TableRow[];
  /** How many of `rows` print (the rest are screen-only). */
  printed: number;
  /** Rows of the table, shown or not. */
  total: number;
  /** Rows not rendered on screen now. */
  hiddenOnScreen: number;
  /** Rows left out of print (they are in the CSV and XLSX). */
  hiddenInPrint: number;
}

/** Largest first by the first column (a "—" last), then by label in the report's language. */
export function largestFirst(rows: readonly TableRow[], lang: 'ja' | 'en'): TableRow[] {
  const collator = new Intl.Collator(lang === 'ja' ? 'ja-JP' : 'en-US', { numeric: true });
  const size = (r: TableRow) => r.values[0] ?? -Infinity;
  return [...rows].sort((a, b) => size(b) - size(a) || collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function limitRows(table: Pick<ReportTable, 'rows' | 'growsWithOffice'>, lang: 'ja' | 'en', showAll: boolean, top = TOP_ROWS): LimitedRows {
  const total = table.rows.length;
  if (!table.growsWithOffice || total <= top) {
    return { rows: table.rows, printed: total, total, hiddenOnScreen: 0, hiddenInPrint: 0 };
  }
  const sorted = largestFirst(table.rows, lang);
  const rows = showAll ? sorted : sorted.slice(0, top);
  return { rows, printed: top, total, hiddenOnScreen: total - rows.length, hiddenInPrint: total - top };
}
