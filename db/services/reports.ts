/**
 * Supervisor reports (db/reports/ holds the periods, scopes, sections, drill-down and exports).
 * The main side authorises and prepares a request (role, scope, period) and writes the heading;
 * the heavy section and drill-down statements run in the session's report worker
 * (db/reports/worker-host.ts), so Electron's main process stays free. Progress arrives per section.
 * Exports read their numbers there too (the research extract's cross tables included); the file
 * is saved through the shell and audited here.
 */
import type { DrillResult, DrillTarget, ParsedInputOf, Report, ReportExportResult, ReportRequest, ReportSection } from '../contract';
import type { OfficeCore } from '../core';
import { exportReport as exportFile, type ReportReader } from '../reports/export';
import { prepare, reportHead, SECTIONS } from '../reports/run';
import type { ReportWorker } from '../reports/worker-host';
import type { ServiceContext } from '../write';
import { authorizeScope, listUnits } from '../reports/scope';
import { requireCaseworker } from './casework-shared';

export function runReport(core: OfficeCore, input: ParsedInputOf<'reports.run'>): Promise<Report> {
  return runInWorker(core.reportWorker(), core.context(), input.request, (done, total) => core.emit('progress', { task: 'report', done, total }));
}

export function drillReport(core: OfficeCore, input: ParsedInputOf<'reports.drill'>): Promise<DrillResult> {
  return drillInWorker(core.reportWorker(), core.context(), input.request, input.target);
}

/** db/reports/drill.ts's drillReport: authorised and prepared here, the list found by the worker. */
export async function drillInWorker(worker: ReportWorker, ctx: ServiceContext, request: ReportRequest, target: DrillTarget): Promise<DrillResult> {
  return worker.drill(prepare(ctx, request), target);
}

/** The same report as db/reports/run.ts's runReport, its sections computed by the worker. */
export async function runInWorker(
  worker: ReportWorker,
  ctx: ServiceContext,
  request: ReportRequest,
  progress?: (done: number, total: number) => void,
): Promise<Report> {
  const p = prepare(ctx, request);
  const head = reportHead(ctx, p);
  const sections: ReportSection[] = [];
  progress?.(0, SECTIONS.length);
  await worker.sections(p, (section) => {
    sections.push(section);
    progress?.(sections.length, SECTIONS.length);
  });
  return { ...head, sections };
}

/** The export's numbers, read by the session's report worker; authorised and prepared on the main side first. */
export function workerReader(worker: () => ReportWorker): ReportReader {
  return {
    report: (ctx, request) => runInWorker(worker(), ctx, request),
    research: (_ctx, p, generatedAt) => worker().research(p, generatedAt),
  };
}

export function exportReport(core: OfficeCore, input: ParsedInputOf<'reports.export'>): Promise<ReportExportResult> {
  const ctx = core.context();
  authorizeScope(ctx, input.request.scope);
  return exportFile(ctx, core.shell(), input.request, input.format, workerReader(() => core.reportWorker()));
}

export function reportUnits(core: OfficeCore): string[] {
  const ctx = core.context();
  requireCaseworker(ctx);
  return listUnits(ctx);
}
