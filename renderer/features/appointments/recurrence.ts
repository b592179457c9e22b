/** The number of appointments in a series. Pure. */

/** Parses a whole number from 2 to 26, else null. */
export function parseCount(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  return n >= 2 && n <= 26 ? n : null;
}
