/** All date and time formatting of the renderer. Pure: no React, no globals but the clock zone. */
import { format, isSameDay, parseISO } from 'date-fns';
import { enUS, ja } from 'date-fns/locale';

export interface DateStyle {
  lang: 'ja' | 'en';
  /** Japanese era calendar (令和7年…); only applies to Japanese. */
  era: boolean;
}

let eraFormatter: Intl.DateTimeFormat | undefined;
function eraFormat(d: Date): string {
  eraFormatter ??= new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return eraFormatter.format(d);
}

/** A YYYY-MM-DD calendar date is read as local midnight; an ISO instant as that instant. */
export function toDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  return parseISO(value);
}

export function formatDate(value: Date | string | number, style: DateStyle): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  if (style.lang === 'ja') return style.era ? eraFormat(d) : format(d, 'yyyy年M月d日', { locale: ja });
  return format(d, 'd MMM yyyy', { locale: enUS });
}

export function formatTime(value: Date | string | number): string {
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? '' : format(d, 'HH:mm');
}

export function formatDateTime(value: Date | string | number, style: DateStyle): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${formatDate(d, style)} ${format(d, 'HH:mm:ss')}`;
}

/** "14:05" when the instant is today, otherwise the date and the time. */
export function formatMoment(value: Date | string | number, style: DateStyle, now: Date): string {
  const d = toDate(value);
  return isSameDay(d, now) ? formatTime(d) : `${formatDate(d, style)} ${formatTime(d)}`;
}

/** Remaining time as m:ss (or h:mm:ss), never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
