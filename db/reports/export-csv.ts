/**
 * CSV for Excel in Japan: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. A header block
 * (office, period, scope, author, time) and then long ("tidy") rows: one value per line with its
 * section, item, row, column, unit and definition.
 */
import type { Report } from '../contract';
import { say, type Text } from './build';
import type { ReportLang } from './period';

export type Cell = string | number | null;

const BOM = '\uFEFF';

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. Text
 * that Excel would read as a formula (a name typed as "=…", "+…", "-…", "@…") gets a leading
 * apostrophe, so opening the file never runs anything.
 */
export function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvBytes(lines: Cell[][]): Uint8Array {
  return new TextEncoder().encode(BOM + lines.map((l) => l.map(csvField).join(',') + '\r\n').join(''));
}

export const HEADER_LABELS: Record<'title' | 'office' | 'period' | 'scope' | 'author' | 'generatedAt', Text> = {
  title: ['保護観察 報告書', 'Probation report'],
  office: ['事務所', 'Office'],
  period: ['期間', 'Period'],
  scope: ['範囲', 'Scope'],
  author: ['作成者', 'Author'],
  generatedAt: ['作成日時', 'Generated at'],
};

export const TIDY_COLUMNS: Record<string, Text> = {
  section: ['節', 'section'],
  itemId: ['項目ID', 'item id'],
  itemLabel: ['項目', 'item label'],
  row: ['行', 'row'],
  column: ['列', 'column'],
  value: ['値', 'value'],
  unit: ['単位', 'unit'],
  definition: ['定義', 'definition'],
};

export function headerBlock(report: Report, lang: ReportLang): Cell[][] {
  return [
    [say(HEADER_LABELS.title, lang)],
    [say(HEADER_LABELS.office, lang), report.officeName],
    [say(HEADER_LABELS.period, lang), report.periodLabel, report.from, report.to],
    [say(HEADER_LABELS.scope, lang), report.scopeLabel],
    [say(HEADER_LABELS.author, lang), report.author],
    [say(HEADER_LABELS.generatedAt, lang), report.generatedAt],
  ];
}

/** Every figure and table cell of a section as tidy rows (section, id, label, row, column, value, unit, definition). */
export function tidyRows(report: Report): { sectionId: string; cells: Cell[]; unit: string }[] {
  const out: { sectionId: string; cells: Cell[]; unit: string }[] = [];
  for (const s of report.sections) {
    for (const f of s.figures) out.push({ sectionId: s.id, unit: f.unit, cells: [s.title, f.id, f.label, '', '', f.value, f.unit, f.definition] });
    for (const t of s.tables) {
      for (const r of t.rows) {
        t.columns.forEach((c, i) =>
          out.push({ sectionId: s.id, unit: c.unit, cells: [s.title, t.id, t.title, r.label, c.label, r.values[i] ?? null, c.unit, t.definition] }),
        );
      }
    }
  }
  return out;
}

export function reportCsv(report: Report): Uint8Array {
  const lang = report.request.lang;
  return csvBytes([
    ...headerBlock(report, lang),
    [],
    Object.values(TIDY_COLUMNS).map((t) => say(t, lang)),
    ...tidyRows(report).map((r) => r.cells),
  ]);
}
