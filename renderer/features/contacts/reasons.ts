/** Why a contact counts toward the month's standard, as a message key and its values. Pure. */
import type { Contact, ContactExplanation } from '../../../db/contract';
import { monthOf } from './japanDates';

export interface ReasonText {
  key: string;
  vars: Record<string, string>;
}

/**
 * The sentence for a contact's reason code. `kindLabel` and `monthLabel` translate a kind and a
 * month; the level is the case's intensity level code.
 */
export function reasonText(
  c: Pick<ContactExplanation, 'reason' | 'kind' | 'reportMonth'>,
  level: string,
  kindLabel: (kind: ContactExplanation['kind']) => string,
  monthLabel: (month: string) => string,
): ReasonText {
  const kind = kindLabel(c.kind);
  if (c.reason === 'outside_month' && c.reportMonth) {
    return { key: 'daily.standard.reasons.outside_month_report', vars: { month: monthLabel(c.reportMonth) } };
  }
  return { key: `daily.standard.reasons.${c.reason}`, vars: { kind, level } };
}

/** The short verdict shown before the sentence. */
export function verdictKey(countsFor: ContactExplanation['countsFor']): string {
  return countsFor === 'po' ? 'daily.standard.counts.po' : countsFor === 'vpo' ? 'daily.standard.counts.vpo' : 'daily.standard.counts.none';
}

/** Contacts dated in the month, or VPO reports covering it. */
export function contactsOfMonth(contacts: readonly Contact[], month: string): Contact[] {
  return contacts.filter((c) => monthOf(c.date) === month || c.reportMonth === month);
}
