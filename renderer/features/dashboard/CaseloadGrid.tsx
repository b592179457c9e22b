import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadPage, CaseloadRow, CaseloadSortKey } from '../../../db/contract';
import { useDateStyle } from '../../i18n/useFormat';
import { caseloadColumns, COLUMN_WEIGHTS, type Slot } from './columns';
import { moveActive, pagesFor, SORT_KEYS, type CaseloadView } from './model';
import { useRowPages } from './queries';

/** A row's height before it is measured (two lines: name and kana). */
const ROW_ESTIMATE = 66;
/** The sticky application header above the page. */
const APP_HEADER = 56;

function isSortKey(id: string): id is CaseloadSortKey {
  return (SORT_KEYS as readonly string[]).includes(id);
}

/**
 * The caseload as one focusable grid. The table keeps the focus and points at the active row (or
 * column header) with aria-activedescendant, so rows can scroll out of the DOM (only those near
 * the view are rendered) without losing it. ↑/↓, Page Up/Down, Home/End move; Enter opens; ↑ on
 * the first row reaches the headers, where ←/→ choose a column and Enter or Space sorts by it.
 */
export function CaseloadGrid({
  view,
  first,
  firstIsCurrent,
  active,
  onActive,
  onSort,
  onOpen,
  labelledBy,
  describedBy,
  focusOnLoad,
}: {
  view: CaseloadView;
  first: CaseloadPage;
  firstIsCurrent: boolean;
  active: number | null;
  onActive: (index: number) => void;
  onSort: (key: CaseloadSortKey) => void;
  onOpen: (row: CaseloadRow, index: number) => void;
  labelledBy: string;
  describedBy: string;
  focusOnLoad: boolean;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const id = useId();
  const total = first.total;
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  const [headHeight, setHeadHeight] = useState(44);
  /** The column header that is active, or null while a row is. */
  const [headerCol, setHeaderCol] = useState<number | null>(null);

  // Where the rows start in the page, for the window virtualizer (the filters above can change height).
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current;
      if (!body) return;
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY);
      setMargin((m) => (m === top ? m : top));
      const h = Math.round(headRef.current?.getBoundingClientRect().height ?? 44);
      setHeadHeight((x) => (x === h ? x : h));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    const main = tableRef.current?.closest('main');
    if (main) observer.observe(main);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, []);

  const headerId = (colId: string) => `${id}-col-${colId}`;
  const rowId = (index: number) => `${id}-row-${index}`;

  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count: total,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    scrollMargin: margin,
    scrollPaddingStart: APP_HEADER + headHeight,
    scrollPaddingEnd: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const pages = pagesFor(firstItem?.index ?? 0, lastItem?.index ?? 0, total);
  const { rowAt } = useRowPages(view, first, firstIsCurrent, pages);

  const slots = items.map((vi): Slot => ({ index: vi.index, row: rowAt(vi.index) }));
  const columns = useMemo(() => caseloadColumns(t, style), [t, style]);
  const table = useReactTable({
    data: slots,
    columns,
    getCoreRowModel: getCoreRowModel(),
    // The service sorts, filters and pages: the table only lays out the rows in view. Without these
    // it would reset its own paging whenever the rows change, that is on every render.
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    autoResetAll: false,
    enableSortingRemoval: false,
    state: {
      sorting: [{ id: view.sort.key, desc: view.sort.dir === 'desc' }],
      // Everyone in "my caseload" has the same officer: the column would only repeat one's own name.
      columnVisibility: { officer: view.scope === 'unit' },
    },
    getRowId: (s) => String(s.index),
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleWeights = headers.reduce((n, h) => n + (COLUMN_WEIGHTS[h.column.id] ?? 10), 0);

  /**
   * Bringing a row into view: the virtualizer scrolls near it (heights are estimated until rows
   * have been rendered), then the row itself is scrolled into view — its scroll margin keeps it
   * clear of the sticky headers — and checked again for a few frames while the rows around it
   * are measured and move.
   */
  const scrollJob = useRef(0);
  const scrollTo = (index: number) => {
    const job = ++scrollJob.current;
    let frames = 8;
    const step = () => {
      if (job !== scrollJob.current) return;
      const el = document.getElementById(rowId(index));
      if (!el) {
        virtualizer.scrollToIndex(index, { align: 'center' });
      } else {
        const r = el.getBoundingClientRect();
        const top = APP_HEADER + (headRef.current?.getBoundingClientRect().height ?? 0);
        if (r.top < top || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
      }
      if (--frames > 0) requestAnimationFrame(step);
    };
    step();
  };

  // Back from a person page: the table takes the focus again, on the row that was opened.
  const focused = useRef(false);
  useEffect(() => {
    if (!focusOnLoad || focused.current || margin === 0) return;
    focused.current = true;
    if (active !== null) scrollTo(Math.min(active, total - 1));
    tableRef.current?.focus({ preventScroll: true });
  }, [focusOnLoad, margin]);

  const rowsPerPage = Math.max(1, Math.floor((window.innerHeight - APP_HEADER - headHeight) / ROW_ESTIMATE) - 1);

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    // Keys pressed on the table itself (the header buttons are for the mouse and never keep the focus).
    if (e.target !== e.currentTarget || e.altKey || e.metaKey) return;
    if (headerCol !== null) {
      const last = headers.length - 1;
      let next: number | null = null;
      if (e.key === 'ArrowRight') next = Math.min(last, headerCol + 1);
      else if (e.key === 'ArrowLeft') next = Math.max(0, headerCol - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = last;
      if (next !== null) {
        e.preventDefault();
        setHeaderCol(next);
        return;
      }
      if (e.key === 'ArrowDown' && total > 0) {
        e.preventDefault();
        setHeaderCol(null);
        onActive(0);
        scrollTo(0);
        return;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const column = headers[headerCol]?.column;
        if (column && column.getCanSort() && isSortKey(column.id)) onSort(column.id);
      }
      return;
    }
    if (total === 0) return;
    const current = active === null ? -1 : Math.min(active, total - 1);
    if (e.key === 'ArrowUp' && current <= 0) {
      e.preventDefault();
      const sorted = headers.findIndex((h) => h.column.id === view.sort.key);
      setHeaderCol(sorted >= 0 ? sorted : 0);
      return;
    }
    if (e.key === 'Enter') {
      const row = current >= 0 ? rowAt(current) : null;
      if (row) {
        e.preventDefault();
        onOpen(row, current);
      }
      return;
    }
    const next = moveActive(e.key, Math.max(0, current), total, rowsPerPage);
    if (next === null) return;
    e.preventDefault();
    onActive(next);
    scrollTo(next);
  }

  const activeRow = active === null ? null : Math.min(active, total - 1);
  const descendant =
    headerCol !== null
      ? headers[headerCol]
        ? headerId(headers[headerCol].column.id)
        : undefined
      : activeRow !== null && items.some((vi) => vi.index === activeRow)
        ? rowId(activeRow)
        : undefined;
  const padTop = firstItem ? firstItem.start - virtualizer.options.scrollMargin : 0;
  const padBottom = lastItem ? virtualizer.getTotalSize() - (lastItem.end - virtualizer.options.scrollMargin) : 0;
  const colCount = headers.length;

  return (
    <table
      ref={tableRef}
      className="cl-table"
      role="grid"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-rowcount={total + 1}
      aria-colcount={colCount}
      aria-activedescendant={descendant}
      aria-readonly="true"
      tabIndex={0}
      style={{ ['--cl-head' as string]: `${headHeight}px` }}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (headerCol === null && active === null && total > 0) onActive(0);
      }}
      onBlur={() => setHeaderCol(null)}
    >
      <colgroup>
        {headers.map((h) => (
          <col key={h.id} style={{ width: `${((COLUMN_WEIGHTS[h.column.id] ?? 10) / visibleWeights) * 100}%` }} />
        ))}
      </colgroup>
      <thead ref={headRef}>
        <tr aria-rowindex={1}>
          {headers.map((h, i) => {
            const canSort = h.column.getCanSort();
            const sorted = h.column.getIsSorted();
            const label = flexRender(h.column.columnDef.header, h.getContext());
            return (
              <th
                key={h.id}
                id={headerId(h.column.id)}
                scope="col"
                aria-colindex={i + 1}
                aria-sort={canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                className={`cl-th${headerCol === i ? ' is-active' : ''}${sorted ? ' is-sorted' : ''}`}
              >
                {canSort && isSortKey(h.column.id) ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    className="cl-sort"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      if (isSortKey(h.column.id)) onSort(h.column.id);
                      tableRef.current?.focus({ preventScroll: true });
                      setHeaderCol(i);
                    }}
                  >
                    <span>{label}</span>
                    <span className="cl-sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  <span className="cl-th-label">{label}</span>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {padTop > 0 ? (
          <tr className="cl-spacer" aria-hidden="true">
            <td colSpan={colCount} style={{ height: padTop }} />
          </tr>
        ) : null}
        {table.getRowModel().rows.map((r) => {
          const s = r.original;
          const isActive = s.index === activeRow;
          const common = {
            'data-index': s.index,
            ref: virtualizer.measureElement,
            id: rowId(s.index),
            'aria-rowindex': s.index + 2,
          };
          if (!s.row) {
            return (
              <tr key={`i-${s.index}`} {...common} className={`cl-row cl-row-loading${isActive ? ' is-active' : ''}`}>
                <td colSpan={colCount} className="muted">
                  {t('caseload.loadingRow')}
                </td>
              </tr>
            );
          }
          const row = s.row;
          return (
            <tr
              key={`${s.index}-${row.caseId}`}
              {...common}
              className={`cl-row${isActive ? ' is-active' : ''}`}
              onClick={() => {
                onActive(s.index);
                onOpen(row, s.index);
              }}
            >
              {r.getVisibleCells().map((cell) =>
                cell.column.id === 'name' ? (
                  <th key={cell.id} scope="row" className="cl-cell cl-cell-name">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id} className={`cl-cell cl-cell-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          );
        })}
        {padBottom > 0 ? (
          <tr className="cl-spacer" aria-hidden="true">
            <td colSpan={colCount} style={{ height: padBottom }} />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
