/**
 * Offenders rehabilitation facilities, self-reliance preparation homes and DARC residences, and
 * placements in them (委託).
 *
 * A placement occupies a bed on each day from its start to the day before it ends (a night count,
 * as bed-days are counted): someone leaving and someone arriving on the same day share the bed.
 * A placement not yet ended is counted, for the capacity check, until its planned end while that
 * is still ahead, and indefinitely otherwise; in occupancy figures up to today.
 */
import { randomUUID } from 'node:crypto';
import { addMonths, monthEnd } from '../casework/calendar';
import type {
  ExitDestination,
  Facility,
  FacilityKind,
  Occupancy,
  OccupancyMonth,
  ParsedInputOf,
  Placement,
} from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { requireCaseworker } from './casework-shared';
import {
  addDays,
  assertNotBefore,
  assertNotFuture,
  assertOpen,
  assertWithinCase,
  bool,
  CASE_REF_COLUMNS,
  pathwayCase,
  stayDays,
  toCaseRef,
  todayOf,
  Where,
  type CaseRefRow,
} from './pathways-shared';

export const OCCUPANCY_MAX_MONTHS = 60;

// --- facilities -------------------------------------------------------------------------------

interface FacilityRow {
  id: string;
  name: string;
  kind: FacilityKind;
  address: string;
  phone: string;
  capacity: number;
  drug_focused: number;
  active: number;
  occupied: number;
  created_at: string;
  updated_at: string;
}

/** Residents on @today: started on or before it, not yet left. */
const OCCUPIED_ON = `(SELECT count(*) FROM placements p WHERE p.facility_id = f.id AND p.started_on <= @today
    AND (p.ended_on IS NULL OR p.ended_on > @today))`;

function toFacility(r: FacilityRow): Facility {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    phone: r.phone,
    capacity: r.capacity,
    drugFocused: r.drug_focused === 1,
    active: r.active === 1,
    occupiedToday: r.occupied,
    available: r.capacity - r.occupied,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listFacilities(ctx: ServiceContext, input: ParsedInputOf<'facilities.list'>): Facility[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.kind) where.add('f.kind = @kind', { kind: input.kind });
  if (input.drugFocused !== undefined) where.add('f.drug_focused = @drug', { drug: bool(input.drugFocused) });
  if (input.activeOnly) where.add('f.active = 1');
  const rows = stmt(ctx.db, `SELECT f.*, ${OCCUPIED_ON} AS occupied FROM facilities f ${where} ORDER BY f.active DESC, f.name, f.id`).all({
    ...where.params,
    today: todayOf(ctx),
  }) as FacilityRow[];
  return rows.map(toFacility);
}

function getFacility(ctx: ServiceContext, id: string): Facility | null {
  const r = stmt(ctx.db, `SELECT f.*, ${OCCUPIED_ON} AS occupied FROM facilities f WHERE f.id = @id`).get({ id, today: todayOf(ctx) }) as
    | FacilityRow
    | undefined;
  return r ? toFacility(r) : null;
}

export function saveFacility(ctx: ServiceContext, input: ParsedInputOf<'facilities.save'>): Facility {
  requireCaseworker(ctx);
  const fields = {
    name: input.name,
    kind: input.kind,
    address: input.address,
    phone: input.phone,
    capacity: input.capacity,
    drug_focused: bool(input.drugFocused),
    active: bool(input.active),
  };
  if (input.id && !stmt(ctx.db, 'SELECT 1 FROM facilities WHERE id = ?').get(input.id)) {
    throw new AppError('NOT_FOUND', 'no such facility', { field: 'id' });
  }
  if (stmt(ctx.db, 'SELECT 1 FROM facilities WHERE name = ? AND id <> ?').get(input.name, input.id ?? '')) {
    throw new AppError('DUPLICATE', 'a facility with this name is already registered', { field: 'name' });
  }
  const id = input.id ?? randomUUID();
  if (input.id) mutate(ctx, 'facilities.update', (tx) => tx.update('facilities', id, { ...fields, updated_at: tx.at }));
  else mutate(ctx, 'facilities.add', (tx) => tx.insert('facilities', { id, ...fields, created_at: tx.at, updated_at: tx.at }));
  return getFacility(ctx, id)!;
}

// --- placements -------------------------------------------------------------------------------

interface PlacementRow extends CaseRefRow {
  id: string;
  facility_id: string;
  facility_name: string;
  facility_kind: FacilityKind;
  started_on: string;
  planned_end_on: string | null;
  ended_on: string | null;
  exit_reason: string | null;
  exit_destination: ExitDestination | null;
  created_at: string;
  updated_at: string;
}

const PLACEMENT_SELECT = `SELECT p.*, f.name AS facility_name, f.kind AS facility_kind, ${CASE_REF_COLUMNS}
  FROM placements p JOIN facilities f ON f.id = p.facility_id JOIN cases c ON c.id = p.case_id JOIN supervisees s ON s.id = c.supervisee_id`;

function toPlacement(r: PlacementRow, today: string): Placement {
  return {
    ...toCaseRef(r),
    id: r.id,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    facilityKind: r.facility_kind,
    startedOn: r.started_on,
    plannedEndOn: r.planned_end_on,
    endedOn: r.ended_on,
    exitReason: r.exit_reason,
    exitDestination: r.exit_destination,
    stayDays: stayDays(r.started_on, r.ended_on, today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getPlacement(ctx: ServiceContext, id: string): Placement | null {
  const r = stmt(ctx.db, `${PLACEMENT_SELECT} WHERE p.id = ?`).get(id) as PlacementRow | undefined;
  return r ? toPlacement(r, todayOf(ctx)) : null;
}

const FOREVER = '9999-12-31';

interface Span {
  id: string;
  start: string;
  /** Exclusive. */
  end: string;
}

/** Days a placement not yet ended is counted as occupying, for the capacity check. */
function expectedSpan(p: { id: string; started_on: string; planned_end_on: string | null; ended_on: string | null }, today: string): Span {
  if (p.ended_on !== null) return { id: p.id, start: p.started_on, end: p.ended_on };
  const planned = p.planned_end_on;
  return { id: p.id, start: p.started_on, end: planned !== null && planned > today && planned > p.started_on ? planned : FOREVER };
}

/** The highest number of overlapping spans on a day of [start, end), and the first such day. */
function peak(spans: readonly Span[], start: string, end: string): { occupied: number; date: string } {
  const days = new Set([start, ...spans.map((s) => s.start).filter((d) => d > start && d < end)]);
  let best = { occupied: 0, date: start };
  for (const d of [...days].sort()) {
    const n = spans.filter((s) => s.start <= d && d < s.end).length;
    if (n > best.occupied) best = { occupied: n, date: d };
  }
  return best;
}

export function createPlacement(ctx: ServiceContext, input: ParsedInputOf<'placements.create'>): Placement {
  const c = pathwayCase(ctx, input.caseId);
  assertOpen(c);
  const today = todayOf(ctx);
  const plannedEnd = input.plannedEndOn ?? null;
  if (plannedEnd !== null) assertNotBefore(input.startedOn, plannedEnd, 'plannedEndOn');
  assertNotFuture(ctx, input.startedOn, 'startedOn');
  assertWithinCase(c, input.startedOn, 'startedOn');
  const facility = stmt(ctx.db, 'SELECT id, capacity, active FROM facilities WHERE id = ?').get(input.facilityId) as
    | { id: string; capacity: number; active: number }
    | undefined;
  if (!facility) throw new AppError('NOT_FOUND', 'no such facility', { field: 'facilityId' });
  if (facility.active !== 1) throw new AppError('VALIDATION', 'the facility is no longer active', { field: 'facilityId' });

  const start = input.startedOn;
  const end = plannedEnd !== null && plannedEnd > start ? plannedEnd : plannedEnd !== null ? addDays(start, 1) : FOREVER;
  // One person lives in one place at a time, across all their cases.
  const clash = stmt(
    ctx.db,
    `SELECT p.id FROM placements p JOIN cases c ON c.id = p.case_id
      WHERE c.supervisee_id = @person AND p.started_on < @end AND (p.ended_on IS NULL OR p.ended_on > @start)
      ORDER BY p.started_on LIMIT 1`,
  ).get({ person: c.superviseeId, start, end }) as { id: string } | undefined;
  if (clash) throw new AppError('OVERLAP', 'the person is placed elsewhere during this time', { field: 'startedOn', placementId: clash.id });

  const others = (
    stmt(
      ctx.db,
      `SELECT id, started_on, planned_end_on, ended_on FROM placements
        WHERE facility_id = @facility AND started_on < @end AND (ended_on IS NULL OR ended_on > @start)`,
    ).all({ facility: facility.id, start, end }) as { id: string; started_on: string; planned_end_on: string | null; ended_on: string | null }[]
  ).map((p) => expectedSpan(p, today));
  const full = peak(others, start, end);
  if (full.occupied >= facility.capacity && !input.confirmOverCapacity) {
    throw new AppError('OVER_CAPACITY', 'the facility is full on a day of this placement', {
      field: 'facilityId',
      capacity: facility.capacity,
      occupied: full.occupied,
      date: full.date,
    });
  }
  const id = randomUUID();
  mutate(ctx, 'placements.create', (tx) =>
    tx.insert('placements', {
      id,
      case_id: c.id,
      facility_id: facility.id,
      started_on: start,
      planned_end_on: plannedEnd,
      ended_on: null,
      exit_reason: null,
      exit_destination: null,
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return getPlacement(ctx, id)!;
}

export function endPlacement(ctx: ServiceContext, input: ParsedInputOf<'placements.end'>): Placement {
  requireCaseworker(ctx);
  const p = getPlacement(ctx, input.id);
  if (!p) throw new AppError('NOT_FOUND', 'no such placement', { field: 'id' });
  if (p.endedOn !== null) throw new AppError('INVALID_STATE', 'the placement has already ended', { field: 'id' });
  assertNotBefore(p.startedOn, input.endedOn, 'endedOn');
  assertNotFuture(ctx, input.endedOn, 'endedOn');
  mutate(ctx, 'placements.end', (tx) =>
    tx.update('placements', p.id, {
      ended_on: input.endedOn,
      exit_reason: input.exitReason,
      exit_destination: input.exitDestination,
      updated_at: tx.at,
    }),
  );
  return getPlacement(ctx, p.id)!;
}

export function listPlacements(ctx: ServiceContext, input: ParsedInputOf<'placements.list'>): Placement[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.caseId) where.add('p.case_id = @case', { case: input.caseId });
  if (input.facilityId) where.add('p.facility_id = @facility', { facility: input.facilityId });
  if (input.status === 'open') where.add('p.ended_on IS NULL');
  if (input.status === 'ended') where.add('p.ended_on IS NOT NULL');
  if (input.exitDestination) where.add('p.exit_destination = @destination', { destination: input.exitDestination });
  if (input.from) where.add('(p.ended_on IS NULL OR p.ended_on >= @from)', { from: input.from });
  if (input.to) where.add('p.started_on <= @to', { to: input.to });
  const today = todayOf(ctx);
  const rows = stmt(ctx.db, `${PLACEMENT_SELECT} ${where} ORDER BY p.started_on DESC, p.created_at DESC, p.id LIMIT @limit OFFSET @offset`).all({
    ...where.params,
    limit: input.limit,
    offset: input.offset,
  }) as PlacementRow[];
  return rows.map((r) => toPlacement(r, today));
}

// --- occupancy --------------------------------------------------------------------------------

export function facilityOccupancy(ctx: ServiceContext, input: ParsedInputOf<'facilities.occupancy'>): Occupancy {
  requireCaseworker(ctx);
  const today = todayOf(ctx);
  assertNotBefore(input.from, input.to, 'to');
  assertNotFuture(ctx, input.from, 'from');
  const to = input.to < today ? input.to : today;
  const months: string[] = [];
  for (let m = input.from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  if (months.length > OCCUPANCY_MAX_MONTHS) {
    throw new AppError('VALIDATION', `at most ${OCCUPANCY_MAX_MONTHS} months at a time`, { field: 'to' });
  }
  if (input.facilityId && !stmt(ctx.db, 'SELECT 1 FROM facilities WHERE id = ?').get(input.facilityId)) {
    throw new AppError('NOT_FOUND', 'no such facility', { field: 'facilityId' });
  }
  const byFacility = input.facilityId ? 'AND facility_id = @facility' : '';
  const placements = stmt(
    ctx.db,
    `SELECT facility_id, started_on, ended_on FROM placements
      WHERE started_on <= @to AND (ended_on IS NULL OR ended_on >= @from) ${byFacility}`,
  )
    .raw()
    .all({ from: input.from, to, ...(input.facilityId ? { facility: input.facilityId } : {}) }) as [string, string, string | null][];
  const used = new Set(placements.map((p) => p[0]));
  const facilities = (
    stmt(ctx.db, `SELECT id, name, kind, capacity, active FROM facilities ${input.facilityId ? 'WHERE id = @facility' : ''} ORDER BY name, id`).all(
      input.facilityId ? { facility: input.facilityId } : {},
    ) as { id: string; name: string; kind: FacilityKind; capacity: number; active: number }[]
  ).filter((f) => f.active === 1 || used.has(f.id));

  // The counted days of each month (day numbers): inside [from, to], today at the latest.
  const spans = months.map((m) => {
    const first = dayNumber(`${m}-01` < input.from ? input.from : `${m}-01`);
    const last = dayNumber(monthEnd(m) > to ? to : monthEnd(m));
    return { month: m, first, next: last + 1, days: last - first + 1 };
  });
  interface Acc {
    active: number;
    bedDays: number;
    ended: number;
    stay: number;
  }
  const acc = new Map<string, Acc[]>(facilities.map((f) => [f.id, spans.map(() => ({ active: 0, bedDays: 0, ended: 0, stay: 0 }))]));
  const afterTo = dayNumber(to) + 1;
  for (const [facilityId, startedOn, endedOn] of placements) {
    const cells = acc.get(facilityId);
    if (!cells) continue;
    const start = dayNumber(startedOn);
    const end = endedOn === null ? null : dayNumber(endedOn);
    // Occupied days [start, stop), cut at the end of the range.
    const stop = end !== null && end < afterTo ? end : afterTo;
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      if (s.first > stop) break;
      const a = Math.max(start, s.first);
      const b = Math.min(stop, s.next);
      const cell = cells[i]!;
      if (a < b) {
        cell.active += 1;
        cell.bedDays += b - a;
      }
      if (end !== null && end >= s.first && end < s.next) {
        cell.ended += 1;
        cell.stay += end - start;
      }
    }
  }
  const rows: OccupancyMonth[] = [];
  for (const f of facilities) {
    const cells = acc.get(f.id)!;
    spans.forEach((s, i) => {
      const c = cells[i]!;
      rows.push({
        facilityId: f.id,
        facilityName: f.name,
        facilityKind: f.kind,
        month: s.month,
        capacity: f.capacity,
        days: s.days,
        placementsActive: c.active,
        bedDays: c.bedDays,
        averageResidents: round(c.bedDays / s.days),
        occupancyRate: f.capacity > 0 ? round(c.bedDays / (f.capacity * s.days)) : null,
        placementsEnded: c.ended,
        averageStayDays: c.ended > 0 ? round(c.stay / c.ended) : null,
      });
    });
  }
  return { from: input.from, to, months, rows };
}

/** Days since 1970-01-01 of an ISO date: plain arithmetic for the occupancy loop. */
function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
