import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatValue } from './format';
import { ReportChart } from './ReportChart';
import { limitRows, TOP_ROWS } from './tableRows';

/** Rows beyond which a table scrolls in its own box on screen (a growing table's top rows do not). */
const LONG_TABLE = TOP_ROWS;

/** Tables whose "show all" is on, so Back from a drill list finds the row that was opened. */
const shownAll = new Set<string>();

/** A breakdown: its title and definition, then its chart (if it has one) beside its data table. */
export function ReportTableView({ table, onDrill }: { table: ReportTable; onDrill: OnDrill }) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  const titleId = useId();
  const tableId = useId();
  const [showAll, setShowAll] = useState(() => shownAll.has(table.id));
  const view = limitRows(table, lang, showAll);
  const long = view.rows.length > LONG_TABLE;
  const limited = view.hiddenInPrint > 0;
  const toggle = () => {
    if (showAll) shownAll.delete(table.id);
    else shownAll.add(table.id);
    setShowAll(!showAll);
  };
  const hasNull = table.rows.some((r) => r.values.some((v) => v === null));
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
            <p className="hint rp-top-hint no-print">{t('reports.table.topShown', { shown: view.rows.length, total: view.total })}</p>
          ) : null}
          <div className={`rp-table-wrap${long ? ' rp-table-long' : ''}`} tabIndex={long ? 0 : undefined} aria-label={long ? table.title : undefined} role={long ? 'region' : undefined}>
            <table className="data-table rp-table" id={tableId}>
              <thead>
                <tr>
                  <th scope="col">{table.dimension}</th>
                  {table.columns.map((c) => (
                    <th scope="col" key={c.id} className="col-num">
                      {c.label}
                      {/* A column names its unit in the plural ("months"). */}
                      {c.unit === 'count' ? null : <span className="sub">({t(`reports.units.${c.unit}`, { count: 2 })})</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r, index) => (
                  <tr key={r.key} data-row={r.key} className={index < view.printed ? undefined : 'rp-row-screen-only'}>
                    <th scope="row">{r.label}</th>
                    {table.columns.map((c, i) => {
                      const v = r.values[i] ?? null;
                      const text = formatValue(v, c.unit, lang);
                      return (
                        <td key={c.id} className="col-num" data-column={c.id} data-unit={c.unit}>
                          {r.drill && v !== null && c.unit === 'count' ? (
                            <DrillButton
                              spoken={t('reports.table.cellDrill', { row: r.label, column: c.label, value: text })}
                              title={`${table.title} / ${r.label} / ${c.label}`}
                              target={{ tableId: table.id, rowKey: r.key, columnId: c.id }}
                              onDrill={onDrill}
                            >
                              {text}
                            </DrillButton>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {hasNull ? <p className="hint rp-na-hint">{t('reports.table.notApplicableNote')}</p> : null}
          </div>
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
