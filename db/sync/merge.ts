/**
 * Applying ops from another device, inside the caller's transaction (db/sync/import.ts).
 *
 * - An op is one row as one device wrote it (db/sync/ops.ts); it is merged field by field.
 * - Idempotent: an op whose (origin, seq) is already in change_log is skipped. New ops are stored
 *   in change_log whether or not they win, so they can be relayed and compared later.
 * - Per field, last writer wins by (hlc, device) via field_clock; the winners are written to the row.
 * - A row new to this device (not here, not waiting) is inserted from its op as it comes, with one
 *   whole-row clock entry: nothing to look up, which keeps a large import close to a plain insert.
 * - A concurrent edit (the loser was not seen by the winner's author: the later op's base is not
 *   the earlier op's hlc, and no other op on the field was based on it) is queued in
 *   sync_conflicts with both values. The winner still applies, so every device converges.
 * - A row whose parent or required fields have not arrived yet waits in sync_pending and is
 *   retried at the end of every apply.
 * - Bookkeeping columns (BOOKKEEPING_FIELDS: updated_at and the like) follow last-writer-wins
 *   without ever entering the conflict queue; only fields a person wrote do.
 * - Clock far ahead (more than `sync_max_clock_ahead_minutes`, default 24 h, past this device's
 *   wall clock): the op is stored and takes part in LWW like any other, so all devices agree, but
 *   it is counted, recorded in sync_clock_flags for the UI, and does not advance the local clock.
 *   A later local edit of that field is ordered just after it by db/write.ts, so it still wins.
 * - No service deletes rows, so there are no tombstones; whole cases leave a laptop by purge
 *   (db/sync/relay.ts).
 */
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { stmt } from '../statements';
import type { Scalar, ServiceContext } from '../write';
import { recordConflict, seenByLaterEdit, supersede } from './conflicts';
import { RowClocks, WHOLE_ROW } from './field-clock';
import { parseHlc } from './hlc';
import { OpBatch } from './op-batch';
import { newer, storedForm, valueJson, type ApplyResult, type SyncControl, type SyncOp } from './ops';
import { purgeCases } from './relay';
import { rowExists, tableInfo, winningValues, writeRow, type WriteOutcome } from './rows';
import { isSynced } from './scope';

export const DEFAULT_MAX_CLOCK_AHEAD_MINUTES = 24 * 60;
/**
 * Tables only a supervisor or an administrator may change (db/services: users, settings, contact
 * standards, the program catalogue). The office refuses such ops from a laptop whose officer could
 * not have made them there, whatever the bundle says: they are not stored, counted in `refused`.
 */
const STAFF_ONLY = new Set(['users', 'settings', 'contact_standards', 'programs']);
/**
 * Columns the app fills in itself on every write (when, and by whom): last writer wins silently.
 * Two devices touching a row always differ here, and no person chose these values, so a conflict
 * entry would only ask someone to pick between two timestamps.
 */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['updated_at', 'updated_by', 'created_at', 'created_by', 'recorded_by']);
/**
 * Fields only the office sets (case assignment): a laptop's own change is refused there and the
 * office's value sent back (db/sync/import.ts), so no person is asked to choose between the two.
 */
const OFFICE_DECIDES: ReadonlySet<string> = new Set(['supervisees.officer_id']);
export const MAX_CLOCK_AHEAD_SETTING = 'sync_max_clock_ahead_minutes';
const MAX_VALUE_CHARS = 1_000_000;
const DEVICE = /^[A-Za-z0-9-]{1,64}$/;

export function maxClockAheadMs(ctx: ServiceContext): number {
  const r = stmt(ctx.db, 'SELECT value FROM settings WHERE id = ?').get(MAX_CLOCK_AHEAD_SETTING) as { value: string } | undefined;
  const minutes = r ? Number(JSON.parse(r.value)) : DEFAULT_MAX_CLOCK_AHEAD_MINUTES;
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_MAX_CLOCK_AHEAD_MINUTES) * 60_000;
}

export function localRole(ctx: ServiceContext): 'office' | 'laptop' | null {
  const r = stmt(ctx.db, 'SELECT role FROM sync_identity WHERE id = 1').get() as { role: 'office' | 'laptop' } | undefined;
  return r?.role ?? null;
}

/** Whether the laptop `device` belongs to a supervisor or an administrator (per the office's records). */
function senderIsStaff(ctx: ServiceContext, device: string): boolean {
  const r = stmt(ctx.db, 'SELECT u.role FROM sync_devices d JOIN users u ON u.id = d.officer_id WHERE d.device_id = ?').get(device) as
    | { role: string }
    | undefined;
  return r !== undefined && (r.role === 'supervisor' || r.role === 'administrator');
}

/**
 * Case assignment is the office's decision: from a laptop, the office takes `supervisees.officer_id`
 * only as part of a new person that laptop's officer took in (assigned to that officer, as the
 * intake service allows); any other value, or a change of an existing person's, is refused.
 */
function refusedAssignment(ctx: ServiceContext, senderOfficer: string | null, op: SyncOp, isPending: (e: string, r: string) => boolean): boolean {
  if (op.entity !== 'supervisees' || !has(op.fields, 'officer_id')) return false;
  const known = rowExists(ctx.db, 'supervisees', op.row) || isPending('supervisees', op.row);
  return known || senderOfficer === null || op.fields.officer_id !== senderOfficer;
}

/** The op without one of its fields (what the office keeps of an op it partly refuses). */
function without(op: SyncOp, field: string): SyncOp {
  const fields = { ...op.fields };
  const bases = { ...op.bases };
  delete fields[field];
  delete bases[field];
  return { ...op, fields, bases };
}

function senderOfficerOf(ctx: ServiceContext, device: string): string | null {
  const r = stmt(ctx.db, 'SELECT officer_id FROM sync_devices WHERE device_id = ?').get(device) as { officer_id: string | null } | undefined;
  return r?.officer_id ?? null;
}

function malformed(index: number, why: string): AppError {
  return new AppError('SYNC_PAYLOAD_MALFORMED', `sync op ${index} is malformed: ${why}`, { index });
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkClock(hlc: unknown, index: number): { device: string; ms: number } {
  try {
    if (typeof hlc !== 'string') throw new Error('not a string');
    return parseHlc(hlc);
  } catch {
    throw malformed(index, 'clock');
  }
}

/** Checks one op from a bundle; throws SYNC_PAYLOAD_MALFORMED (the caller's transaction rolls back). Returns the op's wall-clock ms. */
function validate(ctx: ServiceContext, op: SyncOp, index: number): number {
  if (typeof op !== 'object' || op === null) throw malformed(index, 'not an object');
  if (typeof op.origin !== 'string' || !DEVICE.test(op.origin)) throw malformed(index, 'origin');
  if (!Number.isSafeInteger(op.seq) || op.seq < 1) throw malformed(index, 'seq');
  const { device, ms } = checkClock(op.hlc, index);
  if (device !== op.origin) throw malformed(index, 'clock device');
  if (typeof op.entity !== 'string' || !isSynced(op.entity)) throw malformed(index, 'entity');
  if (typeof op.row !== 'string' || op.row.length < 1 || op.row.length > 128) throw malformed(index, 'row');
  if (!isRecord(op.fields)) throw malformed(index, 'fields');
  const columns = tableInfo(ctx.db, op.entity).columns;
  let n = 0;
  for (const [field, value] of Object.entries(op.fields)) {
    n += 1;
    if (field === 'id' || !columns.has(field)) throw malformed(index, 'field');
    const ok =
      value === null ||
      (typeof value === 'string' && value.length <= MAX_VALUE_CHARS) ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw malformed(index, 'value');
  }
  if (n === 0) throw malformed(index, 'no fields');
  if (!isRecord(op.bases)) throw malformed(index, 'bases');
  for (const [field, base] of Object.entries(op.bases)) {
    if (!has(op.fields, field)) throw malformed(index, 'base of a field the op does not set');
    checkClock(base, index);
  }
  return ms;
}

export function applyIncoming(ctx: ServiceContext, from: string, ops: Iterable<SyncOp>, control: SyncControl): ApplyResult {
  const db = ctx.db;
  const at = new Date(ctx.now()).toISOString();
  const maxAhead = maxClockAheadMs(ctx);
  const role = localRole(ctx);
  const result: ApplyResult = { applied: 0, skipped: 0, conflicts: 0, clockAhead: 0, purged: 0, refused: 0, reassert: [] };
  const fromOfficer = role === 'office' && !senderIsStaff(ctx, from);
  const fromLaptop = role === 'office' && from !== ctx.deviceId;
  const senderOfficer = fromLaptop ? senderOfficerOf(ctx, from) : null;
  // Whether sync_pending may hold rows (then a row that is not here may still have field clocks).
  let hadPending = stmt(db, 'SELECT 1 FROM sync_pending LIMIT 1').get() !== undefined;
  let ownSeq = 0;
  const ownNext = Number((stmt(db, "SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string } | undefined)?.value ?? 1);
  const batch = new OpBatch(db);

  const settle = (entity: string, row: string, outcome: WriteOutcome) => {
    if (outcome === 'written') {
      if (hadPending) stmt(db, 'DELETE FROM sync_pending WHERE entity = ? AND row_id = ?').run(entity, row);
    } else {
      hadPending = true;
      stmt(db, 'INSERT INTO sync_pending (entity, row_id, reason) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason').run(
        entity,
        row,
        outcome,
      );
    }
  };
  const isPending = (entity: string, row: string) =>
    hadPending && stmt(db, 'SELECT 1 FROM sync_pending WHERE entity = ? AND row_id = ?').get(entity, row) !== undefined;

  /** A row this device knows (here or waiting): each field against its winner. */
  const mergeKnown = (op: SyncOp, exists: boolean) => {
    batch.flush();
    const clocks = new RowClocks(db, op.entity, op.row);
    const won: Record<string, Scalar> = {};
    let wins = 0;
    for (const [field, value] of Object.entries(op.fields)) {
      const local = clocks.winner(field);
      if (local && local.device === op.origin && local.seq === op.seq) continue;
      const base = has(op.bases, field) ? op.bases[field]! : null;
      const isNewer = !local || newer(op.hlc, op.origin, local.hlc, local.device);
      if (local && !BOOKKEEPING_FIELDS.has(field) && !OFFICE_DECIDES.has(`${op.entity}.${field}`)) {
        // The loser of the two was overwritten without being seen: queue it for a person.
        const concurrent = isNewer ? base !== local.hlc : !seenByLaterEdit(db, op.hlc, op.entity, op.row, field);
        if (concurrent && recordConflict(db, local, clocks.valueJson(field, local), op, field, valueJson(value), at)) result.conflicts += 1;
      }
      if (isNewer) {
        batch.win(op, field, base);
        won[field] = value;
        wins += 1;
        if (local) supersede(db, op.entity, op.row, field, base, at);
      }
    }
    if (wins === 0) return;
    if (exists) return settle(op.entity, op.row, writeRow(db, op.entity, op.row, won, true));
    batch.flush();
    settle(op.entity, op.row, writeRow(db, op.entity, op.row, winningValues(db, op.entity, op.row), false));
  };

  let latest: string | null = null;
  const wall = ctx.now();
  let index = 0;
  for (const incoming of ops) {
    const ms = validate(ctx, incoming, index);
    index += 1;
    let op = incoming;
    // A laptop sends its own ops, and the office's own that the office lost to a restore: only
    // sequence numbers this office handed out (below next_seq, which a restore carries forward).
    if (role === 'office' && op.origin !== from && (op.origin !== ctx.deviceId || op.seq >= ownNext)) {
      throw malformed(index - 1, 'a laptop relays only its own ops');
    }
    if (fromOfficer && STAFF_ONLY.has(op.entity)) {
      result.refused += 1;
      continue;
    }
    if (fromLaptop && refusedAssignment(ctx, senderOfficer, op, isPending)) {
      result.refused += 1;
      // The laptop already shows its own value: the office states its own again, later than this op.
      if (rowExists(db, 'supervisees', op.row) && !result.reassert.includes(op.row)) result.reassert.push(op.row);
      if (ms - wall <= maxAhead && (latest === null || op.hlc > latest)) latest = op.hlc;
      op = without(op, 'officer_id');
      if (Object.keys(op.fields).length === 0) continue;
    }
    if (!batch.store(op, storedForm(op))) {
      result.skipped += 1;
      // Our own op, sent back in a snapshot after this laptop gave the person up and got them
      // back: the op was kept (it had to reach the office) but its row was purged, so merge it again.
      if (op.origin !== ctx.deviceId) continue;
    } else {
      result.applied += 1;
    }
    // Our own op coming back (after a restore from backup): never reuse its sequence number.
    if (op.origin === ctx.deviceId) ownSeq = Math.max(ownSeq, op.seq);

    if (ms - wall > maxAhead) {
      result.clockAhead += 1;
      stmt(db, 'INSERT OR IGNORE INTO sync_clock_flags (origin, seq, hlc, detected_at) VALUES (?, ?, ?, ?)').run(op.origin, op.seq, op.hlc, at);
    } else if (latest === null || op.hlc > latest) {
      latest = op.hlc;
    }

    const exists = rowExists(db, op.entity, op.row);
    if (exists || isPending(op.entity, op.row)) {
      mergeKnown(op, exists);
    } else {
      // New here: no field of this row has a clock yet, so every field of the op wins.
      batch.win(op, WHOLE_ROW, null);
      settle(op.entity, op.row, writeRow(db, op.entity, op.row, op.fields, false));
    }
  }
  batch.flush();
  // Receiving the latest trusted clock is the same as receiving each in turn.
  if (latest !== null) ctx.clock.receive(latest, maxAhead);

  if (ownSeq > 0) {
    stmt(
      db,
      `INSERT INTO meta (key, value) VALUES ('next_seq', ?)
       ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    ).run(String(ownSeq + 1));
  }
  retryPending(ctx);
  if (control.purgeCases.length > 0) {
    if (role !== 'laptop') throw new AppError('SYNC_WRONG_ROLE', 'only a laptop removes cases the office moved away');
    result.purged = purgeCases(ctx, from, control.purgeCases);
  }
  if (result.refused > 0) {
    appendAudit(db, {
      actor: ctx.actor,
      deviceId: ctx.deviceId,
      action: 'sync.refused',
      at,
      entity: null,
      entityId: null,
      after: { from, ops: result.refused },
    });
  }
  if (result.clockAhead > 0) {
    appendAudit(db, {
      actor: ctx.actor,
      deviceId: ctx.deviceId,
      action: 'sync.clock_ahead',
      at,
      entity: null,
      entityId: null,
      after: { from, ops: result.clockAhead },
    });
  }
  return result;
}

/** Writes the rows that were waiting for a parent or a field, until no more can be written. */
function retryPending(ctx: ServiceContext): void {
  const db = ctx.db;
  for (;;) {
    const pending = stmt(db, 'SELECT entity, row_id FROM sync_pending').all() as { entity: string; row_id: string }[];
    let progress = false;
    for (const p of pending) {
      const exists = rowExists(db, p.entity, p.row_id);
      const outcome = writeRow(db, p.entity, p.row_id, winningValues(db, p.entity, p.row_id), exists);
      if (outcome === 'written') {
        stmt(db, 'DELETE FROM sync_pending WHERE entity = ? AND row_id = ?').run(p.entity, p.row_id);
        progress = true;
      }
    }
    if (!progress) return;
  }
}
