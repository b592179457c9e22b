import { randomUUID } from 'node:crypto';
import { addDays, japanDate, japanDayStart, japanTime, JST_OFFSET_MS } from '../casework/standards';
import type { AgendaRow, Appointment, AppointmentKind, AppointmentStatus, Contact, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { getContact, insertContact, loadCase, prepareContact, type CaseInfo } from './contacts';

const DAY_MS = 86_400_000;
/** Longest agenda range: a month view with the surrounding weeks. */
const MAX_AGENDA_DAYS = 62;

interface AppointmentRow {
  id: string;
  case_id: string;
  starts_at: string;
  duration_min: number;
  kind: AppointmentKind;
  place: string;
  status: AppointmentStatus;
  series_id: string | null;
  contact_id: string | null;
  notes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    caseId: r.case_id,
    startsAt: r.starts_at,
    endsAt: new Date(Date.parse(r.starts_at) + r.duration_min * 60_000).toISOString(),
    durationMin: r.duration_min,
    kind: r.kind,
    place: r.place,
    status: r.status,
    seriesId: r.series_id,
    contactId: r.contact_id,
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function loadAppointment(ctx: ServiceContext, id: string): AppointmentRow {
  const r = stmt(ctx.db, 'SELECT * FROM appointments WHERE id = ?').get(id) as AppointmentRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'no such appointment', { field: 'id' });
  return r;
}

function assertScheduled(a: AppointmentRow): void {
  if (a.status !== 'scheduled') throw new AppError('INVALID_STATE', `the appointment is ${a.status}`, { field: 'id' });
}

/** Same day of the month and the same Japan clock time, n months later (31st → last day if shorter). */
function addMonthsJapan(ms: number, n: number): number {
  const j = new Date(ms + JST_OFFSET_MS);
  const y = j.getUTCFullYear();
  const m = j.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(j.getUTCDate(), lastDay);
  return (
    Date.UTC(y, m, day, j.getUTCHours(), j.getUTCMinutes(), j.getUTCSeconds(), j.getUTCMilliseconds()) - JST_OFFSET_MS
  );
}

function occurrences(startMs: number, recurrence: ParsedInputOf<'appointments.create'>['recurrence']): number[] {
  if (!recurrence) return [startMs];
  return Array.from({ length: recurrence.count }, (_, i) => {
    if (recurrence.every === 'week') return startMs + i * 7 * DAY_MS;
    if (recurrence.every === '2weeks') return startMs + i * 14 * DAY_MS;
    return addMonthsJapan(startMs, i);
  });
}

/** An appointment must fall on a day of supervision. */
function assertWithinCase(c: CaseInfo, startMs: number, field: string): void {
  const day = japanDate(startMs);
  if (day < c.startDate) throw new AppError('VALIDATION', 'the appointment is before the case started', { field });
  if (day > c.endDate) throw new AppError('VALIDATION', 'the appointment is after supervision ends', { field });
}

export function createAppointments(ctx: ServiceContext, input: ParsedInputOf<'appointments.create'>): Appointment[] {
  const c = loadCase(ctx, input.caseId);
  if (c.status === 'terminated') throw new AppError('INVALID_STATE', 'the case is terminated', { field: 'caseId' });
  const starts = occurrences(Date.parse(input.startsAt), input.recurrence);
  starts.forEach((ms, i) => assertWithinCase(c, ms, i === 0 ? 'startsAt' : 'recurrence'));

  const seriesId = starts.length > 1 ? randomUUID() : null;
  const ids = starts.map(() => randomUUID());
  mutate(ctx, 'appointments.create', (tx) => {
    starts.forEach((ms, i) =>
      tx.insert('appointments', {
        id: ids[i]!,
        case_id: c.id,
        starts_at: new Date(ms).toISOString(),
        duration_min: input.durationMin,
        kind: input.kind,
        place: input.place,
        status: 'scheduled',
        series_id: seriesId,
        contact_id: null,
        notes: input.notes,
        created_by: ctx.actor.userId,
        created_at: tx.at,
        updated_at: tx.at,
      }),
    );
  });
  return ids.map((id) => toAppointment(loadAppointment(ctx, id)));
}

export function rescheduleAppointment(ctx: ServiceContext, input: ParsedInputOf<'appointments.reschedule'>): Appointment {
  const a = loadAppointment(ctx, input.id);
  assertScheduled(a);
  const ms = Date.parse(input.startsAt);
  assertWithinCase(loadCase(ctx, a.case_id), ms, 'startsAt');
  mutate(ctx, 'appointments.reschedule', (tx) =>
    tx.update('appointments', a.id, { starts_at: new Date(ms).toISOString(), updated_at: tx.at }),
  );
  return toAppointment(loadAppointment(ctx, a.id));
}

/**
 * Cancels one appointment; with wholeSeries also every later occurrence of its series that is
 * still scheduled. Earlier occurrences are left alone: they may still need an outcome.
 */
export function cancelAppointment(ctx: ServiceContext, input: ParsedInputOf<'appointments.cancel'>): Appointment[] {
  const a = loadAppointment(ctx, input.id);
  assertScheduled(a);
  const ids =
    input.wholeSeries && a.series_id
      ? (
          stmt(
            ctx.db,
            "SELECT id FROM appointments WHERE series_id = ? AND status = 'scheduled' AND starts_at >= ? ORDER BY starts_at",
          ).all(a.series_id, a.starts_at) as { id: string }[]
        ).map((r) => r.id)
      : [a.id];
  mutate(ctx, 'appointments.cancel', (tx) => {
    for (const id of ids) tx.update('appointments', id, { status: 'cancelled', updated_at: tx.at });
  });
  return ids.map((id) => toAppointment(loadAppointment(ctx, id)));
}

/** Records what happened at the appointment; kind, date and time default to the appointment's. */
export function resolveAppointment(
  ctx: ServiceContext,
  input: ParsedInputOf<'appointments.resolve'>,
): { appointment: Appointment; contact: Contact } {
  const a = loadAppointment(ctx, input.id);
  assertScheduled(a);
  const c = loadCase(ctx, a.case_id);
  const startMs = Date.parse(a.starts_at);
  const f = input.contact;
  const row = prepareContact(
    ctx,
    c,
    {
      ...f,
      kind: f.kind ?? a.kind,
      date: f.date ?? japanDate(startMs),
      time: f.time ?? (f.date === undefined ? japanTime(startMs) : undefined),
    },
    { id: a.id, caseId: a.case_id, status: a.status },
  );
  mutate(ctx, 'appointments.resolve', (tx) => insertContact(tx, row));
  return { appointment: toAppointment(loadAppointment(ctx, a.id)), contact: getContact(ctx, c, row.id) };
}

interface AgendaDbRow extends AppointmentRow {
  case_number: string;
  supervisee_id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  officer_id: string | null;
}

/** Appointments from the start of `from` to the end of `to` (Japan days), in time order. */
export function agenda(ctx: ServiceContext, input: ParsedInputOf<'appointments.agenda'>): AgendaRow[] {
  if (input.to < input.from) throw new AppError('END_BEFORE_START', 'the range ends before it starts', { field: 'to' });
  if (input.to > addDays(input.from, MAX_AGENDA_DAYS - 1)) {
    throw new AppError('VALIDATION', `an agenda covers at most ${MAX_AGENDA_DAYS} days`, { field: 'to' });
  }
  const rows = stmt(
    ctx.db,
    `SELECT a.*, c.case_number, s.id AS supervisee_id, s.family_name, s.given_name, s.family_kana, s.given_kana,
            s.officer_id
       FROM appointments a
       JOIN cases c ON c.id = a.case_id
       JOIN supervisees s ON s.id = c.supervisee_id
      WHERE a.starts_at >= @from AND a.starts_at < @to
        AND (@mine IS NULL OR s.officer_id = @mine)
        AND (@cancelled = 1 OR a.status <> 'cancelled')
      ORDER BY a.starts_at, s.family_kana, s.given_kana`,
  ).all({
    from: new Date(japanDayStart(input.from)).toISOString(),
    to: new Date(japanDayStart(addDays(input.to, 1))).toISOString(),
    mine: input.scope === 'mine' ? (ctx.actor.userId ?? '') : null,
    cancelled: input.includeCancelled ? 1 : 0,
  }) as AgendaDbRow[];
  const now = ctx.now();
  return rows.map((r) => {
    const a = toAppointment(r);
    const startMs = Date.parse(a.startsAt);
    return {
      ...a,
      date: japanDate(startMs),
      time: japanTime(startMs),
      caseNumber: r.case_number,
      superviseeId: r.supervisee_id,
      name: `${r.family_name} ${r.given_name}`,
      nameKana: `${r.family_kana} ${r.given_kana}`,
      officerId: r.officer_id,
      needsOutcome: a.status === 'scheduled' && Date.parse(a.endsAt) <= now,
    };
  });
}
