/**
 * Supervisor reports: caseload, compliance, drug program and testing, support outcomes, measures
 * and terminations, for a period (Japan calendar days, inclusive) and a scope (office, unit,
 * officer). Every figure carries its definition; every count can be drilled into the cases behind it.
 */
import { z } from 'zod';
import { channel, isoDate, uuid } from './define';

/** Periods are Japan calendar days, inclusive. Fiscal year N = N-04-01 .. (N+1)-03-31; quarter 1 = Apr–Jun of FY N. */
const fiscalYear = z.number().int().min(1990).max(2100);

export const reportPeriod = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('month'),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM (01–12)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('quarter'),
      fiscalYear,
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    })
    .strict(),
  z.object({ kind: z.literal('fiscalYear'), fiscalYear }).strict(),
  /** to >= from, at most 5 years (checked by the service: VALIDATION). */
  z.object({ kind: z.literal('custom'), from: isoDate, to: isoDate }).strict(),
]);
export type ReportPeriod = z.infer<typeof reportPeriod>;

export const reportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('office') }).strict(),
  z.object({ kind: z.literal('unit'), unit: z.string().trim().min(1).max(40) }).strict(),
  z.object({ kind: z.literal('officer'), officerId: uuid }).strict(),
]);
export type ReportScope = z.infer<typeof reportScope>;

export const reportRequest = z
  .object({
    period: reportPeriod,
    scope: reportScope,
    lang: z.enum(['ja', 'en']),
  })
  .strict();
export type ReportRequest = z.infer<typeof reportRequest>;

export const REPORT_SECTION_IDS = ['caseload', 'compliance', 'drugs', 'support', 'outcomes'] as const;
/** outcomes = measures + terminations by reason. */
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

/** 'months': a whole number of calendar months ("7か月", "7 months" on screen; the number alone in exports). */
export type ReportUnit = 'count' | 'percent' | 'days' | 'months';

export interface ReportFigure {
  /** Stable, e.g. 'compliance.overdueCases'. */
  id: string;
  label: string;
  /** In request.lang; says "counted per case" where national statistics count per case. */
  definition: string;
  /** null = not applicable (a rate with a zero denominator): shown as "—", never 0. */
  value: number | null;
  unit: ReportUnit;
  drill: boolean;
}

export interface ReportTable {
  id: string;
  title: string;
  definition: string;
  /** First column header. */
  dimension: string;
  columns: { id: string; label: string; unit: ReportUnit }[];
  rows: { key: string; label: string; values: (number | null)[]; drill: boolean }[];
  chart: 'bar' | 'stackedBar' | 'pie' | 'none';
  /**
   * One row per member of a list that grows with the office (VPOs: ~13,000 rows at demo scale 100).
   * The screen shows the largest rows first with a "show all" toggle (every row then in a
   * virtualized table: only the rows near the view are in the DOM); print shows the top rows and
   * says how many more the CSV/XLSX hold, whatever the screen shows; exports always carry every row.
   */
  growsWithOffice?: boolean;
}

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  /** e.g. "test results hidden for cases you may not see". */
  notes: string[];
}

export type ReportEmpty = null | 'noCasesInScope' | 'noCasesInPeriod';

export interface Report {
  request: ReportRequest;
  /** Japan calendar dates, inclusive. */
  from: string;
  to: string;
  periodLabel: string;
  scopeLabel: string;
  officeName: string;
  author: string;
  /** ISO instant. */
  generatedAt: string;
  /** The UI shows an explanatory empty state instead of zeros. */
  empty: ReportEmpty;
  sections: ReportSection[];
}

export const drillTarget = z.union([
  z.object({ figureId: z.string().min(1).max(80) }).strict(),
  z
    .object({
      tableId: z.string().min(1).max(80),
      rowKey: z.string().min(1).max(120),
      columnId: z.string().min(1).max(80).optional(),
    })
    .strict(),
]);
export type DrillTarget = z.infer<typeof drillTarget>;

export interface DrillRow {
  caseId: string;
  personId: string;
  name: string;
  officerName: string;
  category: string;
  detail: string;
}

export interface DrillResult {
  title: string;
  total: number;
  /** All cases behind that number, sorted by name kana. */
  rows: DrillRow[];
}

export const REPORT_EXPORT_FORMATS = ['pdf', 'csv', 'xlsx', 'research'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export interface ReportExportResult {
  fileName: string;
  /** null = the user cancelled the Save dialog (nothing audited). */
  path: string | null;
}

export const reportsChannels = {
  /** Emits `progress` events { task: 'report', done, total } section by section. */
  'reports.run': channel<Report>()(z.object({ request: reportRequest }).strict()),
  'reports.drill': channel<DrillResult>()(z.object({ request: reportRequest, target: drillTarget }).strict()),
  'reports.export': channel<ReportExportResult>()(
    z.object({ request: reportRequest, format: z.enum(REPORT_EXPORT_FORMATS) }).strict(),
  ),
  /** Units that have staff. */
  'reports.units': channel<string[]>()(z.object({}).strict()),
} as const;
