/**
 * Report periods as Japan calendar days, inclusive: a month, a quarter or a whole fiscal year
 * (April–March; fiscal year N runs N-04-01 .. (N+1)-03-31, quarter 1 is April–June of FY N), or a
 * custom range of at most five years. Labels in Japanese (era years for fiscal years) and English.
 */
import { addDays, monthEnd } from '../casework/calendar';
import type { ReportPeriod } from '../contract';
import { AppError } from '../errors';

export type ReportLang = 'ja' | 'en';

export interface ResolvedPeriod {
  from: string;
  to: string;
  label: string;
}

export const MAX_PERIOD_YEARS = 5;

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_SHORT = EN_MONTHS.map((m) => m.slice(0, 3));

const pad = (n: number) => String(n).padStart(2, '0');

/** 令和 from FY2019 (its first year reads 元年), 平成 before. */
export function eraFiscalYear(fy: number): string {
  if (fy >= 2019) return `令和${fy === 2019 ? '元' : fy - 2018}年度`;
  return `平成${fy === 1989 ? '元' : fy - 1988}年度`;
}

function fiscalRange(fy: number, firstMonth: number, months: number): { from: string; to: string } {
  // firstMonth counts from April (0 = April of FY), so months 9–11 fall in the next calendar year.
  const start = new Date(Date.UTC(fy, 3 + firstMonth, 1));
  const end = new Date(Date.UTC(fy, 3 + firstMonth + months, 1));
  const from = `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`;
  const to = addDays(`${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-01`, -1);
  return { from, to };
}

function jaDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

function enMonthYear(d: string): string {
  return `${EN_SHORT[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** The last day of a span of `years` calendar years starting on `from`. */
function lastDayOfYears(from: string, years: number): string {
  const y = Number(from.slice(0, 4)) + years;
  const md = from.slice(5);
  // 29 February plus whole years lands on 1 March in a common year (the calendar rule for terms).
  const anniversary = md === '02-29' && !isLeap(y) ? `${y}-03-01` : `${y}-${md}`;
  return addDays(anniversary, -1);
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** [from, to] and the label; VALIDATION for a range that ends before it starts or exceeds five years. */
export function resolvePeriod(p: ReportPeriod, lang: ReportLang): ResolvedPeriod {
  switch (p.kind) {
    case 'month': {
      const from = `${p.month}-01`;
      const to = monthEnd(p.month);
      const [y, m] = [Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7))];
      return { from, to, label: lang === 'ja' ? `${y}年${m}月` : `${EN_MONTHS[m - 1]} ${y}` };
    }
    case 'quarter': {
      const { from, to } = fiscalRange(p.fiscalYear, (p.quarter - 1) * 3, 3);
      const label =
        lang === 'ja'
          ? `${eraFiscalYear(p.fiscalYear)} 第${p.quarter}四半期（${jaDate(from)}〜${jaDate(to)}）`
          : `FY${p.fiscalYear} Q${p.quarter} (${enMonthYear(from)} – ${enMonthYear(to)})`;
      return { from, to, label };
    }
    case 'fiscalYear': {
      const { from, to } = fiscalRange(p.fiscalYear, 0, 12);
      const label =
        lang === 'ja'
          ? `${eraFiscalYear(p.fiscalYear)}（${p.fiscalYear}年度：${jaDate(from)}〜${jaDate(to)}）`
          : `FY${p.fiscalYear} (${enMonthYear(from)} – ${enMonthYear(to)})`;
      return { from, to, label };
    }
    case 'custom': {
      if (p.to < p.from) throw new AppError('VALIDATION', 'the period ends before it starts', { field: 'period.to' });
      if (p.to > lastDayOfYears(p.from, MAX_PERIOD_YEARS)) {
        throw new AppError('VALIDATION', `a report period is at most ${MAX_PERIOD_YEARS} years`, { field: 'period.to' });
      }
      const label = lang === 'ja' ? `${jaDate(p.from)}〜${jaDate(p.to)}` : `${p.from} – ${p.to}`;
      return { from: p.from, to: p.to, label };
    }
  }
}

/** The calendar months touching [from, to], as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    out.push(m);
    const d = addDays(monthEnd(m), 1);
    m = d.slice(0, 7);
  }
  return out;
}
