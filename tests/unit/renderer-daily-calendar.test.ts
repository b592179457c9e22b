import { describe, expect, it } from 'vitest';
import { groupByDate } from '../../renderer/features/appointments/agenda';
import { formatDay, formatMonth, formatTimeRange } from '../../renderer/features/contacts/format';
import {
  addDays,
  addMonths,
  datesBetween,
  isClockTime,
  isIsoDate,
  isIsoMonth,
  japanClock,
  japanInstant,
  japanMs,
  japanParts,
  japanToday,
  lastOfMonth,
  parseDateText,
  parseMonthText,
  parseTimeText,
  startOfWeek,
  weekdayIndex,
} from '../../renderer/features/contacts/japanDates';

const JA = { lang: 'ja', era: false } as const;
const ERA = { lang: 'ja', era: true } as const;
const EN = { lang: 'en', era: false } as const;

describe('Japan dates in the renderer', () => {
  it('takes today and the clock time in Japan, whatever the computer’s zone', () => {
    // 2026-11-26 15:30 UTC is 2026-11-27 00:30 in Japan.
    const ms = Date.parse('2026-11-26T15:30:00Z');
    expect(japanToday(ms)).toBe('2026-11-27');
    expect(japanClock(ms)).toBe('00:30');
    expect(japanToday(Date.parse('2026-11-26T14:59:59Z'))).toBe('2026-11-26');
  });

  it('builds an appointment instant with the +09:00 offset and reads it back', () => {
    expect(japanInstant('2026-11-26', '10:00')).toBe('2026-11-26T10:00:00+09:00');
    expect(new Date(japanMs('2026-11-26', '10:00')).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(japanParts('2026-11-26T01:00:00.000Z')).toEqual({ date: '2026-11-26', time: '10:00' });
    expect(japanParts('2026-11-25T15:15:00.000Z')).toEqual({ date: '2026-11-26', time: '00:15' });
  });

  it('validates dates, months and clock times', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('26-11-2026')).toBe(false);
    expect(isIsoMonth('2026-11')).toBe(true);
    expect(isIsoMonth('2026-13')).toBe(false);
    expect(isClockTime('09:05')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('9:05')).toBe(false);
  });

  it('reads dates typed year first, in the forms people use', () => {
    for (const typed of ['2026-11-05', '2026/11/05', '2026/11/5', '2026.11.5', '20261105', '2026年11月5日', '２０２６－１１－０５', ' 2026-11-05 ']) {
      expect(parseDateText(typed), typed).toBe('2026-11-05');
    }
    for (const wrong of ['', '11/05/2026', '05-11-2026', '2026-11-31', '2026-13-01', '2026115', 'yesterday', '2026-11']) {
      expect(parseDateText(wrong), wrong).toBeNull();
    }
  });

  it('reads months and 24-hour times', () => {
    for (const typed of ['2026-10', '2026/10', '202610', '2026年10月', '２０２６年１０月']) expect(parseMonthText(typed), typed).toBe('2026-10');
    expect(parseMonthText('2026-1')).toBe('2026-01');
    for (const wrong of ['', '10/2026', '2026-13', '2026-00', '2026']) expect(parseMonthText(wrong), wrong).toBeNull();
    for (const [typed, time] of [['9:05', '09:05'], ['09:05', '09:05'], ['0905', '09:05'], ['905', '09:05'], ['14時30分', '14:30'], ['１４：３０', '14:30'], ['23:59', '23:59']]) {
      expect(parseTimeText(typed!), typed).toBe(time);
    }
    for (const wrong of ['', '24:00', '9:5', '12:60', '2pm', '10']) expect(parseTimeText(wrong), wrong).toBeNull();
  });

  it('counts days and months on the calendar', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(lastOfMonth('2028-02')).toBe('2028-02-29');
    expect(datesBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0); // Monday
    expect(weekdayIndex('2026-11-29')).toBe(6); // Sunday
    expect(startOfWeek('2026-11-26')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-30')).toBe('2026-11-30');
  });

  it('formats months and days in each style', () => {
    expect(formatMonth('2026-11', JA)).toBe('2026年11月');
    expect(formatMonth('2026-11', ERA)).toBe('令和8年11月');
    expect(formatMonth('2026-11', EN)).toBe('November 2026');
    expect(formatDay('2026-11-26', JA)).toBe('2026年11月26日（木）');
    expect(formatDay('2026-11-26', EN)).toBe('Thu 26 Nov 2026');
    expect(formatDay('2026-01-04', EN)).toBe('Sun 4 Jan 2026');
    expect(formatTimeRange('10:00', '11:30')).toBe('10:00–11:30');
  });

  it('groups agenda rows by day, keeping empty days', () => {
    const rows = [
      { id: 'a', date: '2026-11-24' },
      { id: 'b', date: '2026-11-26' },
      { id: 'c', date: '2026-11-26' },
      { id: 'x', date: '2026-12-01' },
    ] as unknown as Parameters<typeof groupByDate>[0];
    const grouped = groupByDate(rows, datesBetween('2026-11-23', '2026-11-29'));
    expect([...grouped.keys()]).toHaveLength(7);
    expect(grouped.get('2026-11-23')).toEqual([]);
    expect(grouped.get('2026-11-26')?.map((r) => r.id)).toEqual(['b', 'c']);
    expect([...grouped.values()].flat().map((r) => r.id)).not.toContain('x');
  });
});
