/**
 * How report numbers read: a count or a number of months as a whole number, a rate with one
 * decimal, days with one decimal; null (not applicable) as "—", never 0. Pure, so the print, the screen and the tests agree.
 */
import type { ReportUnit } from '../../../db/channels/reports';

export const NOT_APPLICABLE = '—';

export function formatValue(value: number | null, unit: ReportUnit, lang: 'ja' | 'en'): string {
  if (value === null || !Number.isFinite(value)) return NOT_APPLICABLE;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const digits = unit === 'count' || unit === 'months' ? 0 : 1;
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Whether the unit is written beside the number: Japanese counts read "12件", but an English count
 * needs no word ("Contacts due 12", not "12 count"); its label already says what is counted.
 */
export function showsUnit(unit: ReportUnit, lang: 'ja' | 'en'): boolean {
  return !(unit === 'count' && lang === 'en');
}

/** The value with its unit, e.g. "12件", "34.5%", "12.3 days", "7か月"; "—" alone when not applicable. */
export function formatWithUnit(value: number | null, unit: ReportUnit, lang: 'ja' | 'en', unitText: string): string {
  const text = formatValue(value, unit, lang);
  if (text === NOT_APPLICABLE || !showsUnit(unit, lang)) return text;
  if (unit === 'percent' || lang === 'ja') return `${text}${unitText}`;
  return `${text} ${unitText}`;
}

/** A short spoken summary of a chart's rows: "Tokyo 12, Osaka 3" (at most `max` rows named). */
export function chartSummary(items: { label: string; text: string }[], max = 8): string {
  const named = items.slice(0, max).map((i) => `${i.label} ${i.text}`);
  return items.length > max ? `${named.join(', ')}, …` : named.join(', ');
}
