/** Grouping of agenda rows. Pure. */
import type { AgendaRow } from '../../../db/contract';

/** Rows by Japan date, with every date of the range present (empty days included), in order. */
export function groupByDate(rows: readonly AgendaRow[], dates: readonly string[]): Map<string, AgendaRow[]> {
  const out = new Map<string, AgendaRow[]>(dates.map((d) => [d, []]));
  for (const r of rows) out.get(r.date)?.push(r);
  return out;
}
