/** Supervisor reports: run, drill, export, units (db/reports/ holds the sections). */
import type { DrillResult, ParsedInputOf, Report, ReportExportResult } from '../contract';
import type { OfficeCore } from '../core';
import { AppError } from '../errors';

export async function runReport(_core: OfficeCore, _input: ParsedInputOf<'reports.run'>): Promise<Report> {
  throw new AppError('INVALID_STATE', 'reports are not available yet');
}
export async function drillReport(_core: OfficeCore, _input: ParsedInputOf<'reports.drill'>): Promise<DrillResult> {
  throw new AppError('INVALID_STATE', 'reports are not available yet');
}
export async function exportReport(_core: OfficeCore, _input: ParsedInputOf<'reports.export'>): Promise<ReportExportResult> {
  throw new AppError('INVALID_STATE', 'reports are not available yet');
}
export function reportUnits(_core: OfficeCore): string[] {
  throw new AppError('INVALID_STATE', 'reports are not available yet');
}
