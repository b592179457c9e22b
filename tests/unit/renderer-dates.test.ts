import { describe, expect, it } from 'vitest';
import { changeLines } from '../../renderer/features/audit/auditFormat';
import { formatCountdown, formatDate, formatDateTime, formatMoment, formatTime } from '../../renderer/i18n/dates';

const JA = { lang: 'ja', era: false } as const;
const ERA = { lang: 'ja', era: true } as const;
const EN = { lang: 'en', era: false } as const;

describe('date formatting', () => {
  it('formats a calendar date in each style', () => {
    expect(formatDate('2026-11-26', JA)).toBe('2026年11月26日');
    expect(formatDate('2026-11-26', ERA)).toBe('令和8年11月26日');
    expect(formatDate('2026-11-26', EN)).toBe('26 Nov 2026');
  });

  it('reads YYYY-MM-DD as a local calendar day, whatever the time zone', () => {
    expect(formatDate('2026-01-01', JA)).toBe('2026年1月1日');
    expect(formatDate('2025-12-31', EN)).toBe('31 Dec 2025');
  });

  it('follows the era change of 2019-05-01', () => {
    expect(formatDate('2019-04-30', ERA)).toBe('平成31年4月30日');
    expect(formatDate('2019-05-01', ERA)).toMatch(/^令和(元|1)年5月1日$/);
  });

  it('ignores the era setting in English', () => {
    expect(formatDate('2026-11-26', { lang: 'en', era: true })).toBe('26 Nov 2026');
  });

  it('formats instants in local time', () => {
    const d = new Date(2026, 10, 26, 9, 5, 7);
    expect(formatTime(d)).toBe('09:05');
    expect(formatDateTime(d, JA)).toBe('2026年11月26日 09:05:07');
    expect(formatDateTime(d, EN)).toBe('26 Nov 2026 09:05:07');
    expect(formatMoment(d, JA, new Date(2026, 10, 26, 20, 0))).toBe('09:05');
    expect(formatMoment(d, JA, new Date(2026, 10, 27, 1, 0))).toBe('2026年11月26日 09:05');
  });

  it('returns nothing for an unreadable value', () => {
    expect(formatDate('not a date', JA)).toBe('');
    expect(formatDateTime('', EN)).toBe('');
  });

  it('counts down in m:ss and h:mm:ss, never below zero', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5000)).toBe('0:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(599_100)).toBe('10:00');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
  });
});

describe('audit change lines', () => {
  it('lists a new record field by field, in a readable order, without row timestamps', () => {
    const lines = changeLines({
      before: null,
      after: { updated_at: 'x', role: 'officer', id: 'u1', login: 'sato', active: 1, created_at: 'x', display_name: '佐藤' },
    });
    expect(lines.map((l) => l.field)).toEqual(['login', 'display_name', 'role', 'active']);
    expect(lines.every((l) => l.kind === 'set')).toBe(true);
  });

  it('shows an update as before and after', () => {
    expect(changeLines({ before: { active: 1 }, after: { active: 0 } })).toEqual([
      { field: 'active', before: 1, after: 0, kind: 'change' },
    ]);
    expect(changeLines({ before: { note: 'a' }, after: {} })[0]?.kind).toBe('removed');
    expect(changeLines({ before: null, after: null })).toEqual([]);
  });
});
