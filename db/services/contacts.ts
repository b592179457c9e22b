import { randomUUID } from 'node:crypto';
import { japanDate, japanTime, monthEnd, monthOf } from '../casework/standards';
import type { Contact, ContactKind, ContactOutcome, ParsedInputOf, VpoReportMissing } from '../contract';
import { AppError } from '../errors';
import type { Db } from '../open';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';

// --- the case a casework call is about --------------------------------------------------------

export interface CaseInfo {
  id: string;
  superviseeId: string;
  caseNumber: string;
  status: 'active' | 'suspended' | 'terminated';
  intensityLevel: string;
  startDate: string;
  plannedEndDate: string;
  terminationDate: string | null;
  /** Last day of supervision: the termination date, else the planned end. */
  endDate: string;
  officerId: string | null;
  vpoId: string | null;
}

interface CaseInfoRow {
  id: string;
  supervisee_id: string;
  case_number: string;
  status: CaseInfo['status'];
  intensity_level: string;
  start_date: string;
  planned_end_date: string;
  termination_date: string | null;
  officer_id: string | null;
  vpo_id: string | null;
}

export function findCase(db: Db, caseId: string): CaseInfo | null {
  const r = stmt(
    db,
    `SELECT c.id, c.supervisee_id, c.case_number, c.status, c.intensity_level, c.start_date, c.planned_end_date,
            c.termination_date, s.officer_id, s.vpo_id
       FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
      WHERE c.id = ?`,
  ).get(caseId) as CaseInfoRow | undefined;
  if (!r) return null;
  return {
    id: r.id,
    superviseeId: r.supervisee_id,
    caseNumber: r.case_number,
    status: r.status,
    intensityLevel: r.intensity_level,
    startDate: r.start_date,
    plannedEndDate: r.planned_end_date,
    terminationDate: r.termination_date,
    endDate: r.termination_date ?? r.planned_end_date,
    officerId: r.officer_id,
    vpoId: r.vpo_id,
  };
}

export function loadCase(ctx: ServiceContext, caseId: string): CaseInfo {
  const c = findCase(ctx.db, caseId);
  if (!c) throw new AppError('NOT_FOUND', 'no such case', { field: 'caseId' });
  return c;
}

/** Sensitive case data (drug tests, sensitive notes): the case's officer, supervisors, administrators. */
export function canSeeRestricted(ctx: ServiceContext, c: CaseInfo): boolean {
  const { role, userId } = ctx.actor;
  if (role === 'supervisor' || role === 'administrator') return true;
  return role === 'officer' && userId !== null && userId === c.officerId;
}

export function todayOf(ctx: ServiceContext): string {
  return japanDate(ctx.now());
}

/** A day something happened on: not in the future, not before the case started. */
export function assertPastDateInCase(ctx: ServiceContext, c: CaseInfo, date: string, field: string): void {
  if (date > todayOf(ctx)) throw new AppError('DATE_IN_FUTURE', `${field} is in the future`, { field });
  if (date < c.startDate) throw new AppError('VALIDATION', `${field} is before the case started`, { field });
}

function assertUser(ctx: ServiceContext, id: string | null, field: string): void {
  if (id !== null && !stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ?').get(id)) {
    throw new AppError('VALIDATION', 'no such user', { field });
  }
}
function assertVpo(ctx: ServiceContext, id: string | null, field: string): void {
  if (id !== null && !stmt(ctx.db, 'SELECT 1 FROM vpos WHERE id = ?').get(id)) {
    throw new AppError('VALIDATION', 'no such volunteer probation officer', { field });
  }
}

// --- contacts --------------------------------------------------------------------------------

interface ContactRow {
  id: string;
  case_id: string;
  kind: ContactKind;
  contact_date: string;
  contact_time: string | null;
  by_user_id: string | null;
  by_user_name: string | null;
  by_vpo_id: string | null;
  by_vpo_name: string | null;
  outcome: ContactOutcome;
  report_month: string | null;
  appointment_id: string | null;
  notes: string;
  sensitive: number;
  created_at: string;
  updated_at: string;
}

const CONTACT_SELECT = `SELECT k.*, u.display_name AS by_user_name, v.name AS by_vpo_name
  FROM contacts k LEFT JOIN users u ON u.id = k.by_user_id LEFT JOIN vpos v ON v.id = k.by_vpo_id`;

function toContact(r: ContactRow, mayReadSensitive: boolean): Contact {
  const sensitive = r.sensitive === 1;
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    date: r.contact_date,
    time: r.contact_time,
    byUserId: r.by_user_id,
    byUserName: r.by_user_name,
    byVpoId: r.by_vpo_id,
    byVpoName: r.by_vpo_name,
    outcome: r.outcome,
    reportMonth: r.report_month,
    appointmentId: r.appointment_id,
    notes: sensitive && !mayReadSensitive ? null : r.notes,
    sensitive,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getContact(ctx: ServiceContext, c: CaseInfo, id: string): Contact {
  const r = stmt(ctx.db, `${CONTACT_SELECT} WHERE k.id = ?`).get(id) as ContactRow;
  return toContact(r, canSeeRestricted(ctx, c));
}

export function listContacts(ctx: ServiceContext, input: ParsedInputOf<'contacts.list'>): Contact[] {
  const c = loadCase(ctx, input.caseId);
  const may = canSeeRestricted(ctx, c);
  const rows = stmt(
    ctx.db,
    `${CONTACT_SELECT} WHERE k.case_id = ?
      ORDER BY k.contact_date DESC, k.contact_time DESC, k.created_at DESC, k.rowid DESC`,
  ).all(c.id) as ContactRow[];
  return rows.map((r) => toContact(r, may));
}

export type ContactFields = Omit<ParsedInputOf<'contacts.record'>, 'caseId' | 'appointmentId'>;

export interface AppointmentRef {
  id: string;
  caseId: string;
  status: string;
}

/**
 * Validates a contact and builds its row, without writing. Defaults: today and the current time
 * (Japan); by the acting user, or for a VPO meeting by the supervisee's VPO.
 */
export function prepareContact(
  ctx: ServiceContext,
  c: CaseInfo,
  f: ContactFields,
  appointment: AppointmentRef | null,
): Record<string, string | number | null> & { id: string } {
  if (f.kind === 'vpo_monthly_report') {
    throw new AppError('VALIDATION', 'a VPO monthly report is recorded with the month it covers', { field: 'kind' });
  }
  const now = ctx.now();
  const date = f.date ?? japanDate(now);
  const time = f.time ?? (f.date === undefined ? japanTime(now) : null);
  assertPastDateInCase(ctx, c, date, 'date');

  const byVpo = f.kind === 'vpo_meeting';
  const byUserId = f.byUserId ?? (byVpo ? null : ctx.actor.userId);
  const byVpoId = f.byVpoId ?? (byVpo ? c.vpoId : null);
  assertUser(ctx, byUserId, 'byUserId');
  assertVpo(ctx, byVpoId, 'byVpoId');

  if (appointment) {
    if (appointment.caseId !== c.id) {
      throw new AppError('VALIDATION', 'the appointment belongs to another case', { field: 'appointmentId' });
    }
    if (appointment.status !== 'scheduled') {
      throw new AppError('INVALID_STATE', `the appointment is ${appointment.status}`, { field: 'appointmentId' });
    }
  }
  return {
    id: randomUUID(),
    case_id: c.id,
    kind: f.kind,
    contact_date: date,
    contact_time: time,
    by_user_id: byUserId,
    by_vpo_id: byVpoId,
    outcome: f.outcome,
    report_month: null,
    appointment_id: appointment?.id ?? null,
    notes: f.notes,
    sensitive: f.sensitive ? 1 : 0,
  };
}

/** Inserts a prepared contact; a linked appointment is marked done in the same transaction. */
export function insertContact(tx: Tx, row: ReturnType<typeof prepareContact>): void {
  tx.insert('contacts', { ...row, created_at: tx.at, updated_at: tx.at });
  const appointmentId = row.appointment_id;
  if (typeof appointmentId === 'string') {
    tx.update('appointments', appointmentId, { status: 'done', contact_id: row.id, updated_at: tx.at });
  }
}

export function findAppointmentRef(ctx: ServiceContext, id: string): AppointmentRef | null {
  const r = stmt(ctx.db, 'SELECT id, case_id, status FROM appointments WHERE id = ?').get(id) as
    | { id: string; case_id: string; status: string }
    | undefined;
  return r ? { id: r.id, caseId: r.case_id, status: r.status } : null;
}

export function recordContact(ctx: ServiceContext, input: ParsedInputOf<'contacts.record'>): Contact {
  const c = loadCase(ctx, input.caseId);
  let appointment: AppointmentRef | null = null;
  if (input.appointmentId) {
    appointment = findAppointmentRef(ctx, input.appointmentId);
    if (!appointment) throw new AppError('VALIDATION', 'no such appointment', { field: 'appointmentId' });
  }
  const row = prepareContact(ctx, c, input, appointment);
  mutate(ctx, 'contacts.record', (tx) => insertContact(tx, row));
  return getContact(ctx, c, row.id);
}

// --- VPO monthly reports ---------------------------------------------------------------------

/** A paper report keyed in by office staff: a contact of kind vpo_monthly_report for one month. */
export function recordVpoReport(ctx: ServiceContext, input: ParsedInputOf<'vpoReports.record'>): Contact {
  const c = loadCase(ctx, input.caseId);
  const date = input.date ?? todayOf(ctx);
  assertPastDateInCase(ctx, c, date, 'date');
  if (input.month > monthOf(date)) {
    throw new AppError('VALIDATION', 'a report cannot cover a month after the day it was received', { field: 'month' });
  }
  if (input.month < monthOf(c.startDate)) {
    throw new AppError('VALIDATION', 'the month is before the case started', { field: 'month' });
  }
  const vpoId = input.vpoId ?? c.vpoId;
  if (vpoId === null) throw new AppError('VALIDATION', 'no VPO is assigned; choose one', { field: 'vpoId' });
  assertVpo(ctx, vpoId, 'vpoId');
  const duplicate = stmt(
    ctx.db,
    "SELECT 1 FROM contacts WHERE case_id = ? AND kind = 'vpo_monthly_report' AND report_month = ?",
  ).get(c.id, input.month);
  if (duplicate) {
    throw new AppError('DUPLICATE', 'a report for this month is already recorded', { field: 'month' });
  }
  const id = randomUUID();
  mutate(ctx, 'vpoReports.record', (tx) =>
    tx.insert('contacts', {
      id,
      case_id: c.id,
      kind: 'vpo_monthly_report',
      contact_date: date,
      contact_time: null,
      by_user_id: null,
      by_vpo_id: vpoId,
      outcome: input.outcome,
      report_month: input.month,
      appointment_id: null,
      notes: input.notes,
      sensitive: input.sensitive ? 1 : 0,
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return getContact(ctx, c, id);
}

/**
 * Active cases that were under supervision during the month and have no report recorded for it.
 * A report recorded with a "missed" outcome is not missing: the office knows about it.
 */
interface MissingRow {
  id: string;
  case_number: string;
  supervisee_id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  officer_id: string | null;
  vpo_id: string | null;
  vpo_name: string | null;
}

export function missingVpoReports(db: Db, month: string): VpoReportMissing[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.case_number, s.id AS supervisee_id, s.family_name, s.given_name, s.family_kana, s.given_kana,
            s.officer_id, s.vpo_id, v.name AS vpo_name
       FROM cases c
       JOIN supervisees s ON s.id = c.supervisee_id
       LEFT JOIN vpos v ON v.id = s.vpo_id
      WHERE c.status = 'active'
        AND c.start_date <= @monthEnd
        AND COALESCE(c.termination_date, c.planned_end_date) >= @monthStart
        AND NOT EXISTS (SELECT 1 FROM contacts r
                         WHERE r.case_id = c.id AND r.kind = 'vpo_monthly_report' AND r.report_month = @month)
      ORDER BY s.family_kana, s.given_kana, c.case_number`,
  ).all({ month, monthStart: `${month}-01`, monthEnd: monthEnd(month) }) as MissingRow[];
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.case_number,
    superviseeId: r.supervisee_id,
    name: `${r.family_name} ${r.given_name}`,
    nameKana: `${r.family_kana} ${r.given_kana}`,
    officerId: r.officer_id,
    vpoId: r.vpo_id,
    vpoName: r.vpo_name,
  }));
}
