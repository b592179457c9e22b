/**
 * XLSX via exceljs: a cover sheet with the header, then one sheet per section in the CSV's tidy
 * layout. Counts and days are numeric cells; percents are numeric fractions with a percent format.
 */
import ExcelJS from 'exceljs';
import type { Report, ReportSectionId } from '../contract';
import { say, type Text } from './build';
import { headerBlock, TIDY_COLUMNS, tidyRows } from './export-csv';

export const SHEET_NAMES: Record<'cover' | ReportSectionId, Text> = {
  cover: ['表紙', 'Cover'],
  caseload: ['ケース数', 'Caseload'],
  compliance: ['接触基準', 'Compliance'],
  drugs: ['薬物', 'Drugs'],
  support: ['支援', 'Support'],
  outcomes: ['措置・終了', 'Outcomes'],
};

const WIDTHS = [24, 28, 36, 28, 22, 12, 10, 80];

export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const lang = report.request.lang;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hogo Case';
  wb.created = new Date(report.generatedAt);

  const cover = wb.addWorksheet(say(SHEET_NAMES.cover, lang));
  cover.columns = [{ width: 16 }, { width: 48 }, { width: 14 }, { width: 14 }];
  for (const line of headerBlock(report, lang)) cover.addRow(line);
  cover.getRow(1).font = { bold: true, size: 14 };

  const rows = tidyRows(report);
  for (const s of report.sections) {
    const ws = wb.addWorksheet(say(SHEET_NAMES[s.id], lang));
    ws.columns = WIDTHS.map((width) => ({ width }));
    const head = ws.addRow(Object.values(TIDY_COLUMNS).map((t) => say(t, lang)));
    head.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows.filter((x) => x.sectionId === s.id)) {
      const cells = [...r.cells];
      const value = cells[5];
      if (r.unit === 'percent' && typeof value === 'number') cells[5] = value / 100;
      const row = ws.addRow(cells);
      const v = row.getCell(6);
      if (r.unit === 'percent') v.numFmt = '0.0%';
      else if (r.unit === 'days') v.numFmt = '0.0';
      else v.numFmt = '0';
      row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
