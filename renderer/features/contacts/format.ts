/** Display of months, days and times for daily casework. Pure: no React. */
import { format } from 'date-fns';
import { enUS, ja } from 'date-fns/locale';
import { formatDate, type DateStyle } from '../../i18n/dates';

let eraMonth: Intl.DateTimeFormat | undefined;

function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d ?? 1);
}

/** "2026年11月", "令和8年11月" or "November 2026". */
export function formatMonth(month: string, style: DateStyle): string {
  const d = localDate(`${month}-01`);
  if (style.lang === 'ja') {
    if (!style.era) return format(d, 'yyyy年M月', { locale: ja });
    eraMonth ??= new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long' });
    return eraMonth.format(d);
  }
  return format(d, 'MMMM yyyy', { locale: enUS });
}

/** A day with its weekday: "2026年11月26日（木）" or "Thu 26 Nov 2026". */
export function formatDay(date: string, style: DateStyle): string {
  const d = localDate(date);
  if (style.lang === 'ja') return `${formatDate(date, style)}（${format(d, 'EEEEE', { locale: ja })}）`;
  return format(d, 'EEE d MMM yyyy', { locale: enUS });
}

/** "10:00–11:00". */
export function formatTimeRange(start: string, end: string): string {
  return `${start}–${end}`;
}
