/**
 * The unit of sync: one field of one row as written by one device. Bundles carry these; merge
 * applies them; select streams them. value is the canonical JSON stored in change_log.value.
 */
export interface SyncOp {
  /** The device that wrote the op. (origin, seq) identifies it everywhere. */
  origin: string;
  seq: number;
  hlc: string;
  /** The HLC of the value the author overwrote; null for a first write. */
  base: string | null;
  entity: string;
  row: string;
  field: string;
  /** Canonical JSON as in change_log.value; null = cleared (never produced by db/write.ts). */
  value: string | null;
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
  /** Ops the office does not accept from this laptop (staff-only tables from an officer's laptop). */
  refused: number;
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
  base: string | null;
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
}

export function toOp(r: ChangeLogRow): SyncOp {
  return { origin: r.device_id, seq: r.seq, hlc: r.hlc, base: r.base, entity: r.entity, row: r.row_id, field: r.field, value: r.value };
}
