import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { drillKey, type OnDrill } from './DrillButton';
import { ReportChart } from './ReportChart';
import { HeadCells, RowCells } from './TableCells';
import { limitRows, TOP_ROWS, type TableRow } from './tableRows';
import { VirtualReportTable, type Cell } from './VirtualReportTable';

/** Rows beyond which a table scrolls in its own box on screen (a growing table's top rows do not). */
const LONG_TABLE = TOP_ROWS;

/** Tables whose "show all" is on, so Back from a drill list finds the row that was opened. */
const shownAll = new Set<string>();

/** The row and column of the number `key` names (drillKey), if it is one of this table's. */
function cellOf(table: ReportTable, rows: TableRow[], key: string | null): Cell | null {
  if (key === null || !key.startsWith(`${table.id}|`)) return null;
  for (let row = 0; row < rows.length; row++) {
    const column = table.columns.findIndex((c) => drillKey({ tableId: table.id, rowKey: rows[row]!.key, columnId: c.id }) === key);
    if (column >= 0) return { row, column };
  }
  return null;
}

/**
 * A breakdown: its title and definition, then its chart (if it has one) beside its data table.
 * A table that grows with the office shows its top rows; with "show all", every row in a
 * virtualized table on screen, while print still shows the top rows and says where the rest are.
 */
export function ReportTableView({ table, onDrill, returnKey = null }: { table: ReportTable; onDrill: OnDrill; returnKey?: string | null }) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  const titleId = useId();
  const tableId = useId();
  const [showAll, setShowAll] = useState(() => shownAll.has(table.id));
  // Sorting ~13,000 rows is worth doing once, not on every render of the page.
  const view = useMemo(() => limitRows(table, lang, showAll), [table, lang, showAll]);
  const limited = view.hiddenInPrint > 0;
  const virtual = limited && showAll;
  const returnTo = useMemo(() => (virtual ? cellOf(table, view.rows, returnKey) : null), [virtual, table, view.rows, returnKey]);
  const long = !virtual && view.rows.length > LONG_TABLE;
  const toggle = () => {
    if (showAll) shownAll.delete(table.id);
    else shownAll.add(table.id);
    setShowAll(!showAll);
  };
  const hasNull = table.rows.some((r) => r.values.some((v) => v === null));
  const plain = (rows: TableRow[], drill: boolean) => (
    <table className="data-table rp-table" id={drill ? tableId : undefined}>
      <thead>
        <tr>
          <HeadCells table={table} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={drill ? r.key : undefined}>
            <RowCells table={table} row={r} onDrill={onDrill} drill={drill} />
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className={`rp-table-block${table.chart === 'none' ? '' : ' rp-with-chart'}`} data-table={table.id} role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="rp-table-title">
        {table.title}
      </h3>
      <p className="rp-definition">
        {t('reports.table.definitionLine', { text: table.definition })}
      </p>
      <div className={`rp-table-body${table.columns.length > 3 ? ' rp-many-columns' : ''}`}>
        <ReportChart table={table} />
        <div className="rp-table-column">
          {limited ? (
            <p className="hint rp-top-hint no-print">
              {virtual ? t('reports.table.allShown', { total: view.total }) : t('reports.table.topShown', { shown: view.rows.length, total: view.total })}
            </p>
          ) : null}
          {virtual ? (
            <>
              <VirtualReportTable table={table} rows={view.rows} tableId={tableId} onDrill={onDrill} returnTo={returnTo} />
              {/* Print: the top rows, as before "show all" (a 13,000-row list is no page to print). */}
              <div className="rp-table-wrap rp-print-table">{plain(view.rows.slice(0, view.printed), false)}</div>
            </>
          ) : (
            <div
              className={`rp-table-wrap${long ? ' rp-table-long' : ''}`}
              tabIndex={long ? 0 : undefined}
              aria-label={long ? table.title : undefined}
              role={long ? 'region' : undefined}
            >
              {plain(view.rows, true)}
            </div>
          )}
          {hasNull ? <p className="hint rp-na-hint">{t('reports.table.notApplicableNote')}</p> : null}
          {limited ? (
            <>
              <p className="hint rp-print-only">{t('reports.table.morePrinted', { top: view.printed, more: view.hiddenInPrint })}</p>
              <button type="button" className="button-secondary rp-show-all no-print" aria-expanded={showAll} aria-controls={tableId} onClick={toggle}>
                {showAll ? t('reports.table.showTop', { top: TOP_ROWS }) : t('reports.table.showAll', { total: view.total })}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
