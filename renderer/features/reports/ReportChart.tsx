import { Bar, BarChart, Cell, LabelList, Legend, Pie, PieChart, XAxis, YAxis, type PieLabelRenderProps } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { barChartHeight, CHART_WIDTH, chartSeries, fitLabel } from './chartModel';
import { chartSummary, formatValue } from './format';

/** Fills with the text colour that reads on each; neighbours differ in lightness, not only hue. */
const PALETTE = [
  { fill: '#1d4f91', text: '#ffffff' },
  { fill: '#f2b134', text: '#1b2430' },
  { fill: '#6b4c9a', text: '#ffffff' },
  { fill: '#9ecae1', text: '#1b2430' },
  { fill: '#7f3b08', text: '#ffffff' },
  { fill: '#b8e0b0', text: '#1b2430' },
  { fill: '#2e6b34', text: '#ffffff' },
  { fill: '#d9d9d9', text: '#1b2430' },
] as const;
const colour = (i: number) => PALETTE[i % PALETTE.length]!;



/**
 * The chart of a report table, drawn without animation so a printed page shows it complete.
 * Every bar and slice carries its value as text; the table beside it is the accessible source,
 * the chart itself is one image with a spoken summary.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  if (table.chart === 'none' || table.rows.length === 0 || table.columns.length === 0) return null;
  const series = chartSeries(table);
  const chartUnit = series[0]!.unit;
  const data = table.rows.map((r) => {
    const point: Record<string, string | number | null> = { label: r.label };
    for (const s of series) point[s.id] = r.values[s.index] ?? null;
    return point;
  });
  const fmt = (v: unknown) => (typeof v === 'number' ? formatValue(v, chartUnit, lang) : '');
  const fmtNonZero = (v: unknown) => (typeof v === 'number' && v !== 0 ? formatValue(v, chartUnit, lang) : '');
  const first = series[0]!;
  const summary = chartSummary(
    table.rows.map((r) => ({
      label: r.label,
      text: series.map((s) => `${series.length > 1 ? `${s.label} ` : ''}${formatValue(r.values[s.index] ?? null, chartUnit, lang)}`).join(' / '),
    })),
  );
  const only = series.length === 1 && table.columns.length > 1 ? first.label : null;
  const label = t('reports.table.chartLabel', { title: only ? `${table.title} (${only})` : table.title, summary });
  const caption = only ? <p className="rp-chart-caption">{t('reports.table.chartOf', { column: only })}</p> : null;

  if (table.chart === 'pie') {
    const slices = data.filter((d) => typeof d[first.id] === 'number' && (d[first.id] as number) > 0);
    return (
      <div className="rp-chart" role="img" aria-label={label}>
        {caption}
        <PieChart width={CHART_WIDTH} height={240} accessibilityLayer={false}>
          <Pie
            data={slices}
            dataKey={first.id}
            nameKey="label"
            cx="50%"
            cy="50%"
            outerRadius={72}
            isAnimationActive={false}
            label={(p: PieLabelRenderProps) => (
              <text x={p.x} y={p.y} textAnchor={p.textAnchor === 'end' ? 'end' : 'start'} dominantBaseline="central" fill="#1b2430" fontSize={12}>
                {`${fitLabel(String(p.name ?? ''))} ${fmt(p.value)}`}
              </text>
            )}
            labelLine={{ stroke: '#525e6c' }}
          >
            {slices.map((d, i) => (
              <Cell key={String(d.label)} fill={colour(i).fill} stroke="#ffffff" />
            ))}
          </Pie>
        </PieChart>
      </div>
    );
  }

  const stacked = table.chart === 'stackedBar';
  const legend = series.length > 1;
  const height = barChartHeight(table.rows.length, series.length, stacked);
  return (
    <div className="rp-chart" role="img" aria-label={label}>
      {caption}
      <BarChart
        width={CHART_WIDTH}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 44, bottom: 4, left: 4 }}
        accessibilityLayer={false}
        barCategoryGap={4}
      >
        <XAxis type="number" hide domain={[0, 'auto']} />
        <YAxis type="category" dataKey="label" width={118} tickFormatter={fitLabel} tick={{ fontSize: 11, fill: '#1b2430' }} interval={0} />
        {legend ? (
          <Legend
            verticalAlign="bottom"
            itemSorter={null}
            wrapperStyle={{ fontSize: 11 }}
            formatter={(value: string) => <span className="rp-legend-text">{value}</span>}
          />
        ) : null}
        {series.map((s, i) => (
          <Bar key={s.id} dataKey={s.id} name={s.label} fill={colour(i).fill} isAnimationActive={false} {...(stacked ? { stackId: 'all' } : {})}>
            {stacked ? (
              <LabelList dataKey={s.id} position="center" formatter={fmtNonZero} style={{ fontSize: 10, fill: colour(i).text }} />
            ) : (
              <LabelList dataKey={s.id} position="right" formatter={fmt} style={{ fontSize: 11, fill: '#1b2430' }} />
            )}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
