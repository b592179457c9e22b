/** Pure helpers of the family-seminar screens (no DOM, no React): used by the pages and the unit tests. */
import type { PersonDetail, SeminarAttendance, SeminarInvitation } from '../../../db/contract';

export type RecordedAttendance = 'attended' | 'absent' | 'declined';

export interface AttendanceRow {
  attendance: RecordedAttendance | null;
  followUp: string;
}

export type AttendanceDraft = Record<string, AttendanceRow>;

function recorded(a: SeminarAttendance): RecordedAttendance | null {
  return a === 'invited' ? null : a;
}

/** The attendance form as saved: invited members have no answer yet. */
export function attendanceDraft(invitations: readonly SeminarInvitation[]): AttendanceDraft {
  return Object.fromEntries(
    invitations.map((i) => [i.familyMemberId, { attendance: recorded(i.attendance), followUp: i.followUp }]),
  );
}

/** Everyone still without an answer gets `value` (the "all attended" shortcut). */
export function markUnanswered(draft: AttendanceDraft, value: RecordedAttendance): AttendanceDraft {
  return Object.fromEntries(
    Object.entries(draft).map(([id, row]) => [id, row.attendance === null ? { ...row, attendance: value } : row]),
  );
}

/**
 * The entries to send in one call: every member with an answer, in the roster's order. Those
 * still unanswered are listed so the form can say who was left out.
 */
export function attendanceEntries(
  invitations: readonly SeminarInvitation[],
  draft: AttendanceDraft,
): { entries: { familyMemberId: string; attendance: RecordedAttendance; followUp: string }[]; unanswered: string[] } {
  const entries: { familyMemberId: string; attendance: RecordedAttendance; followUp: string }[] = [];
  const unanswered: string[] = [];
  for (const inv of invitations) {
    const row = draft[inv.familyMemberId];
    if (!row || row.attendance === null) {
      unanswered.push(inv.familyMemberId);
      continue;
    }
    entries.push({ familyMemberId: inv.familyMemberId, attendance: row.attendance, followUp: row.followUp.trim() });
  }
  return { entries, unanswered };
}

/** The case the service invites under: the open one, else the latest. */
function invitationCase(person: PersonDetail) {
  return person.cases.find((c) => c.status !== 'terminated') ?? person.cases[0] ?? null;
}

/** Whether the person's case is a juvenile one (category 1 or 2), so a guardian can be instructed to attend. */
export function isJuvenileCase(person: PersonDetail): boolean {
  const c = invitationCase(person);
  return c !== null && c.phases.some((p) => p.category === '1' || p.category === '2');
}

/** Seats still free (negative when over capacity). */
export function seatsLeft(s: { capacity: number; seatsTaken: number }): number {
  return s.capacity - s.seatsTaken;
}
