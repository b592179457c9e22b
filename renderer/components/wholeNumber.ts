/** Validates a whole number typed into a field; null when not an integer within [min, max]. */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/u.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}
