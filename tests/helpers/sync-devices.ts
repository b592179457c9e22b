import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SYSTEM_ACTOR, type Actor } from '../../db/audit';
import { defaultMigrationsDir, loadMigrations } from '../../db/migrate';
import { migrate } from '../../db/migrate';
import { openEncrypted, type Db } from '../../db/open';
import { HybridClock } from '../../db/sync/hlc';
import { applyIncoming } from '../../db/sync/merge';
import type { ApplyResult, SyncOp, SyncPeer } from '../../db/sync/ops';
import { isSynced, TABLE_SCOPES } from '../../db/sync/scope';
import { selectOutgoing } from '../../db/sync/select';
import { mutate, type ServiceContext } from '../../db/write';

/**
 * Merge-level devices for the sync engine's tests: a real encrypted database per device, migrated,
 * with a device id and a sync role, and no transport (ops go straight from selectOutgoing to
 * applyIncoming). The bundle pipeline's own tests use tests/helpers/sync.ts.
 */
export interface Device {
  name: string;
  db: Db;
  deviceId: string;
  role: 'office' | 'laptop';
  officerId: string | null;
  /** A context acting as `actor` (default: the system). */
  ctx(actor?: Actor): ServiceContext;
  peer(): SyncPeer;
}

const migrations = loadMigrations(defaultMigrationsDir());

export function openDevice(dir: string, name: string, role: 'office' | 'laptop', now: () => number, officerId: string | null = null): Device {
  const db = openEncrypted(join(dir, `${name}.db`), randomBytes(32), { create: true, cacheKiB: 8 * 1024 });
  migrate(db, migrations);
  const deviceId = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(deviceId);
  // The merge engine reads only the role from sync_identity; the keys are the transport's business.
  const blob = Buffer.alloc(32);
  db.prepare(
    `INSERT INTO sync_identity (id, device_id, role, sign_private, box_private, sign_public, box_public, key_id, created_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(deviceId, role, blob, blob, blob, blob, '0'.repeat(16), new Date(now()).toISOString());
  const clock = new HybridClock(deviceId, now);
  const dev: Device = {
    name,
    db,
    deviceId,
    role,
    officerId,
    ctx: (actor = SYSTEM_ACTOR) => ({ db, deviceId, actor, clock, now }),
    peer: () => ({ deviceId, role, officerId: dev.officerId }),
  };
  return dev;
}

/** What one device sends another in one go: the ops, the control, and per origin the seq range covered. */
export interface Batch {
  ops: SyncOp[];
  purgeCases: string[];
  ranges: Map<string, [number, number]>;
}

/**
 * Per receiving device and origin, the highest seq received with nothing missing below it (the
 * bundle header's ranges and acks do this in the real transport).
 */
const received = new WeakMap<Device, Map<string, number>>();
export function acksOf(dev: Device): Map<string, number> {
  let m = received.get(dev);
  if (!m) received.set(dev, (m = new Map()));
  return m;
}

/**
 * The ops `from` would send `to` now, given what `to` has acknowledged, read out in one transaction.
 * Like the real bundle, the ranges cover every origin up to the sender's high-water mark (a laptop:
 * its own), including ops the office's scope filter left out.
 */
export function outgoing(from: Device, to: Device): Batch {
  const acked = new Map(acksOf(to));
  return from.db.transaction(() => {
    const marks = from.db.prepare('SELECT device_id, MAX(seq) AS seq FROM change_log GROUP BY device_id').all() as { device_id: string; seq: number }[];
    const out = selectOutgoing(from.db, to.peer(), acked);
    const ops = [...out.ops];
    const ranges = new Map<string, [number, number]>();
    for (const m of marks) {
      if (m.device_id === to.deviceId || (from.role === 'laptop' && m.device_id !== from.deviceId)) continue;
      ranges.set(m.device_id, [(acked.get(m.device_id) ?? 0) + 1, m.seq]);
    }
    return { ops, purgeCases: out.control.purgeCases, ranges };
  })();
}

export function deliver(to: Device, from: Device, batch: Batch): ApplyResult {
  // As the import pipeline does: a bundle whose ranges have all been received is a no-op (a stale
  // copy must not replay an old purge or snapshot over newer state).
  const seen = acksOf(to);
  if (batch.ranges.size > 0 && [...batch.ranges].every(([origin, [, hi]]) => hi <= (seen.get(origin) ?? 0))) {
    return { applied: 0, skipped: batch.ops.length, conflicts: 0, clockAhead: 0, purged: 0, refused: 0, reassert: [] };
  }
  const result = to.db.transaction(() => {
    // The sender's acknowledgement of the receiver's own ops rides along, as in a bundle header.
    const ackOfOwn = acksOf(from).get(to.deviceId);
    if (ackOfOwn !== undefined) {
      to.db
        .prepare('INSERT INTO sync_acks (peer, origin, seq) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET seq = max(seq, excluded.seq)')
        .run(from.deviceId, to.deviceId, ackOfOwn);
    }
    return applyIncoming(to.ctx(), from.deviceId, batch.ops, { purgeCases: batch.purgeCases });
  })();
  const acks = acksOf(to);
  for (const [origin, [lo, hi]] of batch.ranges) {
    if (lo <= (acks.get(origin) ?? 0) + 1) acks.set(origin, Math.max(acks.get(origin) ?? 0, hi));
  }
  return result;
}

/** The laptop sends, then the office answers. */
export function exchange(laptop: Device, office: Device): { up: ApplyResult; down: ApplyResult } {
  const up = deliver(office, laptop, outgoing(laptop, office));
  const down = deliver(laptop, office, outgoing(office, laptop));
  return { up, down };
}

/** SHA-256 over every synced table's rows in id order: equal on devices holding the same data. */
export function contentHash(db: Db, tables = TABLE_SCOPES.map(([t]) => t).filter(isSynced)): string {
  const h = createHash('sha256');
  for (const t of tables) {
    h.update(`\n#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY id`).iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

/** Adds a user on a device through the write path (users are a shared directory). */
export function addUserRow(dev: Device, role: 'officer' | 'supervisor' | 'administrator', login = `u-${randomUUID().slice(0, 8)}`): string {
  const id = randomUUID();
  mutate(dev.ctx(), 'test.user', (tx) => {
    tx.insert('users', { id, login, display_name: login, role, active: 1, created_at: tx.at, updated_at: tx.at });
  });
  return id;
}
