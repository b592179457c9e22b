import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  assertNotBefore,
  assertNotFuture,
  assertSuspensionPeriod,
  daysBetween,
  daysStopped,
  endAfterInterruptions,
  isIsoDate,
  juvenileProbationEnd,
  lastDayUnderAge,
  planSupervision,
  termEnd,
  todayInJapan,
} from '../../db/casework/dates';

function errorOf(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; details: unknown };
  }
  throw new Error('expected an error');
}

describe('calendar basics', () => {
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-03-28', 365)).toBe('2027-03-28');
  });

  it('counts calendar days between dates, whatever the host time zone does with DST', () => {
    expect(daysBetween('2026-01-10', '2026-01-20')).toBe(10);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-10-25', '2026-10-26')).toBe(1); // EU DST change
    expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1); // US DST change
    expect(daysBetween('2026-01-20', '2026-01-10')).toBe(-10);
  });

  it("takes today's date in Japan (UTC+9) from an instant", () => {
    expect(todayInJapan(Date.parse('2026-11-26T00:00:00Z'))).toBe('2026-11-26');
    expect(todayInJapan(Date.parse('2026-11-26T14:59:59Z'))).toBe('2026-11-26');
    expect(todayInJapan(Date.parse('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
    expect(todayInJapan(Date.parse('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });
});

describe('terms counted by the calendar', () => {
  it('ends the day before the same calendar day N later', () => {
    expect(termEnd('2026-10-01', { years: 2 })).toBe('2028-09-30');
    expect(termEnd('2026-10-15', { years: 3 })).toBe('2029-10-14');
    expect(termEnd('2026-01-01', { years: 1 })).toBe('2026-12-31');
    expect(termEnd('2026-04-10', { months: 6 })).toBe('2026-10-09');
    expect(termEnd('2026-11-20', { months: 3 })).toBe('2027-02-19');
    expect(termEnd('2026-05-01', { years: 1, months: 6 })).toBe('2027-10-31');
  });

  it('ends on the last day of the month when the last month has no corresponding day', () => {
    expect(termEnd('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(termEnd('2024-02-29', { years: 4 })).toBe('2028-02-28');
    expect(termEnd('2024-02-29', { years: 2 })).toBe('2026-02-28');
    expect(termEnd('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(termEnd('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(termEnd('2024-01-30', { months: 1 })).toBe('2024-02-29');
    expect(termEnd('2024-01-29', { months: 1 })).toBe('2024-02-28');
    expect(termEnd('2026-08-31', { months: 6 })).toBe('2027-02-28');
    expect(termEnd('2026-03-31', { months: 6 })).toBe('2026-09-30');
  });

  it('handles the end of February in leap years', () => {
    expect(termEnd('2023-03-01', { years: 1 })).toBe('2024-02-29');
    expect(termEnd('2024-03-01', { years: 1 })).toBe('2025-02-28');
    expect(termEnd('2023-02-28', { years: 1 })).toBe('2024-02-27');
  });
});

describe('age', () => {
  it('increases on the birthday (reached at the end of the day before)', () => {
    expect(ageOn('2006-05-05', '2026-05-04')).toBe(19);
    expect(ageOn('2006-05-05', '2026-05-05')).toBe(20);
    expect(ageOn('2006-05-05', '2006-05-05')).toBe(0);
    expect(ageOn('1990-12-31', '2026-11-26')).toBe(35);
    expect(ageOn('1991-01-01', '2026-12-31')).toBe(35);
    expect(ageOn('1991-01-01', '2027-01-01')).toBe(36);
  });

  it('for a 29 February birth, increases on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
    expect(lastDayUnderAge('2004-02-29', 21)).toBe('2025-02-28');
  });

  it('gives the last day under an age as the day before that birthday', () => {
    expect(lastDayUnderAge('2009-07-15', 20)).toBe('2029-07-14');
    expect(lastDayUnderAge('2008-02-29', 20)).toBe('2028-02-28');
    expect(lastDayUnderAge('2080-02-29', 20)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(lastDayUnderAge('2009-03-01', 20)).toBe('2029-02-28');
  });
});

describe('1号 juvenile probation', () => {
  it('runs until the day before the 20th birthday when that is two years or more', () => {
    // 15 years old at the decision: five years.
    expect(juvenileProbationEnd('2011-06-10', '2026-09-01', 'until_20')).toBe('2031-06-09');
  });

  it('runs at least two years', () => {
    // 19 the week before: the 20th birthday comes within a year, so two years apply.
    expect(juvenileProbationEnd('2007-08-25', '2026-09-01', 'until_20')).toBe('2028-08-31');
    // Exactly two years to the day before the 20th birthday: both rules agree.
    expect(juvenileProbationEnd('2008-09-01', '2026-09-01', 'until_20')).toBe('2028-08-31');
    // 18 and a day short of two years to the birthday: two years win by one day.
    expect(juvenileProbationEnd('2008-08-31', '2026-09-01', 'until_20')).toBe('2028-08-31');
    // One day more than two years to the birthday: the birthday rule wins.
    expect(juvenileProbationEnd('2008-09-02', '2026-09-01', 'until_20')).toBe('2028-09-01');
  });

  it('gives specified juveniles (18–19) 6 months or 2 years as the court sets', () => {
    expect(juvenileProbationEnd('2008-01-15', '2026-09-01', 'specified_6_months')).toBe('2027-02-28');
    expect(juvenileProbationEnd('2008-01-15', '2026-08-31', 'specified_6_months')).toBe('2027-02-28');
    expect(juvenileProbationEnd('2007-01-15', '2026-09-01', 'specified_2_years')).toBe('2028-08-31');
  });

  it('refuses orders that do not fit the age', () => {
    expect(errorOf(() => juvenileProbationEnd('2010-01-15', '2026-09-01', 'specified_6_months'))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'juvenileTerm' },
    });
    expect(errorOf(() => juvenileProbationEnd('2006-08-31', '2026-09-01', 'until_20'))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'juvenileTerm' },
    });
    expect(errorOf(() => juvenileProbationEnd('2026-10-01', '2026-09-01', 'until_20'))).toMatchObject({
      code: 'END_BEFORE_START',
    });
  });
});

describe('phases per category', () => {
  const birth = '1988-04-12';

  it('1号 starts on the decision date', () => {
    expect(planSupervision({ category: '1', decisionDate: '2026-09-01', juvenileTerm: 'until_20' }, '2011-06-10')).toMatchObject([
      { seq: 1, category: '1', kind: 'juvenile_probation', startDate: '2026-09-01', endDate: '2031-06-09' },
    ]);
  });

  it('2号, 3号 and 5号 run from release to the given end date', () => {
    expect(planSupervision({ category: '3', releaseDate: '2026-10-01', sentenceEndDate: '2027-03-15' }, birth)).toMatchObject([
      { seq: 1, category: '3', kind: 'parole', startDate: '2026-10-01', endDate: '2027-03-15' },
    ]);
    expect(planSupervision({ category: '2', releaseDate: '2026-10-01', endDate: '2027-05-31' }, '2008-06-01')).toMatchObject([
      { category: '2', kind: 'juvenile_parole', startDate: '2026-10-01', endDate: '2027-05-31' },
    ]);
    expect(planSupervision({ category: '5', releaseDate: '2026-10-01', endDate: '2026-12-31' }, birth)).toMatchObject([
      { category: '5', kind: 'womens_guidance_parole' },
    ]);
    // A one-day parole is valid; an end before release is not.
    expect(planSupervision({ category: '3', releaseDate: '2026-10-01', sentenceEndDate: '2026-10-01' }, birth)).toHaveLength(1);
    expect(
      errorOf(() => planSupervision({ category: '3', releaseDate: '2026-10-01', sentenceEndDate: '2026-09-30' }, birth)),
    ).toMatchObject({ code: 'END_BEFORE_START', details: { field: 'sentenceEndDate' } });
    expect(
      errorOf(() => planSupervision({ category: '2', releaseDate: '2026-10-01', endDate: '2026-01-01' }, birth)),
    ).toMatchObject({ code: 'END_BEFORE_START', details: { field: 'endDate' } });
  });

  it('4号 runs the whole suspension period from the judgment becoming final', () => {
    expect(
      planSupervision({ category: '4', judgmentFinalDate: '2026-10-01', suspensionYears: 2, suspensionMonths: 0 }, birth),
    ).toMatchObject([{ category: '4', kind: 'probation', startDate: '2026-10-01', endDate: '2028-09-30' }]);
    expect(
      planSupervision({ category: '4', judgmentFinalDate: '2024-02-29', suspensionYears: 5, suspensionMonths: 0 }, birth),
    ).toMatchObject([{ endDate: '2029-02-28' }]);
    expect(
      planSupervision({ category: '4', judgmentFinalDate: '2026-10-01', suspensionYears: 3, suspensionMonths: 6 }, birth),
    ).toMatchObject([{ endDate: '2030-03-31' }]);
  });

  it('refuses suspension periods outside 1–5 years', () => {
    for (const [years, months] of [
      [0, 11],
      [5, 1],
      [6, 0],
      [0, 0],
    ] as const) {
      expect(
        errorOf(() =>
          planSupervision({ category: '4', judgmentFinalDate: '2026-10-01', suspensionYears: years, suspensionMonths: months }, birth),
        ),
      ).toMatchObject({ code: 'VALIDATION', details: { field: 'suspensionYears' } });
    }
    expect(() => assertSuspensionPeriod({ years: 1 })).not.toThrow();
    expect(() => assertSuspensionPeriod({ years: 5 })).not.toThrow();
    expect(() => assertSuspensionPeriod({ months: 12 })).not.toThrow();
  });

  it('partial suspended sentence: parole to the end of the unsuspended part, then the whole suspension period', () => {
    const phases = planSupervision(
      {
        category: 'partial',
        paroleReleaseDate: '2026-06-15',
        unsuspendedEndDate: '2026-12-20',
        suspensionYears: 2,
        suspensionMonths: 0,
      },
      birth,
    );
    expect(phases).toMatchObject([
      { seq: 1, category: '3', kind: 'partial_parole', startDate: '2026-06-15', endDate: '2026-12-20' },
      { seq: 2, category: '4', kind: 'partial_probation', startDate: '2026-12-21', endDate: '2028-12-20' },
    ]);
    expect(phases[0]!.rule).toMatchObject({ partialCounting: 'day_after_served', suspensionYears: 2 });
  });

  it('partial suspended sentence across a month end and a leap day', () => {
    expect(
      planSupervision(
        { category: 'partial', paroleReleaseDate: '2027-11-01', unsuspendedEndDate: '2028-02-28', suspensionYears: 3, suspensionMonths: 0 },
        birth,
      ),
    ).toMatchObject([
      { endDate: '2028-02-28' },
      { startDate: '2028-02-29', endDate: '2031-02-28' },
    ]);
    expect(
      planSupervision(
        { category: 'partial', paroleReleaseDate: '2026-09-01', unsuspendedEndDate: '2026-12-31', suspensionYears: 1, suspensionMonths: 0 },
        birth,
      ),
    ).toMatchObject([{ endDate: '2026-12-31' }, { startDate: '2027-01-01', endDate: '2027-12-31' }]);
  });

  it('partial suspended sentence served in full has only the probation phase', () => {
    expect(
      planSupervision(
        { category: 'partial', paroleReleaseDate: null, unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 },
        birth,
      ),
    ).toMatchObject([{ seq: 1, kind: 'partial_probation', startDate: '2026-12-21', endDate: '2028-12-20' }]);
  });

  it('counts the suspension period from the served day itself when so configured', () => {
    const phases = planSupervision(
      { category: 'partial', paroleReleaseDate: '2026-06-15', unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 },
      birth,
      { partialCounting: 'day_served' },
    );
    expect(phases[1]).toMatchObject({ startDate: '2026-12-21', endDate: '2028-12-19' });
  });

  it('refuses a partial sentence whose parole starts after the unsuspended part ends, or a bad period', () => {
    expect(
      errorOf(() =>
        planSupervision(
          { category: 'partial', paroleReleaseDate: '2027-01-10', unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 },
          birth,
        ),
      ),
    ).toMatchObject({ code: 'END_BEFORE_START', details: { field: 'unsuspendedEndDate' } });
    expect(
      errorOf(() =>
        planSupervision(
          { category: 'partial', paroleReleaseDate: null, unsuspendedEndDate: '2026-12-20', suspensionYears: 6, suspensionMonths: 0 },
          birth,
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'suspensionYears' } });
  });
});

describe('suspension of supervision and provisional cancellation', () => {
  it('counts the days stopped from the suspension day to the resumption day', () => {
    expect(daysStopped('2027-01-10', '2027-01-20')).toBe(10);
    expect(daysStopped('2027-01-10', '2027-01-10')).toBe(0);
    expect(daysStopped('2028-02-20', '2028-03-05')).toBe(14); // through 29 February
    expect(daysStopped('2027-02-20', '2027-03-05')).toBe(13);
    expect(daysStopped('2026-12-25', '2027-01-05')).toBe(11);
    expect(errorOf(() => daysStopped('2027-01-10', '2027-01-09'))).toMatchObject({
      code: 'END_BEFORE_START',
      details: { field: 'resumedOn' },
    });
  });

  it('moves the end later by the days stopped; an open suspension leaves the end unknown', () => {
    expect(endAfterInterruptions('2027-03-15', [])).toBe('2027-03-15');
    expect(endAfterInterruptions('2027-03-15', [{ kind: 'suspension', fromDate: '2027-01-10', toDate: '2027-01-20' }])).toBe(
      '2027-03-25',
    );
    expect(
      endAfterInterruptions('2027-12-31', [
        { kind: 'suspension', fromDate: '2027-01-10', toDate: '2027-01-20' },
        { kind: 'suspension', fromDate: '2027-05-01', toDate: '2027-06-01' },
      ]),
    ).toBe('2028-02-10');
    expect(endAfterInterruptions('2027-03-15', [{ kind: 'suspension', fromDate: '2027-01-10', toDate: null }])).toBeNull();
  });

  it('does not move the end for a provisional cancellation', () => {
    expect(
      endAfterInterruptions('2028-09-30', [{ kind: 'provisional_cancellation', fromDate: '2027-04-01', toDate: '2027-10-01' }]),
    ).toBe('2028-09-30');
    expect(
      endAfterInterruptions('2028-09-30', [{ kind: 'provisional_cancellation', fromDate: '2027-04-01', toDate: null }]),
    ).toBe('2028-09-30');
  });
});

describe('validation helpers', () => {
  it('names the field', () => {
    expect(() => assertNotBefore('2026-01-01', '2026-01-01', 'x')).not.toThrow();
    expect(errorOf(() => assertNotBefore('2026-01-02', '2026-01-01', 'endDate'))).toMatchObject({
      code: 'END_BEFORE_START',
      details: { field: 'endDate' },
    });
    expect(() => assertNotFuture('2026-11-26', '2026-11-26', 'x')).not.toThrow();
    expect(errorOf(() => assertNotFuture('2026-11-27', '2026-11-26', 'birthDate'))).toMatchObject({
      code: 'DATE_IN_FUTURE',
      details: { field: 'birthDate' },
    });
  });
});
