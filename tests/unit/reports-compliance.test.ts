/**
 * The compliance section applies the contact-standard rules of db/casework/standards.ts (the ones
 * behind the caseload's overdue flag and the case page's standard panel): for every case and month
 * counted, the report's SQL and the pure computeStandard agree on what was due, done and overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../db/contract';
import { drillReport } from '../../db/reports/drill';
import { runReport } from '../../db/reports/run';
import type { CaseInfo } from '../../db/services/contacts';
import { evaluateCaseMonth } from '../../db/services/standards';
import { tempDir } from '../helpers/office';
import { reportOffice, REPORT_TODAY } from '../helpers/report-office';

let t: ReturnType<typeof tempDir>;
let office: Awaited<ReturnType<typeof reportOffice>>;
beforeAll(async () => {
  t = tempDir('hogo-reports-');
  office = await reportOffice(t.dir);
}, 120_000);
afterAll(() => t.cleanup());

describe('compliance uses the contact standards', () => {
  it.each(['2026-10', '2026-08', '2026-03'])('month %s: due, done and overdue cases as computeStandard says', async (month) => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period: { kind: 'month', month }, scope: { kind: 'office' }, lang: 'en' };
    const report = await runReport(ctx, req);
    const fig = (id: string) => report.sections[1]!.figures.find((f) => f.id === id)!.value;

    const cases = office.db
      .prepare(
        `SELECT id, intensity_level AS intensityLevel, start_date AS startDate, COALESCE(termination_date, planned_end_date) AS endDate
           FROM cases WHERE start_date <= @last AND COALESCE(termination_date, planned_end_date) >= @first`,
      )
      .all({ first: `${month}-01`, last: `${month}-31` }) as CaseInfo[];
    let due = 0;
    let done = 0;
    const overdue: string[] = [];
    for (const c of cases) {
      const s = evaluateCaseMonth(office.db, c, month, REPORT_TODAY);
      if (s.status === 'not_active') continue;
      due += s.po.required + s.vpo.required;
      done += Math.min(s.po.done, s.po.required) + Math.min(s.vpo.done, s.vpo.required);
      if (s.status === 'overdue') overdue.push(c.id);
    }
    expect(due).toBeGreaterThan(100);
    expect(fig('compliance.due')).toBe(due);
    expect(fig('compliance.done')).toBe(done);
    expect(fig('compliance.overdueCases')).toBe(overdue.length);
    const listed = drillReport(ctx, req, { figureId: 'compliance.overdueCases' }).rows.map((r) => r.caseId);
    expect(new Set(listed)).toEqual(new Set(overdue));
  });

  it('counts no month that has not ended yet, and says so', async () => {
    const ctx = office.as(office.supervisorId);
    const report = await runReport(ctx, { period: { kind: 'month', month: REPORT_TODAY.slice(0, 7) }, scope: { kind: 'office' }, lang: 'en' });
    const c = report.sections.find((s) => s.id === 'compliance')!;
    expect(c.figures.find((f) => f.id === 'compliance.months')).toMatchObject({ value: 0, unit: 'months' });
    expect(c.figures.find((f) => f.id === 'compliance.rate')!.value).toBeNull();
    expect(c.notes.join(' ')).toMatch(/No month of the period has ended/);
  });
});
