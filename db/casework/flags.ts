/**
 * The flags the caseload dashboard shows for a case. `today` is a Japan calendar date; `now` (an
 * ISO instant) decides which appointments have passed, and defaults to the start of `today`.
 */
import type { Db } from '../open';
import { programBreachFlag } from '../pathways/program-flags';
import { findCase } from '../services/contacts';
import { evaluateCaseMonth } from '../services/standards';
import { stmt } from '../statements';
import { addDays, addMonths, japanDayStart, monthOf } from './standards';

export interface CaseFlags {
  /** A positive or refused drug test in the last 90 days (today included). */
  positiveTest: boolean;
  /** Contacts short for the previous month, or behind a deadline already passed this month. */
  overdueContact: boolean;
  /** No VPO monthly report recorded for the previous month. */
  missingVpoReport: boolean;
  /** Supervision is planned to end within 30 days. */
  endingSoon: boolean;
  /** A scheduled appointment whose time has passed with no contact recorded. */
  appointmentNeedsOutcome: boolean;
  /**
   * A missed required program session, a possible breach of the treatment condition: an
   * unacceptable absence in the last 90 days, or a core session over 7 days overdue
   * (db/pathways/program-flags.ts).
   */
  programMissed: boolean;
}

export const POSITIVE_TEST_WINDOW_DAYS = 90;
export const ENDING_SOON_DAYS = 30;

const NO_FLAGS: CaseFlags = {
  positiveTest: false,
  overdueContact: false,
  missingVpoReport: false,
  endingSoon: false,
  appointmentNeedsOutcome: false,
  programMissed: false,
};

export function caseFlags(db: Db, caseId: string, today: string, now?: string): CaseFlags {
  const c = findCase(db, caseId);
  if (!c) return { ...NO_FLAGS };

  const positiveTest =
    stmt(
      db,
      "SELECT 1 FROM drug_tests WHERE case_id = ? AND result IN ('positive', 'refused') AND tested_on BETWEEN ? AND ? LIMIT 1",
    ).get(c.id, addDays(today, -(POSITIVE_TEST_WINDOW_DAYS - 1)), today) !== undefined;

  const cutoff = now ?? new Date(japanDayStart(today)).toISOString();
  const appointmentNeedsOutcome =
    stmt(
      db,
      `SELECT 1 FROM appointments
        WHERE case_id = ? AND status = 'scheduled'
          AND strftime('%Y-%m-%dT%H:%M:%fZ', starts_at, '+' || duration_min || ' minutes') <= ?
        LIMIT 1`,
    ).get(c.id, cutoff) !== undefined;

  // Supervision no longer runs for a terminated case; a suspended one (absconded) is reported elsewhere.
  if (c.status !== 'active') return { ...NO_FLAGS, positiveTest, appointmentNeedsOutcome };

  const thisMonth = monthOf(today);
  const previous = addMonths(thisMonth, -1);
  const overdueContact =
    evaluateCaseMonth(db, c, previous, today).status === 'overdue' ||
    ['overdue', 'past_due'].includes(evaluateCaseMonth(db, c, thisMonth, today).status);

  const prevStart = `${previous}-01`;
  const activeLastMonth = c.startDate < `${thisMonth}-01` && c.endDate >= prevStart;
  const missingVpoReport =
    activeLastMonth &&
    stmt(db, "SELECT 1 FROM contacts WHERE case_id = ? AND kind = 'vpo_monthly_report' AND report_month = ?").get(
      c.id,
      previous,
    ) === undefined;

  const endingSoon = c.endDate >= today && c.endDate <= addDays(today, ENDING_SOON_DAYS);

  const programMissed = programBreachFlag(db, [c.id], today).has(c.id);

  return { positiveTest, overdueContact, missingVpoReport, endingSoon, appointmentNeedsOutcome, programMissed };
}
