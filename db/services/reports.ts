/**
 * Supervisor reports (db/reports/ holds the periods, scopes, sections, drill-down and exports).
 * Reports run in Electron's main process, never the renderer's thread; a report yields to the
 * event loop between sections and reports its progress, so other calls stay answered.
 */
import type { DrillResult, ParsedInputOf, Report, ReportExportResult } from '../contract';
import type { OfficeCore } from '../core';
import { drillReport as drill } from '../reports/drill';
import { exportReport as exportFile } from '../reports/export';
import { runReport as run } from '../reports/run';
import { authorizeScope, listUnits } from '../reports/scope';
import { requireCaseworker } from './casework-shared';

export function runReport(core: OfficeCore, input: ParsedInputOf<'reports.run'>): Promise<Report> {
  return run(core.context(), input.request, (done, total) => core.emit('progress', { task: 'report', done, total }));
}

export async function drillReport(core: OfficeCore, input: ParsedInputOf<'reports.drill'>): Promise<DrillResult> {
  return drill(core.context(), input.request, input.target);
}

export function exportReport(core: OfficeCore, input: ParsedInputOf<'reports.export'>): Promise<ReportExportResult> {
  const ctx = core.context();
  authorizeScope(ctx, input.request.scope);
  return exportFile(ctx, core.shell(), input.request, input.format);
}

export function reportUnits(core: OfficeCore): string[] {
  const ctx = core.context();
  requireCaseworker(ctx);
  return listUnits(ctx);
}
