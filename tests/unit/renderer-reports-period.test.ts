import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportRequest } from '../../db/channels/reports';
import { chartSummary, formatValue, formatWithUnit, NOT_APPLICABLE, showsUnit } from '../../renderer/features/reports/format';
import { moveRow } from '../../renderer/features/reports/listKeys';
import {
  defaultDraft,
  draftFrom,
  fiscalYearOf,
  periodRange,
  quarterMonths,
  quarterOf,
  queryFrom,
  type ReportDraft,
} from '../../renderer/features/reports/period';

const SELF = { officerId: '0b7f3c1e-2d4a-4c5b-8e6f-9a0b1c2d3e4f' };
const OTHER = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';

describe('report periods', () => {
  it('put January–March in the fiscal year before, April–December in the same year', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2026-11-26')).toBe(2026);
    expect(fiscalYearOf('2027-01-05')).toBe(2026);
  });

  it('number quarters from April', () => {
    expect(['04', '05', '06', '07', '09', '10', '12', '01', '03'].map((m) => quarterOf(`2026-${m}-15`))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quarterMonths(1)).toEqual([4, 6]);
    expect(quarterMonths(4)).toEqual([1, 3]);
  });

  it('cover whole calendar days, with leap years and the quarter that falls in the next calendar year', () => {
    expect(periodRange({ kind: 'fiscalYear', fiscalYear: 2026 })).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(periodRange({ kind: 'quarter', fiscalYear: 2026, quarter: 3 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'quarter', fiscalYear: 2027, quarter: 4 })).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(periodRange({ kind: 'month', month: '2028-02' })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange({ kind: 'month', month: '2026-02' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('every quarter of a fiscal year tiles the fiscal year without gaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), (fy) => {
        const qs = ([1, 2, 3, 4] as const).map((q) => periodRange({ kind: 'quarter', fiscalYear: fy, quarter: q }));
        const year = periodRange({ kind: 'fiscalYear', fiscalYear: fy });
        expect(qs[0]!.from).toBe(year.from);
        expect(qs[3]!.to).toBe(year.to);
        for (let i = 1; i < 4; i++) {
          const dayAfter = new Date(Date.parse(`${qs[i - 1]!.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(qs[i]!.from).toBe(dayAfter);
        }
      }),
    );
  });
});

describe('the report form', () => {
  it('opens on the current fiscal year and the whole office; an officer on their own cases', () => {
    const sup = defaultDraft('2027-02-10', null);
    expect(queryFrom(sup, null)).toEqual({ ok: true, query: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' } } });
    const off = defaultDraft('2027-02-10', SELF);
    expect(queryFrom(off, SELF)).toEqual({
      ok: true,
      query: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'officer', officerId: SELF.officerId } },
    });
  });

  it('gives an officer their own scope whatever the draft says', () => {
    const draft: ReportDraft = { ...defaultDraft('2026-11-26', SELF), scopeKind: 'officer', officerId: OTHER };
    const r = queryFrom({ ...draft, scopeKind: 'office' }, SELF);
    expect(r.ok && r.query.scope).toEqual({ kind: 'officer', officerId: SELF.officerId });
  });

  it('names the first problem of a custom range or a missing unit or officer', () => {
    const base = { ...defaultDraft('2026-11-26', null), periodKind: 'custom' as const };
    expect(queryFrom({ ...base, from: '2026-02-30' }, null)).toEqual({ ok: false, error: 'from' });
    expect(queryFrom({ ...base, from: '2026-04-01', to: '' }, null)).toEqual({ ok: false, error: 'to' });
    expect(queryFrom({ ...base, from: '2026-04-02', to: '2026-04-01' }, null)).toEqual({ ok: false, error: 'order' });
    expect(queryFrom({ ...base, from: '2021-04-01', to: '2026-04-01' }, null)).toEqual({ ok: false, error: 'tooLong' });
    expect(queryFrom({ ...base, from: '2021-04-02', to: '2026-04-01' }, null).ok).toBe(true);
    expect(queryFrom({ ...base, from: '2026-04-01', to: '2026-04-01' }, null).ok).toBe(true);
    expect(queryFrom({ ...defaultDraft('2026-11-26', null), periodKind: 'month', month: '2026-13' }, null)).toEqual({ ok: false, error: 'month' });
    expect(queryFrom({ ...defaultDraft('2026-11-26', null), scopeKind: 'unit' }, null)).toEqual({ ok: false, error: 'unit' });
    expect(queryFrom({ ...defaultDraft('2026-11-26', null), scopeKind: 'officer' }, null)).toEqual({ ok: false, error: 'officer' });
  });

  it('builds requests the service accepts, and fills the form back from them unchanged', () => {
    const draftArb = fc.record({
      periodKind: fc.constantFrom('month', 'quarter', 'fiscalYear', 'custom' as const),
      month: fc.constantFrom('2026-01', '2026-12', '2025-04'),
      fiscalYear: fc.integer({ min: 2000, max: 2099 }),
      quarter: fc.constantFrom(1, 2, 3, 4 as const),
      from: fc.constantFrom('2026-04-01', '2025-12-31'),
      to: fc.constantFrom('2026-04-01', '2027-03-31'),
      scopeKind: fc.constantFrom('office', 'unit', 'officer' as const),
      unit: fc.constantFrom('', '第一課'),
      officerId: fc.constantFrom('', OTHER),
    }) as fc.Arbitrary<ReportDraft>;
    fc.assert(
      fc.property(draftArb, fc.boolean(), (draft, isOfficer) => {
        const own = isOfficer ? SELF : null;
        const r = queryFrom(draft, own);
        if (!r.ok) return;
        expect(reportRequest.safeParse({ ...r.query, lang: 'ja' }).success).toBe(true);
        const back = queryFrom(draftFrom(r.query, defaultDraft('2026-11-26', own)), own);
        expect(back).toEqual(r);
      }),
    );
  });
});

describe('report numbers', () => {
  it('show "—" for not applicable, never 0, and the unit beside the value', () => {
    expect(formatValue(null, 'percent', 'ja')).toBe(NOT_APPLICABLE);
    expect(formatWithUnit(null, 'count', 'en', 'count')).toBe(NOT_APPLICABLE);
    expect(formatValue(0, 'count', 'ja')).toBe('0');
    expect(formatWithUnit(1234, 'count', 'ja', '件')).toBe('1,234件');
    expect(formatWithUnit(33.333, 'percent', 'en', '%')).toBe('33.3%');
    expect(formatWithUnit(12.25, 'days', 'en', 'days')).toBe('12.3 days');
    // An English count is the number alone: its label says what is counted.
    expect(formatWithUnit(1234, 'count', 'en', 'count')).toBe('1,234');
    expect(showsUnit('count', 'en')).toBe(false);
    expect(showsUnit('count', 'ja')).toBe(true);
    expect(showsUnit('months', 'en')).toBe(true);
  });

  it('summarise a chart for screen readers with at most a few rows named', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ label: `r${i}`, text: String(i) }));
    expect(chartSummary(items.slice(0, 2))).toBe('r0 0, r1 1');
    expect(chartSummary(items, 3)).toBe('r0 0, r1 1, r2 2, …');
  });

  it('move the active drill row with the keyboard within the list', () => {
    expect(moveRow('ArrowDown', 4, 5, 10)).toBe(4);
    expect(moveRow('ArrowUp', 0, 5, 10)).toBe(0);
    expect(moveRow('PageDown', 0, 50, 10)).toBe(10);
    expect(moveRow('End', 3, 50, 10)).toBe(49);
    expect(moveRow('Home', 30, 50, 10)).toBe(0);
    expect(moveRow('a', 3, 50, 10)).toBeNull();
  });
});
