/**
 * Family seminars (引受人会・家族会): events, invitations of family members and guarantors,
 * attendance and follow-up, and the families still reachable after supervision ends (地域援助).
 */
import { randomUUID } from 'node:crypto';
import type {
  FamilyRelation,
  ParsedInputOf,
  ReachableFamilyMember,
  SeminarAttendance,
  Seminar,
  SeminarDetail,
  SeminarInvitation,
  TerminationReason,
} from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { requireCaseworker } from './casework-shared';
import { todayOf, Where } from './pathways-shared';

interface SeminarRow {
  id: string;
  held_on: string;
  start_time: string | null;
  place: string;
  topic: string;
  facilitator: string;
  capacity: number;
  notes: string;
  invited: number;
  attended: number;
  absent: number;
  declined: number;
  guardians: number;
  created_at: string;
  updated_at: string;
}

const SEMINAR_SELECT = `SELECT m.*,
    (SELECT count(*) FROM seminar_invitations i WHERE i.seminar_id = m.id AND i.attendance = 'invited') AS invited,
    (SELECT count(*) FROM seminar_invitations i WHERE i.seminar_id = m.id AND i.attendance = 'attended') AS attended,
    (SELECT count(*) FROM seminar_invitations i WHERE i.seminar_id = m.id AND i.attendance = 'absent') AS absent,
    (SELECT count(*) FROM seminar_invitations i WHERE i.seminar_id = m.id AND i.attendance = 'declined') AS declined,
    (SELECT count(*) FROM seminar_invitations i WHERE i.seminar_id = m.id AND i.guardian_instructed = 1) AS guardians
  FROM seminars m`;

function toSeminar(r: SeminarRow): Seminar {
  return {
    id: r.id,
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    topic: r.topic,
    facilitator: r.facilitator,
    capacity: r.capacity,
    notes: r.notes,
    seatsTaken: r.invited + r.attended + r.absent,
    invited: r.invited,
    attended: r.attended,
    absent: r.absent,
    declined: r.declined,
    guardiansInstructed: r.guardians,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function findSeminar(ctx: ServiceContext, id: string): Seminar | null {
  const r = stmt(ctx.db, `${SEMINAR_SELECT} WHERE m.id = ?`).get(id) as SeminarRow | undefined;
  return r ? toSeminar(r) : null;
}

function loadSeminar(ctx: ServiceContext, id: string, field: string): Seminar {
  const s = findSeminar(ctx, id);
  if (!s) throw new AppError('NOT_FOUND', 'no such seminar', { field });
  return s;
}

interface InvitationRow {
  id: string;
  seminar_id: string;
  family_member_id: string;
  case_id: string | null;
  invited_on: string;
  guardian_instructed: number;
  attendance: SeminarAttendance;
  follow_up: string;
  updated_at: string;
  member_name: string;
  member_kana: string;
  relation: FamilyRelation;
  is_guarantor: number;
  contact: string;
  supervisee_id: string;
  supervisee_name: string;
  case_number: string | null;
}

function invitations(ctx: ServiceContext, seminarId: string): SeminarInvitation[] {
  const rows = stmt(
    ctx.db,
    `SELECT i.*, f.name AS member_name, f.name_kana AS member_kana, f.relation, f.is_guarantor, f.contact,
            f.supervisee_id, s.family_name || ' ' || s.given_name AS supervisee_name, c.case_number
       FROM seminar_invitations i JOIN family_members f ON f.id = i.family_member_id
       JOIN supervisees s ON s.id = f.supervisee_id LEFT JOIN cases c ON c.id = i.case_id
      WHERE i.seminar_id = ? ORDER BY s.family_kana, s.given_kana, f.is_guarantor DESC, f.name_kana, i.id`,
  ).all(seminarId) as InvitationRow[];
  return rows.map((r) => ({
    id: r.id,
    seminarId: r.seminar_id,
    familyMemberId: r.family_member_id,
    memberName: r.member_name,
    memberKana: r.member_kana,
    relation: r.relation,
    isGuarantor: r.is_guarantor === 1,
    contact: r.contact,
    superviseeId: r.supervisee_id,
    superviseeName: r.supervisee_name.trim(),
    caseId: r.case_id,
    caseNumber: r.case_number,
    invitedOn: r.invited_on,
    guardianInstructed: r.guardian_instructed === 1,
    attendance: r.attendance,
    followUp: r.follow_up,
    updatedAt: r.updated_at,
  }));
}

function detail(ctx: ServiceContext, id: string): SeminarDetail {
  return { seminar: findSeminar(ctx, id)!, invitations: invitations(ctx, id) };
}

function seminarRow(input: ParsedInputOf<'seminars.create'>) {
  return {
    held_on: input.heldOn,
    start_time: input.startTime,
    place: input.place,
    topic: input.topic,
    facilitator: input.facilitator,
    capacity: input.capacity,
    notes: input.notes,
  };
}

export function createSeminar(ctx: ServiceContext, input: ParsedInputOf<'seminars.create'>): Seminar {
  requireCaseworker(ctx);
  const id = randomUUID();
  mutate(ctx, 'seminars.create', (tx) => tx.insert('seminars', { id, ...seminarRow(input), created_at: tx.at, updated_at: tx.at }));
  return findSeminar(ctx, id)!;
}

export function updateSeminar(ctx: ServiceContext, input: ParsedInputOf<'seminars.update'>): Seminar {
  requireCaseworker(ctx);
  const s = loadSeminar(ctx, input.id, 'id');
  if (input.capacity < s.seatsTaken && !input.allowOverCapacity) {
    throw new AppError('OVER_CAPACITY', 'more people are invited than the new capacity', {
      field: 'capacity',
      capacity: input.capacity,
      occupied: s.seatsTaken,
    });
  }
  if (input.heldOn > todayOf(ctx) && s.attended + s.absent > 0) {
    throw new AppError('VALIDATION', 'attendance is recorded: the seminar cannot move to the future', { field: 'heldOn' });
  }
  mutate(ctx, 'seminars.update', (tx) => tx.update('seminars', s.id, { ...seminarRow(input), updated_at: tx.at }));
  return findSeminar(ctx, s.id)!;
}

interface MemberRow {
  id: string;
  supervisee_id: string;
  seminar_participation: string;
  guardian_instructed: number;
}

/** The case an invitation is made under: the person's open case, else their latest. */
function caseForInvitation(ctx: ServiceContext, superviseeId: string): { id: string; juvenile: boolean } | null {
  const r = stmt(
    ctx.db,
    `SELECT c.id, EXISTS (SELECT 1 FROM case_phases p WHERE p.case_id = c.id AND p.category IN ('1', '2')) AS juvenile
       FROM cases c WHERE c.supervisee_id = ? ORDER BY c.status = 'terminated', c.start_date DESC, c.id LIMIT 1`,
  ).get(superviseeId) as { id: string; juvenile: number } | undefined;
  return r ? { id: r.id, juvenile: r.juvenile === 1 } : null;
}

export function inviteToSeminar(ctx: ServiceContext, input: ParsedInputOf<'seminars.invite'>): SeminarDetail {
  requireCaseworker(ctx);
  const s = loadSeminar(ctx, input.seminarId, 'seminarId');
  const members = input.familyMemberIds.map((id, i) => {
    const field = `familyMemberIds.${i}`;
    const m = stmt(ctx.db, 'SELECT id, supervisee_id, seminar_participation, guardian_instructed FROM family_members WHERE id = ?').get(
      id,
    ) as MemberRow | undefined;
    if (!m) throw new AppError('NOT_FOUND', 'no such family member', { field });
    if (stmt(ctx.db, 'SELECT 1 FROM seminar_invitations WHERE seminar_id = ? AND family_member_id = ?').get(s.id, id)) {
      throw new AppError('DUPLICATE', 'this family member is already invited', { field });
    }
    const c = caseForInvitation(ctx, m.supervisee_id);
    if (input.guardianInstructed && !c?.juvenile) {
      throw new AppError('VALIDATION', 'only guardians of a juvenile can be instructed to attend', { field });
    }
    return { m, caseId: c?.id ?? null };
  });
  if (s.seatsTaken + members.length > s.capacity && !input.allowOverCapacity) {
    throw new AppError('OVER_CAPACITY', 'the invitations exceed the seminar capacity', {
      field: 'familyMemberIds',
      capacity: s.capacity,
      occupied: s.seatsTaken,
      requested: members.length,
    });
  }
  const today = todayOf(ctx);
  mutate(ctx, 'seminars.invite', (tx) => {
    for (const { m, caseId } of members) {
      tx.insert('seminar_invitations', {
        id: randomUUID(),
        seminar_id: s.id,
        family_member_id: m.id,
        case_id: caseId,
        invited_on: today,
        guardian_instructed: input.guardianInstructed ? 1 : 0,
        attendance: 'invited',
        follow_up: '',
        created_at: tx.at,
        updated_at: tx.at,
      });
      // The family member's own summary follows the invitation.
      const patch: Record<string, string | number> = {};
      if (m.seminar_participation === 'none') patch.seminar_participation = 'invited';
      if (input.guardianInstructed && m.guardian_instructed === 0) patch.guardian_instructed = 1;
      if (Object.keys(patch).length) tx.update('family_members', m.id, { ...patch, updated_at: tx.at });
    }
  });
  return detail(ctx, s.id);
}

const PARTICIPATION_AFTER: Partial<Record<SeminarAttendance, string>> = { attended: 'attending', declined: 'declined' };

export function recordAttendance(ctx: ServiceContext, input: ParsedInputOf<'seminars.recordAttendance'>): SeminarDetail {
  requireCaseworker(ctx);
  const s = loadSeminar(ctx, input.seminarId, 'seminarId');
  const future = s.heldOn > todayOf(ctx);
  const updates = input.entries.map((e, i) => {
    const inv = stmt(ctx.db, 'SELECT id FROM seminar_invitations WHERE seminar_id = ? AND family_member_id = ?').get(
      s.id,
      e.familyMemberId,
    ) as { id: string } | undefined;
    if (!inv) throw new AppError('VALIDATION', 'this family member was not invited', { field: `entries.${i}.familyMemberId` });
    if (future && e.attendance !== 'declined') {
      throw new AppError('DATE_IN_FUTURE', 'the seminar has not been held yet', { field: `entries.${i}.attendance` });
    }
    return { invitationId: inv.id, ...e };
  });
  mutate(ctx, 'seminars.recordAttendance', (tx) => {
    for (const u of updates) {
      tx.update('seminar_invitations', u.invitationId, {
        attendance: u.attendance,
        ...(u.followUp !== undefined ? { follow_up: u.followUp } : {}),
        updated_at: tx.at,
      });
      const participation = PARTICIPATION_AFTER[u.attendance];
      if (participation) tx.update('family_members', u.familyMemberId, { seminar_participation: participation, updated_at: tx.at });
    }
  });
  return detail(ctx, s.id);
}

export function listSeminars(ctx: ServiceContext, input: ParsedInputOf<'seminars.list'>): Seminar[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.from) where.add('m.held_on >= @from', { from: input.from });
  if (input.to) where.add('m.held_on <= @to', { to: input.to });
  const rows = stmt(ctx.db, `${SEMINAR_SELECT} ${where} ORDER BY m.held_on DESC, m.start_time DESC, m.id`).all(where.params) as SeminarRow[];
  return rows.map(toSeminar);
}

export function getSeminar(ctx: ServiceContext, input: ParsedInputOf<'seminars.get'>): SeminarDetail {
  requireCaseworker(ctx);
  loadSeminar(ctx, input.id, 'id');
  return detail(ctx, input.id);
}

interface ReachableRow {
  id: string;
  name: string;
  name_kana: string;
  relation: FamilyRelation;
  is_guarantor: number;
  contact: string;
  supervisee_id: string;
  supervisee_name: string;
  case_id: string;
  case_number: string;
  termination_date: string;
  termination_reason: TerminationReason | null;
  last_seminar: string | null;
}

export function reachableFamilies(ctx: ServiceContext, input: ParsedInputOf<'family.reachable'>): ReachableFamilyMember[] {
  requireCaseworker(ctx);
  const where = new Where().add('e.rn = 1');
  if (input.terminatedFrom) where.add('e.termination_date >= @from', { from: input.terminatedFrom });
  if (input.terminatedTo) where.add('e.termination_date <= @to', { to: input.terminatedTo });
  const rows = stmt(
    ctx.db,
    `WITH ended AS (
       SELECT c.supervisee_id, c.id AS case_id, c.case_number, c.termination_date, c.termination_reason,
              row_number() OVER (PARTITION BY c.supervisee_id ORDER BY c.termination_date DESC, c.id) AS rn
         FROM cases c
        WHERE c.status = 'terminated'
          AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.supervisee_id = c.supervisee_id AND o.status <> 'terminated'))
     SELECT f.id, f.name, f.name_kana, f.relation, f.is_guarantor, f.contact, f.supervisee_id,
            s.family_name || ' ' || s.given_name AS supervisee_name, e.case_id, e.case_number, e.termination_date, e.termination_reason,
            (SELECT json_object('seminarId', m.id, 'heldOn', m.held_on, 'topic', m.topic, 'attendance', i.attendance)
               FROM seminar_invitations i JOIN seminars m ON m.id = i.seminar_id
              WHERE i.family_member_id = f.id ORDER BY m.held_on DESC, m.id LIMIT 1) AS last_seminar
       FROM ended e JOIN family_members f ON f.supervisee_id = e.supervisee_id JOIN supervisees s ON s.id = e.supervisee_id
      ${where}
      ORDER BY e.termination_date DESC, s.family_kana, s.given_kana, f.is_guarantor DESC, f.name_kana, f.id
      LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: input.limit, offset: input.offset }) as ReachableRow[];
  return rows.map((r) => ({
    familyMemberId: r.id,
    name: r.name,
    nameKana: r.name_kana,
    relation: r.relation,
    isGuarantor: r.is_guarantor === 1,
    contact: r.contact,
    superviseeId: r.supervisee_id,
    superviseeName: r.supervisee_name.trim(),
    caseId: r.case_id,
    caseNumber: r.case_number,
    terminationDate: r.termination_date,
    terminationReason: r.termination_reason,
    lastSeminar: r.last_seminar === null ? null : (JSON.parse(r.last_seminar) as ReachableFamilyMember['lastSeminar']),
  }));
}
