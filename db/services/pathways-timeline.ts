/** The pathway events of a person's timeline (db/services/timeline.ts merges and sorts them). */
import type { TimelineItem, TimelineKind } from '../contract';
import type { Db } from '../open';
import { stmt } from '../statements';
import { daysBetween } from './pathways-shared';

export interface PathwayTimelineItem {
  caseId: string;
  kind: TimelineKind;
  refId: string;
  date: string;
  time: string | null;
  data: TimelineItem['data'];
}

/** Same-day order of the pathway kinds, newest first: ends before starts. */
export const PATHWAY_SAME_DAY_ORDER: readonly TimelineKind[] = [
  'placement_end',
  'job_end',
  'employment_support_end',
  'support_link_end',
  'employment_status',
  'seminar_attended',
  'seminar_invited',
  'job_start',
  'employment_support_start',
  'support_link_start',
  'placement_start',
];

const OF_PERSON = 'case_id IN (SELECT id FROM cases WHERE supervisee_id = @id)';

export function pathwayTimelineItems(db: Db, superviseeId: string): PathwayTimelineItem[] {
  const items: PathwayTimelineItem[] = [];
  const p = { id: superviseeId };
  const push = (caseId: string, kind: TimelineKind, refId: string, date: string, data: TimelineItem['data']) =>
    items.push({ caseId, kind, refId, date, time: null, data });

  for (const s of stmt(
    db,
    `SELECT es.id, es.case_id, es.kind, es.started_on, es.ended_on, es.office, es.months, es.subsidy_status, es.outcome, e.name AS employer_name
       FROM employment_supports es LEFT JOIN employers e ON e.id = es.employer_id WHERE es.${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    kind: string;
    started_on: string;
    ended_on: string | null;
    office: string;
    months: number | null;
    subsidy_status: string | null;
    outcome: string;
    employer_name: string | null;
  }[]) {
    push(s.case_id, 'employment_support_start', s.id, s.started_on, {
      supportKind: s.kind,
      office: s.office,
      employerName: s.employer_name,
      months: s.months,
      subsidyStatus: s.subsidy_status,
      outcome: s.outcome,
    });
    if (s.ended_on !== null) push(s.case_id, 'employment_support_end', s.id, s.ended_on, { supportKind: s.kind, outcome: s.outcome });
  }

  for (const j of stmt(
    db,
    `SELECT j.id, j.case_id, j.kind, j.started_on, j.ended_on, j.leaving_reason, COALESCE(e.name, j.employer_name) AS employer_name
       FROM jobs j LEFT JOIN employers e ON e.id = j.employer_id WHERE j.${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    kind: string;
    started_on: string;
    ended_on: string | null;
    leaving_reason: string | null;
    employer_name: string;
  }[]) {
    push(j.case_id, 'job_start', j.id, j.started_on, { jobKind: j.kind, employerName: j.employer_name });
    if (j.ended_on !== null) {
      push(j.case_id, 'job_end', j.id, j.ended_on, { jobKind: j.kind, employerName: j.employer_name, leavingReason: j.leaving_reason });
    }
  }

  for (const s of stmt(db, `SELECT id, case_id, status, since FROM employment_status WHERE ${OF_PERSON}`).all(p) as {
    id: string;
    case_id: string;
    status: string;
    since: string;
  }[]) {
    push(s.case_id, 'employment_status', s.id, s.since, { status: s.status });
  }

  for (const i of stmt(
    db,
    `SELECT i.id, i.case_id, i.invited_on, i.guardian_instructed, i.attendance, i.follow_up, m.held_on, m.topic,
            f.name AS member_name, f.relation
       FROM seminar_invitations i JOIN seminars m ON m.id = i.seminar_id JOIN family_members f ON f.id = i.family_member_id
      WHERE i.${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    invited_on: string;
    guardian_instructed: number;
    attendance: string;
    follow_up: string;
    held_on: string;
    topic: string;
    member_name: string;
    relation: string;
  }[]) {
    push(i.case_id, 'seminar_invited', i.id, i.invited_on, {
      topic: i.topic,
      heldOn: i.held_on,
      memberName: i.member_name,
      relation: i.relation,
      guardianInstructed: i.guardian_instructed === 1,
      attendance: i.attendance,
    });
    if (i.attendance === 'attended') {
      push(i.case_id, 'seminar_attended', i.id, i.held_on, {
        topic: i.topic,
        memberName: i.member_name,
        relation: i.relation,
        followUp: i.follow_up,
      });
    }
  }

  for (const pl of stmt(
    db,
    `SELECT p.id, p.case_id, p.started_on, p.planned_end_on, p.ended_on, p.exit_reason, p.exit_destination, f.name, f.kind
       FROM placements p JOIN facilities f ON f.id = p.facility_id WHERE p.${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    started_on: string;
    planned_end_on: string | null;
    ended_on: string | null;
    exit_reason: string | null;
    exit_destination: string | null;
    name: string;
    kind: string;
  }[]) {
    push(pl.case_id, 'placement_start', pl.id, pl.started_on, { facilityName: pl.name, facilityKind: pl.kind, plannedEndOn: pl.planned_end_on });
    if (pl.ended_on !== null) {
      push(pl.case_id, 'placement_end', pl.id, pl.ended_on, {
        facilityName: pl.name,
        facilityKind: pl.kind,
        exitReason: pl.exit_reason,
        exitDestination: pl.exit_destination,
        stayDays: daysBetween(pl.started_on, pl.ended_on),
      });
    }
  }

  for (const l of stmt(
    db,
    `SELECT l.id, l.case_id, l.started_on, l.ended_on, o.name, o.kind FROM support_links l JOIN support_orgs o ON o.id = l.org_id
      WHERE l.${OF_PERSON}`,
  ).all(p) as { id: string; case_id: string; started_on: string; ended_on: string | null; name: string; kind: string }[]) {
    push(l.case_id, 'support_link_start', l.id, l.started_on, { orgName: l.name, orgKind: l.kind });
    if (l.ended_on !== null) push(l.case_id, 'support_link_end', l.id, l.ended_on, { orgName: l.name, orgKind: l.kind });
  }

  return items;
}
