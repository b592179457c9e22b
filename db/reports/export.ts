/**
 * Exports: PDF (the report page as printed by the shell), CSV, XLSX and the anonymised research
 * extract. The service builds the bytes, the shell's Save dialog writes them atomically, and the
 * export is audited (format, period and scope only; no personal data). An empty report is refused:
 * no file full of zeros that look like data.
 */
import type { Report, ReportExportFormat, ReportExportResult, ReportRequest } from '../contract';
import { AppError } from '../errors';
import type { ShellPort } from '../shell';
import { mutate, type ServiceContext } from '../write';
import { reportCsv } from './export-csv';
import { reportXlsx } from './export-xlsx';
import { researchCsv } from './research';
import { emptiness, prepare, runReport } from './run';

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
  /** How the report is computed: in-process by default; the service passes the report worker. */
  compute: (ctx: ServiceContext, request: ReportRequest) => Promise<Report> = runReport,
): Promise<ReportExportResult> {
  const p = prepare(ctx, request);
  const empty = emptiness(ctx, p);
  if (empty !== null) throw new AppError('VALIDATION', 'nothing to export: the report has no cases', { field: 'request', reason: empty });
  const fileName = exportFileName(format, p.from, p.to, p.scope.slug);
  // The PDF is the page on screen (the renderer shows this report when it asks); the others are built here.
  const report = format === 'pdf' ? null : await compute(ctx, request);
  const bytes =
    report === null
      ? await shell.printPage()
      : format === 'csv'
        ? reportCsv(report)
        : format === 'xlsx'
          ? await reportXlsx(report)
          : researchCsv(ctx, p, report);
  const path = await shell.saveFile(fileName, bytes);
  if (path === null) return { fileName, path: null };
  const scope = request.scope;
  mutate(ctx, 'report.export', (tx) =>
    tx.event('reports', null, {
      format,
      from: p.from,
      to: p.to,
      scope: scope.kind,
      ...(scope.kind === 'unit' ? { unit: scope.unit } : scope.kind === 'officer' ? { officerId: scope.officerId } : {}),
    }),
  );
  return { fileName, path };
}
