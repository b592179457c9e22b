/**
 * Exports: PDF (the report page as printed by the shell), CSV, XLSX and the anonymised research
 * extract. The service builds the bytes, the shell's Save dialog writes them atomically, and the
 * export is audited (format, period and scope only; no personal data). An empty report is refused:
 * no file full of zeros that look like data.
 */
import type { ReportExportFormat, ReportExportResult, ReportRequest } from '../contract';
import { AppError } from '../errors';
import type { ShellPort } from '../shell';
import { mutate, type ServiceContext } from '../write';
import { reportCsv } from './export-csv';
import { reportXlsx } from './export-xlsx';
import { researchCsv } from './research';
import { prepare, runReport } from './run';

const EXTENSION: Record<ReportExportFormat, string> = { pdf: 'pdf', csv: 'csv', xlsx: 'xlsx', research: 'csv' };

export function exportFileName(format: ReportExportFormat, from: string, to: string, scopeSlug: string): string {
  if (format === 'research') return `hogo-research-${from}_${to}.csv`;
  return `hogo-report-${from}_${to}-${scopeSlug}.${EXTENSION[format]}`;
}

export async function exportReport(
  ctx: ServiceContext,
  shell: ShellPort,
  request: ReportRequest,
  format: ReportExportFormat,
): Promise<ReportExportResult> {
  const p = prepare(ctx, request);
  const report = await runReport(ctx, request);
  if (report.empty !== null) {
    throw new AppError('VALIDATION', 'nothing to export: the report has no cases', { field: 'request', reason: report.empty });
  }
  const fileName = exportFileName(format, report.from, report.to, p.scope.slug);
  const bytes =
    format === 'csv'
      ? reportCsv(report)
      : format === 'xlsx'
        ? await reportXlsx(report)
        : format === 'research'
          ? researchCsv(ctx, p, report)
          : await shell.printPage();
  const path = await shell.saveFile(fileName, bytes);
  if (path === null) return { fileName, path: null };
  const scope = request.scope;
  mutate(ctx, 'report.export', (tx) =>
    tx.event('reports', null, {
      format,
      from: report.from,
      to: report.to,
      scope: scope.kind,
      ...(scope.kind === 'unit' ? { unit: scope.unit } : scope.kind === 'officer' ? { officerId: scope.officerId } : {}),
    }),
  );
  return { fileName, path };
}
