/**
 * The unit of sync: one row as written by one device in one write (an insert sets every field it
 * names, an update the fields it changed). Bundles carry these; merge applies them field by field;
 * select streams them. Stored in change_log with `fields` and `bases` as canonical JSON objects.
 */
import { canonicalJson } from '../canonical';
import type { Scalar } from '../values';

export interface SyncOp {
  /** The device that wrote the op. (origin, seq) identifies it everywhere. */
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  row: string;
  /** The fields this write set, with their values (never `id`; at least one). */
  fields: Record<string, Scalar>;
  /**
   * For each field that had a value when the author overwrote it, that value's HLC: an author who
   * had seen the other side's value is not in conflict with it. Fields absent here were first writes.
   */
  bases: Record<string, string>;
}

/** Instructions that are not ops: office → laptop only. */
export interface SyncControl {
  /**
   * Cases moved away from the laptop's officer: the laptop deletes every row of their supervisees
   * locally. A supervisee who has no case yet is named by the supervisee's own id.
   */
  purgeCases: string[];
}

export interface ApplyResult {
  /** Ops stored for the first time (whether or not they won). */
  applied: number;
  /** Ops already present (same origin and seq): ignored. */
  skipped: number;
  /** Conflicts newly queued. */
  conflicts: number;
  /** Ops whose HLC was more than the allowed drift ahead of this device's wall clock. */
  clockAhead: number;
  /** Cases deleted locally because the office moved them away. */
  purged: number;
  /**
   * Ops, or fields of ops, the office does not accept from this laptop (staff-only tables from an
   * officer's laptop, a case assignment).
   */
  refused: number;
  /**
   * Office: supervisees whose assignment a laptop tried to change: the office writes its own value
   * again (a later op), so the laptop converges back to it.
   */
  reassert: string[];
}

export interface SyncPeer {
  deviceId: string;
  role: 'office' | 'laptop';
  /** The laptop's officer; null for the office machine. */
  officerId: string | null;
}

/** HLC strings sort in time order; the device id breaks exact ties. */
export function newer(aHlc: string, aDevice: string, bHlc: string, bDevice: string): boolean {
  return aHlc > bHlc || (aHlc === bHlc && aDevice > bDevice);
}

/** Row shape of change_log as selected for sync. */
export interface ChangeLogRow {
  device_id: string;
  seq: number;
  hlc: string;
  entity: string;
  row_id: string;
  fields: string;
  bases: string | null;
}

export function toOp(r: ChangeLogRow): SyncOp {
  return {
    origin: r.device_id,
    seq: r.seq,
    hlc: r.hlc,
    entity: r.entity,
    row: r.row_id,
    fields: JSON.parse(r.fields) as Record<string, Scalar>,
    bases: r.bases === null ? {} : (JSON.parse(r.bases) as Record<string, string>),
  };
}

/** Canonical JSON of a flat object of scalars; ops read from a bundle usually have their keys in order already. */
function flatJson(o: Record<string, unknown>): string {
  let previous = '';
  for (const key in o) {
    if (key < previous) return canonicalJson(o);
    previous = key;
  }
  return JSON.stringify(o);
}

/** change_log.fields and change_log.bases for an op. */
export function storedForm(op: SyncOp): { fields: string; bases: string | null } {
  let hasBase = false;
  for (const _ in op.bases) {
    hasBase = true;
    break;
  }
  return { fields: flatJson(op.fields), bases: hasBase ? flatJson(op.bases) : null };
}

/** A field's value as JSON, as sync_conflicts stores and compares it; null when the op has no such field. */
export function valueJson(v: Scalar | undefined): string | null {
  return v === undefined ? null : JSON.stringify(v);
}
