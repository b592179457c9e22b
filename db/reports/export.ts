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
import { researchExtract } from './research';
import { emptiness, prepare, runReport, type Prepared } from './run';

const EXTENSION: Record<ReportExportFormat, string> = { pdf: 'pdf', csv: 'csv', xlsx: 'xlsx', research: 'csv' };

export function exportFileName(format: ReportExportFormat, from: string, to: string, scopeSlug: string): string {
  if (format === 'research') return `hogo-research-${from}_${to}.csv`;
  return `hogo-report-${from}_${to}-${scopeSlug}.${EXTENSION[format]}`;
}

/** Where the files' numbers are read: in-process here; the service passes the report worker. */
export interface ReportReader {
  report(ctx: ServiceContext, request: ReportRequest): Promise<Report>;
  /** The research extract's bytes for a prepared (authorised) request. */
  research(ctx: ServiceContext, p: Prepared, generatedAt: string): Promise<Uint8Array>;
}

export const IN_PROCESS: ReportReader = {
  report: runReport,
  research: async (ctx, p, generatedAt) => researchExtract(ctx, p, generatedAt),
};

export async function exportReport(
  ctx: ServiceContext,
  shell: ShellPort,
  request: ReportRequest,
  format: ReportExportFormat,
  reader: ReportReader = IN_PROCESS,
): Promise<ReportExportResult> {
  const p = prepare(ctx, request);
  const empty = emptiness(ctx, p);
  if (empty !== null) throw new AppError('VALIDATION', 'nothing to export: the report has no cases', { field: 'request', reason: empty });
  const fileName = exportFileName(format, p.from, p.to, p.scope.slug);
  // The PDF is the page on screen (the renderer shows this report when it asks); the others are built here.
  const bytes =
    format === 'pdf'
      ? await shell.printPage()
      : format === 'research'
        ? await reader.research(ctx, p, new Date(ctx.now()).toISOString())
        : format === 'csv'
          ? reportCsv(await reader.report(ctx, request))
          : await reportXlsx(await reader.report(ctx, request));
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
