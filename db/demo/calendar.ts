/** Fast calendar arithmetic for the generator: dates as day numbers (days since 1970-01-01). */
const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

export function dayOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant (ISO) of a Japan local time on a day. */
export function instantOf(day: number, hour: number, minute = 0): string {
  return new Date(day * DAY_MS + hour * 3_600_000 + minute * 60_000 - JST_MS).toISOString();
}

export function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** First day of the month containing `day`, and the number of days in that month. */
export function monthBounds(day: number): { first: number; days: number; key: string } {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const first = Date.UTC(y, m, 1) / DAY_MS;
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return { first, days, key: `${y}-${String(m + 1).padStart(2, '0')}` };
}

/** Reiwa era year of a day (2019 = Reiwa 1), for case numbers. */
export function reiwaYear(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear() - 2018;
}
