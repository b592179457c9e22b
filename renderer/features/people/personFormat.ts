/** Pure helpers for showing and checking people's data. No React, no globals but the clock zone. */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Person } from '../../../db/contract';

type Names = Pick<Person, 'familyName' | 'givenName' | 'familyKana' | 'givenKana' | 'familyRomaji' | 'givenRomaji'>;

/** 山田 太郎 */
export function kanjiName(p: Pick<Names, 'familyName' | 'givenName'>): string {
  return [p.familyName, p.givenName].filter(Boolean).join(' ');
}

/** やまだ たろう */
export function kanaName(p: Pick<Names, 'familyKana' | 'givenKana'>): string {
  return [p.familyKana, p.givenKana].filter(Boolean).join(' ');
}

/**
 * "YAMADA Taro": family name first and in capitals, as Japanese official documents write it, so
 * that nobody takes the given name for the family name.
 */
export function romajiName(p: Pick<Names, 'familyRomaji' | 'givenRomaji'>): string {
  return [p.familyRomaji.toUpperCase(), p.givenRomaji].filter(Boolean).join(' ');
}

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Japan, YYYY-MM-DD, the default for "done today" date fields. */
export function todayInJapan(now: Date = new Date()): string {
  return JAPAN_DATE.format(now);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return !Number.isNaN(d.getTime()) && d.getDate() === Number(s.slice(8, 10));
}

/**
 * Age in completed years on `date` (both YYYY-MM-DD), or null when either is not a date or the
 * birth is later. A birthday on 29 February counts from 1 March in common years, as in Japan.
 */
export function ageOn(birthDate: string, date: string): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(date) || birthDate > date) return null;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Calendar days from `from` to `to` (for showing how far a date moved). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Hiragana or katakana (half-width folded), with ー, ・ and spaces — what the service accepts. */
export function isKana(s: string): boolean {
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]*$/u.test(s.trim().normalize('NFKC'));
}

export function isRomaji(s: string): boolean {
  return /^[A-Za-zÀ-ÿĀ-ſ' .-]*$/u.test(s.trim().normalize('NFKC'));
}
