/**
 * The office clock and calendar in Japan: today's date and time for an instant, where a Japan day
 * begins, and day/month arithmetic on ISO strings. Japan has had no daylight saving time since
 * 1951, so a fixed +09:00 offset is exact. Supervision date *rules* live in ./dates.
 */
const DAY_MS = 86_400_000;
export const JST_OFFSET_MS = 9 * 3_600_000;

/** Today's calendar date in Japan for an instant (Japan has no daylight saving time). */
export function japanDate(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}
/** HH:MM in Japan for an instant. */
export function japanTime(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(11, 16);
}
/** The UTC instant (ms) at which a Japan calendar date begins. */
export function japanDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

