import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatValue } from './format';
import { ReportChart } from './ReportChart';

/** Rows beyond which a table scrolls in its own box on screen (print shows every row). */
const LONG_TABLE = 16;

/** A breakdown: its title and definition, then its chart (if it has one) beside its data table. */
export function ReportTableView({ table, onDrill }: { table: ReportTable; onDrill: OnDrill }) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  const titleId = useId();
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
        <div className={`rp-table-wrap${table.rows.length > LONG_TABLE ? ' rp-table-long' : ''}`} tabIndex={table.rows.length > LONG_TABLE ? 0 : undefined} aria-label={table.rows.length > LONG_TABLE ? table.title : undefined} role={table.rows.length > LONG_TABLE ? 'region' : undefined}>
          <table className="data-table rp-table">
            <thead>
              <tr>
                <th scope="col">{table.dimension}</th>
                {table.columns.map((c) => (
                  <th scope="col" key={c.id} className="col-num">
                    {c.label}
                    {c.unit === 'count' ? null : <span className="sub">({t(`reports.units.${c.unit}`)})</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key} data-row={r.key}>
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
      </div>
    </div>
  );
}
