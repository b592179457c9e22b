import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../db/contract';
import { barChartHeight, chartSeries, fitLabel } from '../../renderer/features/reports/chartModel';

const col = (id: string, unit: 'count' | 'percent' | 'days' = 'count') => ({ id, label: id, unit });

describe('report charts', () => {
  it('draw every column of one unit side by side when there are at most three', () => {
    const t: Pick<ReportTable, 'columns' | 'chart'> = { chart: 'bar', columns: [col('active'), col('starts'), col('terminations')] };
    expect(chartSeries(t).map((s) => [s.id, s.index])).toEqual([
      ['active', 0],
      ['starts', 1],
      ['terminations', 2],
    ]);
  });

  it('never mix units in one chart', () => {
    expect(chartSeries({ chart: 'bar', columns: [col('cases'), col('rate', 'percent'), col('tests')] }).map((s) => s.id)).toEqual(['cases', 'tests']);
  });

  it("keep the table's rate when more than three counts would crowd the chart, else its first column", () => {
    const many = [col('cases'), col('due'), col('done'), col('rate', 'percent'), col('overdue')];
    expect(chartSeries({ chart: 'bar', columns: many }).map((s) => [s.id, s.index])).toEqual([['rate', 3]]);
    expect(chartSeries({ chart: 'stackedBar', columns: [col('a'), col('b'), col('c'), col('d')] }).map((s) => s.id)).toEqual(['a']);
  });

  it('draw one column in a pie, and nothing for a table without columns', () => {
    expect(chartSeries({ chart: 'pie', columns: [col('cases'), col('employed')] }).map((s) => s.id)).toEqual(['cases']);
    expect(chartSeries({ chart: 'bar', columns: [] })).toEqual([]);
  });

  it('grow with the rows, keep grouped rows thinner than one bar per full row, and leave room for a legend', () => {
    expect(barChartHeight(1, 1, false)).toBe(120);
    expect(barChartHeight(10, 1, false)).toBe(10 * 26 + 40);
    expect(barChartHeight(7, 3, false)).toBe(7 * 50 + 70);
    expect(barChartHeight(7, 3, false)).toBeLessThan(7 * 26 * 3);
    expect(barChartHeight(5, 2, true)).toBe(5 * 26 + 70);
  });

  it('cut long row labels by their width, kanji counting double', () => {
    expect(fitLabel('宮本 翔太')).toBe('宮本 翔太');
    expect(fitLabel('1号観察（保護観察処分少年）')).toBe('1号観察（保護観察…');
    expect(fitLabel('Probation (juvenile)')).toBe('Probation (juveni…');
    expect(fitLabel('Cannabis')).toBe('Cannabis');
  });
});
