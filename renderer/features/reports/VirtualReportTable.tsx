import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ReportTable } from '../../../db/contract';
import type { OnDrill } from './DrillButton';
import { moveRow } from './listKeys';
import { HeadCells, RowCells } from './TableCells';
import type { TableRow } from './tableRows';

/** Estimates until the rows are measured; the box is 30rem tall (.rp-table-long). */
const ROW_HEIGHT = 34;
const HEAD_HEIGHT = 36;
const BOX_HEIGHT = 480;

export interface Cell {
  row: number;
  column: number;
}

/** Where ←/→ move among the columns that hold numbers to open (counts). */
function moveColumn(key: string, column: number, drillable: number[]): number | null {
  const at = drillable.indexOf(column);
  if (key === 'ArrowRight') return drillable[Math.min(drillable.length - 1, at + 1)] ?? null;
  if (key === 'ArrowLeft') return drillable[Math.max(0, at - 1)] ?? null;
  return null;
}

/**
 * Every row of a long report table (a VPO list: ~13,000 rows at demo scale 100), with only the
 * rows near the view in the DOM. It stays a real table for screen readers: the table states how
 * many rows it has (aria-rowcount) and each row its place (aria-rowindex); the rows scrolled away
 * are two hidden spacer rows. One number is in the Tab order; ↑/↓, Page Up/Down, Home/End and ←/→
 * move between numbers, scrolling as they go; Enter opens the cases behind one.
 */
export function VirtualReportTable({
  table,
  rows,
  tableId,
  onDrill,
  returnTo,
}: {
  table: ReportTable;
  rows: TableRow[];
  tableId: string;
  onDrill: OnDrill;
  /** The number opened last from this table (Back from its list): scrolled to on the first render. */
  returnTo: Cell | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const drillable = table.columns.flatMap((c, i) => (c.unit === 'count' ? [i] : []));
  const [active, setActive] = useState<Cell>(returnTo ?? { row: 0, column: drillable[0] ?? 0 });
  const [focusWanted, setFocusWanted] = useState(false);
  const [head, setHead] = useState(HEAD_HEIGHT);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits above the rows inside the scrolling box.
    paddingStart: head,
    scrollPaddingStart: head,
    initialRect: { width: 0, height: BOX_HEIGHT },
    initialOffset: returnTo ? Math.max(0, returnTo.row - 3) * ROW_HEIGHT : 0,
    getItemKey: (index) => rows[index]!.key,
  });

  useLayoutEffect(() => {
    const h = headRef.current?.offsetHeight;
    if (h && h !== head) setHead(h);
  });

  useEffect(() => {
    if (!focusWanted) return;
    const row = scrollRef.current?.querySelector(`tr[data-index="${active.row}"]`);
    const column = table.columns[active.column]?.id ?? '';
    const button =
      row?.querySelector<HTMLButtonElement>(`td[data-column="${CSS.escape(column)}"] button`) ?? row?.querySelector<HTMLButtonElement>('button');
    if (button) {
      button.focus({ preventScroll: true });
      setFocusWanted(false);
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLButtonElement)) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? BOX_HEIGHT) - head) / ROW_HEIGHT) - 1);
    const row = moveRow(e.key, active.row, rows.length, page);
    const column = row === null ? moveColumn(e.key, active.column, drillable) : active.column;
    if (column === null) return;
    e.preventDefault();
    const next = { row: row ?? active.row, column };
    setActive(next);
    setFocusWanted(true);
    virtualizer.scrollToIndex(next.row, { align: 'auto' });
  };

  // A click or Tab onto a number makes it the active one.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const tr = e.target.closest<HTMLElement>('tr[data-index]');
    const td = e.target.closest<HTMLElement>('td[data-column]');
    if (!tr || !td) return;
    const column = table.columns.findIndex((c) => c.id === td.dataset.column);
    const row = Number(tr.dataset.index);
    if (row !== active.row || column !== active.column) setActive({ row, column });
  };

  const items = virtualizer.getVirtualItems();
  const tabRow = items.some((i) => i.index === active.row) ? active.row : (items[0]?.index ?? 0);
  const before = Math.max(0, (items[0]?.start ?? head) - head);
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? head));
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr aria-hidden="true" className="rp-spacer" key={key}>
        <td colSpan={table.columns.length + 1} style={{ height }} />
      </tr>
    ) : null;
  return (
    <div ref={scrollRef} className="rp-table-wrap rp-table-long rp-virtual no-print" onKeyDown={onKeyDown} onFocus={onFocus}>
      <table className="data-table rp-table" id={tableId} aria-label={table.title} aria-rowcount={rows.length + 1}>
        <colgroup>
          <col />
          {table.columns.map((c) => (
            <col key={c.id} className="rp-col-num" />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <HeadCells table={table} />
          </tr>
        </thead>
        <tbody>
          {spacer(before, 'before')}
          {items.map((v) => {
            const r = rows[v.index]!;
            return (
              <tr key={v.key} ref={virtualizer.measureElement} data-index={v.index} data-row={r.key} aria-rowindex={v.index + 2}>
                <RowCells table={table} row={r} onDrill={onDrill} tabbableColumn={v.index === tabRow ? active.column : -1} />
              </tr>
            );
          })}
          {spacer(after, 'after')}
        </tbody>
      </table>
    </div>
  );
}
