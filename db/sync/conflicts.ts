/**
 * The conflict queue at the database level: recording a concurrent edit, and closing the ones a
 * later informed edit has settled. The services in db/services/sync-conflicts.ts list and resolve.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { stmt } from '../statements';
import type { SyncOp } from './ops';

export interface Winner {
  hlc: string;
  device: string;
  seq: number;
  base: string | null;
}

function valueOf(db: Db, device: string, seq: number): string | null {
  const r = stmt(db, 'SELECT value FROM change_log WHERE device_id = ? AND seq = ?').get(device, seq) as { value: string | null } | undefined;
  return r ? r.value : null;
}

/**
 * Queues `op` against what this device had (`local`). Two edits that set the same value are not a
 * conflict. Returns whether a new entry was made (the same pair is never queued twice).
 */
export function recordConflict(db: Db, local: Winner, op: SyncOp, at: string): boolean {
  const localValue = valueOf(db, local.device, local.seq);
  if (localValue === op.value) return false;
  const r = stmt(
    db,
    `INSERT OR IGNORE INTO sync_conflicts (id, entity, row_id, field, local_value, local_hlc, local_device,
       remote_value, remote_hlc, remote_device, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), op.entity, op.row, op.field, localValue, local.hlc, local.device, op.value, op.hlc, op.origin, at);
  return r.changes > 0;
}

/** True when some op on this field was written by an author who had seen `hlc` (an informed overwrite). */
export function seenByLaterEdit(db: Db, op: SyncOp): boolean {
  return (
    stmt(db, 'SELECT 1 FROM change_log WHERE base = ? AND entity = ? AND row_id = ? AND field = ? LIMIT 1').get(
      op.hlc,
      op.entity,
      op.row,
      op.field,
    ) !== undefined
  );
}

/**
 * An incoming edit made after seeing both sides of an open conflict (its base is at or after both)
 * settles it: typically another device's resolution. The entry stays, marked 'superseded'.
 */
export function supersede(db: Db, op: SyncOp, at: string): void {
  if (op.base === null) return;
  stmt(
    db,
    `UPDATE sync_conflicts SET status = 'resolved', resolution = 'superseded', resolved_at = ?
     WHERE entity = ? AND row_id = ? AND field = ? AND status = 'open' AND local_hlc <= ? AND remote_hlc <= ?`,
  ).run(at, op.entity, op.row, op.field, op.base, op.base);
}
