/**
 * The conflict queue at the database level: recording a concurrent edit, and closing the ones a
 * later informed edit has settled. The services in db/services/sync-conflicts.ts list and resolve.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { stmt } from '../statements';
import type { Winner } from './field-clock';
import type { SyncOp } from './ops';

export type { Winner } from './field-clock';

/**
 * Queues the value `op` wrote to `field` (remoteValue, as JSON) against what this device had
 * (`local`, whose value is localValue). Two edits that set the same value are not a conflict.
 * Returns whether a new entry was made (the same pair is never queued twice).
 */
export function recordConflict(
  db: Db,
  local: Winner,
  localValue: string | null,
  op: SyncOp,
  field: string,
  remoteValue: string | null,
  at: string,
): boolean {
  if (localValue === remoteValue) return false;
  const r = stmt(
    db,
    `INSERT OR IGNORE INTO sync_conflicts (id, entity, row_id, field, local_value, local_hlc, local_device,
       remote_value, remote_hlc, remote_device, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), op.entity, op.row, field, localValue, local.hlc, local.device, remoteValue, op.hlc, op.origin, at);
  return r.changes > 0;
}

/** True when some op on this field was written by an author who had seen `hlc` (an informed overwrite). */
export function seenByLaterEdit(db: Db, hlc: string, entity: string, row: string, field: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM change_log_bases WHERE base = ? AND entity = ? AND row_id = ? AND field = ?').get(hlc, entity, row, field) !==
    undefined
  );
}

/**
 * An incoming edit of `field` made after seeing both sides of an open conflict (its base is at or
 * after both) settles it: typically another device's resolution. The entry stays, marked 'superseded'.
 */
export function supersede(db: Db, entity: string, row: string, field: string, base: string | null, at: string): void {
  if (base === null) return;
  stmt(
    db,
    `UPDATE sync_conflicts SET status = 'resolved', resolution = 'superseded', resolved_at = ?
     WHERE entity = ? AND row_id = ? AND field = ? AND status = 'open' AND local_hlc <= ? AND remote_hlc <= ?`,
  ).run(at, entity, row, field, base, base);
}
