/**
 * Report exports: CSV bytes (BOM, CRLF, RFC 4180) parsed back with csv-parse, XLSX read back with
 * exceljs (sheets, numeric cells, percent format), the PDF from the shell, the audit entry, a
 * cancelled Save dialog, and the research extract (suppression, no personal data).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportRequest } from '../../db/contract';
import { csvBytes } from '../../db/reports/export-csv';
import { exportReport } from '../../db/reports/export';
import { runReport } from '../../db/reports/run';
import { reportOfficeWithShell, type ReportFixture } from '../helpers/report-office';
import { PRINTED } from '../helpers/report-shell';

let t: ReportFixture['t'];
let office: ReportFixture['office'];
let sh: ReportFixture['sh'];
beforeAll(async () => {
  ({ t, office, sh } = await reportOfficeWithShell('hogo-reports-'));
}, 120_000);
afterAll(() => t.cleanup());

const REQ: ReportRequest = { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang: 'ja' };

function cells(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const s of report.sections) {
    for (const f of s.figures) out.set(f.id, f.value);
    for (const tb of s.tables) for (const r of tb.rows) tb.columns.forEach((c, i) => out.set(`${tb.id}|${r.label}|${c.label}`, r.values[i] ?? null));
  }
  return out;
}

const audits = () =>
  office.db.prepare("SELECT after_json FROM audit_log WHERE action = 'report.export' ORDER BY id").pluck().all() as (string | null)[];

describe('CSV', () => {
  it('quotes per RFC 4180 with CRLF line ends and a BOM', () => {
    const bytes = csvBytes([['a,b', 'say "hi"', 'line\nbreak', 12.5, null], ['plain']]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).toBe('"a,b","say ""hi""","line\nbreak",12.5,\r\nplain\r\n');
  });

  it('defuses text Excel would take for a formula; numbers stay numbers', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes([['=HYPERLINK("x")', '+1', '-a', '@b', 'ok', -3]]));
    expect(text.slice(1)).toBe('"\'=HYPERLINK(""x"")",\'+1,\'-a,\'@b,ok,-3\r\n');
  });

  it('exports the report: header block, then one tidy row per value that parses back to the report', async () => {
    const ctx = office.as(office.supervisorId);
    const before = audits().length;
    const res = await exportReport(ctx, sh.shell, REQ, 'csv');
    expect(res.fileName).toBe('hogo-report-2026-04-01_2027-03-31-office.csv');
    const bytes = readFileSync(res.path!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n').length).toBeGreaterThan(100);
    // Outside quoted fields every line ends in CRLF.
    expect(/(^|[^\r])\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false);
    const rows = parse(text, { relax_column_count: true }) as string[][];
    expect(rows[1]).toEqual(['事務所', 'デモ保護観察所']);
    expect(rows[2]!.slice(2)).toEqual(['2026-04-01', '2027-03-31']);
    expect(rows[4]![0]).toBe('作成者');
    const head = rows.findIndex((r) => r[0] === '節');
    expect(rows[head]).toEqual(['節', '項目ID', '項目', '行', '列', '値', '単位', '定義']);
    const report = await runReport(ctx, REQ);
    const expected = cells(report);
    const got = new Map(
      rows.slice(head + 1).map((r) => [r[3] ? `${r[1]}|${r[3]}|${r[4]}` : r[1]!, r[5] === '' ? null : Number(r[5])] as const),
    );
    expect(got.size).toBe(expected.size);
    for (const [k, v] of expected) expect(got.get(k), k).toBe(v);
    // The VPO list, cut to its top rows on screen and in print, is whole in the export.
    const byVpo = report.sections[0]!.tables.find((tb) => tb.id === 'caseload.byVpo')!;
    expect(byVpo.growsWithOffice).toBe(true);
    expect(byVpo.rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r[1] === 'caseload.byVpo')).toHaveLength(byVpo.rows.length);
    // Months counted: the bare number, its unit named in its own column.
    const months = rows.find((r) => r[1] === 'compliance.months')!;
    expect([months[5], months[6]]).toEqual([String(report.sections[1]!.figures.find((f) => f.id === 'compliance.months')!.value), 'months']);
    // Definitions travel with the numbers.
    expect(rows.slice(head + 1).every((r) => r[7]!.length > 10)).toBe(true);
    expect(audits().length).toBe(before + 1);
    expect(JSON.parse(audits().at(-1)!)).toEqual({ format: 'csv', from: '2026-04-01', to: '2027-03-31', scope: 'office' });
  });

  it('writes nothing and audits nothing when the Save dialog is cancelled', async () => {
    const before = audits().length;
    sh.state.cancel = true;
    try {
      const res = await exportReport(office.as(office.supervisorId), sh.shell, REQ, 'csv');
      expect(res).toEqual({ fileName: 'hogo-report-2026-04-01_2027-03-31-office.csv', path: null });
    } finally {
      sh.state.cancel = false;
    }
    expect(audits().length).toBe(before);
  });
});

describe('XLSX', () => {
  it('has a cover and one sheet per section, numbers as numeric cells and percents formatted as such', async () => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { ...REQ, lang: 'en', scope: { kind: 'officer', officerId: office.officerId } };
    const res = await exportReport(ctx, sh.shell, req, 'xlsx');
    expect(res.fileName).toMatch(/^hogo-report-2026-04-01_2027-03-31-officer-[\w-]+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(res.path!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Caseload', 'Compliance', 'Drugs', 'Support', 'Outcomes']);
    expect(wb.getWorksheet('Cover')!.getCell('B2').value).toBe('デモ保護観察所');
    const report = await runReport(ctx, req);
    const ws = wb.getWorksheet('Compliance')!;
    expect(ws.getColumn(8).width).toBeGreaterThan(40);
    const byId = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row, n) => n > 1 && !row.getCell(4).value && byId.set(String(row.getCell(2).value), row.getCell(6)));
    const due = report.sections[1]!.figures.find((f) => f.id === 'compliance.due')!;
    expect(byId.get('compliance.due')!.type).toBe(ExcelJS.ValueType.Number);
    expect(byId.get('compliance.due')!.value).toBe(due.value);
    const rate = report.sections[1]!.figures.find((f) => f.id === 'compliance.rate')!;
    expect(rate.value).not.toBeNull();
    expect(byId.get('compliance.rate')!.type).toBe(ExcelJS.ValueType.Number);
    expect(byId.get('compliance.rate')!.value as number).toBeCloseTo(rate.value! / 100, 6);
    expect(byId.get('compliance.rate')!.numFmt).toContain('%');
    expect(JSON.parse(audits().at(-1)!)).toMatchObject({ format: 'xlsx', scope: 'officer', officerId: office.officerId });
  });
});

describe('PDF', () => {
  it('saves what the shell printed, under the report file name, and audits it', async () => {
    const res = await exportReport(office.as(office.supervisorId), sh.shell, REQ, 'pdf');
    expect(res.fileName).toBe('hogo-report-2026-04-01_2027-03-31-office.pdf');
    expect(new Uint8Array(readFileSync(res.path!))).toEqual(PRINTED);
    expect(JSON.parse(audits().at(-1)!)).toMatchObject({ format: 'pdf' });
  });
});

describe('research extract', () => {
  it('holds aggregated tables only: no names, birth dates, addresses or ids, small cells suppressed', async () => {
    const ctx = office.as(office.supervisorId);
    const res = await exportReport(ctx, sh.shell, REQ, 'research');
    expect(res.fileName).toBe('hogo-research-2026-04-01_2027-03-31.csv');
    const text = readFileSync(res.path!, 'utf8');
    const people = office.db
      .prepare("SELECT family_name || ' ' || given_name AS n, family_name || given_name AS m, birth_date AS b, address AS a, id FROM supervisees")
      .all() as { n: string; m: string; b: string; a: string; id: string }[];
    expect(people.length).toBeGreaterThan(100);
    for (const p of people) {
      for (const v of [p.n, p.m, p.b, p.id, ...(p.a ? [p.a] : [])]) expect(text.includes(v), 'personal data in the extract').toBe(false);
    }
    for (const id of office.db.prepare('SELECT id FROM users UNION ALL SELECT id FROM vpos UNION ALL SELECT id FROM cases').pluck().all() as string[]) {
      expect(text.includes(id)).toBe(false);
    }
    const staff = office.db.prepare('SELECT display_name FROM users').pluck().all() as string[];
    for (const n of staff) expect(text.includes(n)).toBe(false);
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][];
    const head = rows.findIndex((r) => r[0] === '表ID');
    const values = rows.slice(head + 1).map((r) => r[4]!);
    expect(values.length).toBeGreaterThan(50);
    for (const v of values) expect(v === '<5' || v === 'X' || v === '0' || Number(v) >= 5, v).toBe(true);
    expect(values).toContain('<5');
    expect(rows.slice(head + 1).some((r) => r[0] === 'research.categoryByAge')).toBe(true);
  });
});
