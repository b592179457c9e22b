/** Turning a section's counts into figures and tables, worded in the request's language. */
import type { ReportFigure, ReportSection, ReportSectionId, ReportTable, ReportUnit } from '../contract';
import type { ReportLang } from './period';
import type { Results, SectionQuery } from './engine';

/** Japanese and English text. */
export type Text = readonly [ja: string, en: string];

export interface FigureText {
  label: Text;
  definition: Text;
}

export const say = (t: Text, lang: ReportLang): string => (lang === 'ja' ? t[0] : t[1]);

/** Percent with one decimal; null when the denominator is zero (shown as "—", never 0). */
export function percent(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((1000 * n) / d) / 10;
}

export function round1(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}

export const PER_CASE: Text = [
  '保護統計と同じく事件単位（ケース単位）で数える（同じ人に複数のケースがあれば各ケースを数える）。',
  'Counted per case, as national statistics do (a person with several cases counts once per case).',
];

export function figure(
  lang: ReportLang,
  id: string,
  text: FigureText,
  value: number | null,
  unit: ReportUnit,
  drill: boolean,
): ReportFigure {
  return { id, label: say(text.label, lang), definition: say(text.definition, lang), value, unit, drill };
}

export interface ColumnSpec {
  id: string;
  label: Text;
  unit: ReportUnit;
}

export interface TableSpec {
  id: string;
  title: Text;
  definition: Text;
  dimension: Text;
  columns: ColumnSpec[];
  chart: ReportTable['chart'];
  /** See ReportTable.growsWithOffice. */
  growsWithOffice?: boolean;
}

export function table(
  lang: ReportLang,
  spec: TableSpec,
  rows: { key: string; label: string }[],
  value: (columnId: string, rowKey: string) => number | null,
  drill: boolean,
): ReportTable {
  return {
    id: spec.id,
    title: say(spec.title, lang),
    definition: say(spec.definition, lang),
    dimension: say(spec.dimension, lang),
    columns: spec.columns.map((c) => ({ id: c.id, label: say(c.label, lang), unit: c.unit })),
    rows: rows.map((r) => ({ ...r, values: spec.columns.map((c) => value(c.id, r.key)), drill })),
    chart: spec.chart,
    ...(spec.growsWithOffice ? { growsWithOffice: true } : {}),
  };
}

/** Rows for a fixed list of codes, labelled from a table of texts. */
export function codeRows(lang: ReportLang, codes: readonly string[], labels: Record<string, Text>): { key: string; label: string }[] {
  return codes.map((key) => ({ key, label: say(labels[key] ?? [key, key], lang) }));
}

/** Names of the staff, VPOs… a table's rows refer to, by id. */
export type NameLookup = (kind: 'officer' | 'vpo', id: string) => string;

export interface BuildContext {
  lang: ReportLang;
  names: NameLookup;
  /** Drug tests of some cases in scope are hidden from this viewer. */
  seeAll: boolean;
}

export interface SectionDef {
  id: ReportSectionId;
  title: Text;
  query: SectionQuery;
  build(r: Results, b: BuildContext): Omit<ReportSection, 'id' | 'title'>;
}

/** Rows for ids found in a result (officers, VPOs), sorted by label; 'none' (unassigned) last. */
export function idRows(ids: string[], label: (id: string) => string, none: string): { key: string; label: string }[] {
  const rows = ids.filter((k) => k !== 'none').map((key) => ({ key, label: label(key) }));
  rows.sort((a, b) => a.label.localeCompare(b.label, 'ja') || a.key.localeCompare(b.key));
  if (ids.includes('none')) rows.push({ key: 'none', label: none });
  return rows;
}

/** Sentences joined into one definition. */
export const def = (...parts: Text[]): Text => [parts.map((p) => p[0]).join(''), parts.map((p) => p[1]).join(' ')];
