/**
 * The caseload's programMissed flag: a missed required program session, a possible breach of the
 * special condition to take specialised treatment. Batched over many cases; caseFlags
 * (db/casework/flags.ts) and batchCaseFlags (db/casework/caseload-flags.ts) both call it, so the
 * two stay equal. Kept apart from the program services so the flag modules import nothing else.
 */
import { addDays } from '../casework/calendar';
import type { Db } from '../open';
import { stmt } from '../statements';
import { absenceWindowStart, CORE_OVERDUE_GRACE_DAYS } from './program-schedule';

/** Above this many cases the whole tables are read instead of looking each case up. */
const WHOLE_OFFICE_THRESHOLD = 1000;

const ABSENT = `SELECT DISTINCT sp.case_id FROM session_participants sp JOIN program_sessions ps ON ps.id = sp.session_id
  WHERE sp.attendance = 'absent_unacceptable' AND ps.held_on BETWEEN @from AND @today`;
const CORE_OVERDUE = `SELECT DISTINCT e.case_id FROM enrolments e JOIN enrolment_schedule s ON s.enrolment_id = e.id
  WHERE e.status = 'active' AND e.stage = 'core' AND s.stage = 'core' AND s.session_id IS NULL AND s.due_on < @cutoff`;
const IN_IDS = 'IN (SELECT value FROM json_each(@ids))';

/**
 * The same rule for one enrolment (alias e) as an SQL condition, for lists filtered by it; its
 * parameters are programBreachParams(today).
 */
export const ENROLMENT_BREACH_SQL = `(EXISTS (SELECT 1 FROM session_participants sp JOIN program_sessions ps ON ps.id = sp.session_id
      WHERE sp.case_id = e.case_id AND sp.enrolment_id = e.id AND sp.attendance = 'absent_unacceptable'
        AND ps.held_on BETWEEN @breachFrom AND @breachToday)
  OR (e.status = 'active' AND e.stage = 'core' AND EXISTS (SELECT 1 FROM enrolment_schedule s
      WHERE s.enrolment_id = e.id AND s.stage = 'core' AND s.session_id IS NULL AND s.due_on < @breachCutoff)))`;

export function programBreachParams(today: string): { breachFrom: string; breachToday: string; breachCutoff: string } {
  return { breachFrom: absenceWindowStart(today), breachToday: today, breachCutoff: addDays(today, -CORE_OVERDUE_GRACE_DAYS) };
}

/**
 * The cases among `caseIds` with a missed required session on `today` (a Japan calendar date):
 * an unacceptable absence from a session held in the last ABSENCE_FLAG_WINDOW_DAYS days, or a
 * planned core session more than CORE_OVERDUE_GRACE_DAYS days past its date and not attended
 * while the enrolment is in its core stage. Case status is the caller's concern.
 */
export function programBreachFlag(db: Db, caseIds: readonly string[], today: string): Set<string> {
  if (caseIds.length === 0) return new Set();
  const params = { from: absenceWindowStart(today), today, cutoff: addDays(today, -CORE_OVERDUE_GRACE_DAYS) };
  let rows: string[];
  if (caseIds.length > WHOLE_OFFICE_THRESHOLD) {
    const wanted = new Set(caseIds);
    rows = (stmt(db, `${ABSENT} UNION ${CORE_OVERDUE}`).pluck().all(params) as string[]).filter((id) => wanted.has(id));
  } else {
    rows = stmt(db, `${ABSENT} AND sp.case_id ${IN_IDS} UNION ${CORE_OVERDUE} AND e.case_id ${IN_IDS}`)
      .pluck()
      .all({ ...params, ids: JSON.stringify(caseIds) }) as string[];
  }
  return new Set(rows);
}
