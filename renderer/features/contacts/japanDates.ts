/**
 * Calendar arithmetic for daily casework, on Japan dates (YYYY-MM-DD) and months (YYYY-MM). Pure:
 * no React, no DOM. Japan has one fixed offset (+09:00, no daylight saving), so "today in Japan" and
 * an appointment's instant are computed from it directly, whatever zone the computer is set to.
 */
const JST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function isoOf(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today's calendar date in Japan at the instant `now` (ms since the epoch). */
export function japanToday(now: number): string {
  return isoOf(new Date(now + JST_MS));
}

/** The clock time in Japan at `now`, HH:MM. */
export function japanClock(now: number): string {
  const d = new Date(now + JST_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The instant of a Japan date and HH:MM, as an ISO string with the +09:00 offset. */
export function japanInstant(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** Japan date and HH:MM of an ISO instant. */
export function japanParts(instant: string): { date: string; time: string } {
  const ms = Date.parse(instant);
  return { date: japanToday(ms), time: japanClock(ms) };
}

/** Milliseconds since the epoch of a Japan date and HH:MM. */
export function japanMs(date: string, time: string): number {
  return Date.parse(japanInstant(date, time));
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = utcDate(s);
  return !Number.isNaN(d.getTime()) && isoOf(d) === s;
}

export function isIsoMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

export function isClockTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

export function addDays(date: string, n: number): string {
  return isoOf(new Date(utcDate(date).getTime() + n * DAY_MS));
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastOfMonth(month: string): string {
  return addDays(firstOfMonth(addMonths(month, 1)), -1);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (utcDate(date).getUTCDay() + 6) % 7;
}

/** The Monday of the week that contains `date` (weeks run Monday to Sunday). */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function pad2(s: string): string {
  return s.padStart(2, '0');
}

/**
 * A date as typed: 2026-11-26, 2026/11/26, 2026.11.26, 20261126 or 2026年11月26日, full-width
 * digits too. Null unless it is a real calendar date.
 */
export function parseDateText(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  return isIsoDate(iso) ? iso : null;
}

/** A month as typed: 2026-11, 2026/11, 202611 or 2026年11月. */
export function parseMonthText(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${pad2(m[2]!)}`;
  return isIsoMonth(iso) ? iso : null;
}

/** A 24-hour clock time as typed: 9:05, 09:05, 0905, 905 or 9時05分. */
export function parseTimeText(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{1,2})\s*[:時]\s*(\d{2})\s*分?$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return null;
  const hhmm = `${pad2(m[1]!)}:${m[2]}`;
  return isClockTime(hhmm) ? hhmm : null;
}
