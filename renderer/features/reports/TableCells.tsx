import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatValue } from './format';
import type { TableRow } from './tableRows';

/** The header cells of a report table: its dimension, then each column with its unit. */
export function HeadCells({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{table.dimension}</th>
      {table.columns.map((c) => (
        <th scope="col" key={c.id} className="col-num">
          {c.label}
          {/* A column names its unit in the plural ("months"). */}
          {c.unit === 'count' ? null : <span className="sub">({t(`reports.units.${c.unit}`, { count: 2 })})</span>}
        </th>
      ))}
    </>
  );
}

/**
 * One row's cells: its label, then each value; a count opens the cases behind it. `tabbableColumn`
 * is for a virtualized table's roving focus (undefined: every number is in the Tab order; -1: none
 * of this row's). `drill: false` prints the numbers as text.
 */
export function RowCells({
  table,
  row,
  onDrill,
  tabbableColumn,
  drill = true,
}: {
  table: ReportTable;
  row: TableRow;
  onDrill: OnDrill;
  tabbableColumn?: number;
  drill?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  return (
    <>
      <th scope="row">{row.label}</th>
      {table.columns.map((c, i) => {
        const v = row.values[i] ?? null;
        const text = formatValue(v, c.unit, lang);
        return (
          <td key={c.id} className="col-num" data-column={drill ? c.id : undefined} data-unit={drill ? c.unit : undefined}>
            {drill && row.drill && v !== null && c.unit === 'count' ? (
              <DrillButton
                spoken={t('reports.table.cellDrill', { row: row.label, column: c.label, value: text })}
                title={`${table.title} / ${row.label} / ${c.label}`}
                target={{ tableId: table.id, rowKey: row.key, columnId: c.id }}
                onDrill={onDrill}
                {...(tabbableColumn === undefined ? {} : { tabIndex: i === tabbableColumn ? 0 : -1 })}
              >
                {text}
              </DrillButton>
            ) : (
              text
            )}
          </td>
        );
      })}
    </>
  );
}
