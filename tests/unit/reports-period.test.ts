/** Report periods: fiscal years April–March, quarters, months, custom ranges, labels, bad input. */
import { describe, expect, it } from 'vitest';
import { reportRequest } from '../../db/contract';
import { eraFiscalYear, resolvePeriod } from '../../db/reports/period';

const range = (p: Parameters<typeof resolvePeriod>[0]) => {
  const r = resolvePeriod(p, 'ja');
  return [r.from, r.to];
};

describe('report periods', () => {
  it('a fiscal year runs from 1 April to 31 March of the next year', () => {
    expect(range({ kind: 'fiscalYear', fiscalYear: 2026 })).toEqual(['2026-04-01', '2027-03-31']);
    expect(range({ kind: 'fiscalYear', fiscalYear: 2019 })).toEqual(['2019-04-01', '2020-03-31']);
  });

  it('quarters are April–June, July–September, October–December and January–March of the next calendar year', () => {
    expect(range({ kind: 'quarter', fiscalYear: 2026, quarter: 1 })).toEqual(['2026-04-01', '2026-06-30']);
    expect(range({ kind: 'quarter', fiscalYear: 2026, quarter: 2 })).toEqual(['2026-07-01', '2026-09-30']);
    expect(range({ kind: 'quarter', fiscalYear: 2026, quarter: 3 })).toEqual(['2026-10-01', '2026-12-31']);
    expect(range({ kind: 'quarter', fiscalYear: 2026, quarter: 4 })).toEqual(['2027-01-01', '2027-03-31']);
    // Q4 of FY2027 holds 29 February 2028.
    expect(range({ kind: 'quarter', fiscalYear: 2027, quarter: 4 })).toEqual(['2028-01-01', '2028-03-31']);
  });

  it('months end on their last day, leap years included', () => {
    expect(range({ kind: 'month', month: '2024-02' })).toEqual(['2024-02-01', '2024-02-29']);
    expect(range({ kind: 'month', month: '2023-02' })).toEqual(['2023-02-01', '2023-02-28']);
    expect(range({ kind: 'month', month: '2100-02' })).toEqual(['2100-02-01', '2100-02-28']);
    expect(range({ kind: 'month', month: '2000-02' })).toEqual(['2000-02-01', '2000-02-29']);
    expect(range({ kind: 'month', month: '2026-12' })).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('labels fiscal years by era in Japanese and as FY in English', () => {
    expect(eraFiscalYear(2026)).toBe('令和8年度');
    expect(eraFiscalYear(2019)).toBe('令和元年度');
    expect(eraFiscalYear(2018)).toBe('平成30年度');
    expect(resolvePeriod({ kind: 'fiscalYear', fiscalYear: 2026 }, 'ja').label).toContain('令和8年度');
    expect(resolvePeriod({ kind: 'fiscalYear', fiscalYear: 2026 }, 'en').label).toBe('FY2026 (Apr 2026 – Mar 2027)');
    expect(resolvePeriod({ kind: 'quarter', fiscalYear: 2026, quarter: 4 }, 'en').label).toBe('FY2026 Q4 (Jan 2027 – Mar 2027)');
    expect(resolvePeriod({ kind: 'month', month: '2026-04' }, 'ja').label).toBe('2026年4月');
    expect(resolvePeriod({ kind: 'month', month: '2026-04' }, 'en').label).toBe('April 2026');
  });

  it('custom ranges: one day, up to five years, never backwards', () => {
    expect(range({ kind: 'custom', from: '2026-05-05', to: '2026-05-05' })).toEqual(['2026-05-05', '2026-05-05']);
    expect(range({ kind: 'custom', from: '2021-04-01', to: '2026-03-31' })).toEqual(['2021-04-01', '2026-03-31']);
    // From 29 February, five calendar years end on the last day of February 2029.
    expect(range({ kind: 'custom', from: '2024-02-29', to: '2029-02-28' })).toEqual(['2024-02-29', '2029-02-28']);
    const bad = (from: string, to: string) => () => resolvePeriod({ kind: 'custom', from, to }, 'en');
    expect(bad('2024-02-29', '2029-03-01')).toThrow(expect.objectContaining({ code: 'VALIDATION', message: 'a report period is at most 5 years' }));
    expect(bad('2021-04-01', '2026-04-01')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(bad('2026-05-05', '2026-05-04')).toThrow(expect.objectContaining({ code: 'VALIDATION', message: 'the period ends before it starts' }));
  });

  it('the schema refuses month 13, quarter 5, impossible dates and extra fields', () => {
    const ok = (period: unknown) => reportRequest.safeParse({ period, scope: { kind: 'office' }, lang: 'ja' }).success;
    expect(ok({ kind: 'month', month: '2026-12' })).toBe(true);
    expect(ok({ kind: 'month', month: '2026-13' })).toBe(false);
    expect(ok({ kind: 'month', month: '2026-00' })).toBe(false);
    expect(ok({ kind: 'quarter', fiscalYear: 2026, quarter: 5 })).toBe(false);
    expect(ok({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' })).toBe(false);
    expect(ok({ kind: 'fiscalYear', fiscalYear: 2026, extra: 1 })).toBe(false);
    expect(reportRequest.safeParse({ period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang: 'fr' }).success).toBe(false);
  });
});
