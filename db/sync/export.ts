/**
 * Export: one bundle per peer with what that peer has not acknowledged (a laptop → the office;
 * the office → each active laptop, through S2's selectOutgoing which applies the laptop's scope).
 * Each peer's bundle is made in one transaction (the relay bookkeeping selectOutgoing writes, the
 * bundle log and the audit entry commit together), written to `<id>.hogosync.partial` and renamed
 * to `<id>.hogosync` once committed, so a reader never sees a half-written bundle.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncExportedBundle } from '../contract';
import { AppError } from '../errors';
import { schemaVersion } from '../migrate';
import { mutate, type ServiceContext } from '../write';
import type { SyncPeer } from './ops';
import { publicKeyOf, privateKeys, type Identity } from './identity';
import { requireIdentity } from './devices';
import { maxSeq, maxSeqByOrigin } from './origins';
import { selectOutgoing } from './select';
import { frameOps, publishBundle, writeBundle, type PayloadStats } from './bundle-write';

export interface SyncProgress {
  (done: number, total: number): void;
}

interface PeerRow {
  device_id: string;
  role: 'office' | 'laptop';
  officer_id: string | null;
  box_public: Buffer;
  key_id: string;
}

export function requireEnrolled(ctx: ServiceContext): Identity & { officeId: string } {
  const id = requireIdentity(ctx);
  if (!id.officeId) throw new AppError('SYNC_NOT_ENROLLED', 'this laptop has not completed enrolment with the office');
  return id as Identity & { officeId: string };
}

/** Per origin, a map of the highest seq the given peer (or this device, for received) holds. */
export function ackMap(ctx: ServiceContext, peer: string): Map<string, number> {
  const rows = ctx.db.prepare('SELECT origin, seq FROM sync_acks WHERE peer = ?').all(peer) as { origin: string; seq: number }[];
  return new Map(rows.map((r) => [r.origin, r.seq]));
}

function peersOf(ctx: ServiceContext): PeerRow[] {
  return ctx.db
    .prepare("SELECT device_id, role, officer_id, box_public, key_id FROM sync_devices WHERE status = 'active' ORDER BY enrolled_at, device_id")
    .all() as PeerRow[];
}

/** The highest seq of each origin in change_log: how far a bundle's coverage can reach. */
function localMaxima(ctx: ServiceContext): Map<string, number> {
  return maxSeqByOrigin(ctx.db);
}

/**
 * The highest n such that this device's own ops 1..n are all in change_log. Only a restore from
 * backup leaves a gap (it records it as meta own_gap, see db/services/backups.ts); once the laptops
 * have sent every op of the gap back, the mark is gone.
 */
export function ownUnbroken(ctx: ServiceContext, device: string): number {
  const top = maxSeq(ctx.db, device);
  const mark = ctx.db.prepare("SELECT value FROM meta WHERE key = 'own_gap'").get() as { value: string } | undefined;
  if (!mark) return top;
  const gap = JSON.parse(mark.value) as { from: number; to: number };
  const present = (
    ctx.db.prepare('SELECT seq FROM change_log WHERE device_id = ? AND seq BETWEEN ? AND ? ORDER BY seq').all(device, gap.from, gap.to) as {
      seq: number;
    }[]
  ).map((r) => r.seq);
  let next = gap.from;
  for (const seq of present) {
    if (seq !== next) break;
    next += 1;
  }
  if (next <= gap.to) return next - 1;
  ctx.db.prepare("DELETE FROM meta WHERE key = 'own_gap'").run();
  return top;
}

/** The last sequence number this device gave one of its ops (next_seq, carried forward by a restore, minus one). */
function handedOut(ctx: ServiceContext): number {
  const r = ctx.db.prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string } | undefined;
  return r ? Number(r.value) - 1 : 0;
}

/**
 * The ranges a bundle declares. A laptop covers only its own ops. The office covers every origin
 * but the peer's up to what it holds, even where the peer's scope filtered ops out: the peer will
 * never be sent those, so it may count them as received. Snapshot ops (below the ack) fall inside
 * [1, last] of their origin.
 */
function coverage(self: Identity, peer: PeerRow, acked: Map<string, number>, maxima: Map<string, number>) {
  return (stats: PayloadStats): Record<string, [number, number]> => {
    const out: Record<string, [number, number]> = {};
    const origins = new Set<string>(stats.seen.keys());
    if (self.role === 'laptop') origins.add(self.deviceId);
    else for (const o of maxima.keys()) if (o !== peer.device_id) origins.add(o);
    for (const o of origins) {
      const a = acked.get(o) ?? 0;
      // A laptop's ops up to enrolment are deliberately never sent: its first bundles cover them.
      const from = o === self.deviceId && self.role === 'laptop' && a <= self.enrolSeq ? 1 : a + 1;
      const to = Math.max(maxima.get(o) ?? 0, stats.seen.get(o)?.max ?? 0);
      if (to >= from || stats.seen.has(o)) out[o] = [from, Math.max(to, from - 1)];
    }
    return out;
  };
}

/**
 * The header's clock, later than every bundle this device wrote before: receivers skip a bundle
 * older than the last one they imported from us (db/sync/import.ts), so it must not go back even
 * when the wall clock was set back after a bundle was written while it ran ahead.
 */
function headerClock(ctx: ServiceContext): string {
  const last = ctx.db.prepare("SELECT max(hlc) AS hlc FROM sync_bundles WHERE direction = 'out'").get() as { hlc: string | null };
  // Our own earlier stamp: trusted however far ahead of the wall clock it is.
  if (last.hlc) ctx.clock.receive(last.hlc, Number.POSITIVE_INFINITY);
  return ctx.clock.now();
}

function lastOut(ctx: ServiceContext, peer: string): { sha256: string | null; acks: string | null } | undefined {
  return ctx.db.prepare("SELECT sha256, acks FROM sync_bundles WHERE direction = 'out' AND peer = ? AND result = 'ok' ORDER BY id DESC LIMIT 1").get(peer) as
    | { sha256: string | null; acks: string | null }
    | undefined;
}

function exportTo(ctx: ServiceContext, self: Identity & { officeId: string }, peer: PeerRow, folder: string, progress?: SyncProgress): SyncExportedBundle | null {
  const box = publicKeyOf(peer.box_public, 'x25519');
  if (!box) throw new AppError('SYNC_UNKNOWN_SENDER', 'a peer’s stored key is unusable');
  const partial = join(folder, `.${randomUUID()}.hogosync.partial`);
  try {
    const out = mutate(ctx, 'sync.export', (tx) => {
      const acked = ackMap(ctx, peer.device_id);
      const received = Object.fromEntries(ackMap(ctx, self.deviceId));
      const maxima = localMaxima(ctx);
      const previous = lastOut(ctx, peer.device_id);
      // Everything read from the database before selectOutgoing: its statements stay open (busy)
      // until the ops have been streamed into the file.
      const version = schemaVersion(ctx.db);
      const signKey = privateKeys(ctx.db).sign;
      const hlc = headerClock(ctx);
      let estimate = 0;
      for (const [o, max] of maxima) if (o !== peer.device_id) estimate += Math.max(0, max - (acked.get(o) ?? 0));
      // The office also states how far its own ops run without a gap: after a restore from backup,
      // the laptops send back the office's ops they hold above that (db/sync/import.ts, select.ts).
      const own = self.role === 'office' ? ownUnbroken(ctx, self.deviceId) : null;
      const acks = own === null ? received : { ...received, [self.deviceId]: own };
      // Compared with the last bundle's to skip an empty one; the office's own mark only counts while
      // it is short of the sequence numbers handed out (after a restore), so the laptops hear of it.
      const acksJson = JSON.stringify(own !== null && own < handedOut(ctx) ? acks : received);
      const syncPeer: SyncPeer = { deviceId: peer.device_id, role: peer.role, officerId: peer.officer_id };
      const { ops, control } = selectOutgoing(ctx.db, syncPeer, acked, tx.at);
      const stats: PayloadStats = { ops: 0, frames: 0, seen: new Map() };
      const onOp = progress ? (n: number) => n % 5000 === 0 && progress(n, Math.max(n, estimate)) : undefined;
      const frames = frameOps(control, ops, stats, onOp);
      const w = writeBundle(
        partial,
        {
          officeId: self.officeId,
          sender: { device: self.deviceId, keyId: self.keyId },
          createdAt: tx.at,
          hlc,
          schemaVersion: version,
          acks,
          prevSha256: previous?.sha256 ?? null,
          recipients: [{ device: peer.device_id, keyId: peer.key_id, boxPublic: box }],
          ranges: coverage(self, peer, acked, maxima),
        },
        frames,
        stats,
        signKey,
      );
      // Nothing new and nothing to acknowledge: no file (the scheduler would otherwise fill the folder).
      if (stats.ops === 0 && control.purgeCases.length === 0 && previous && previous.acks === acksJson) return null;
      ctx.db
        .prepare(
          `INSERT INTO sync_bundles (bundle_id, direction, peer, at, file, ops, bytes, result, sha256, prev_sha256, acks, hlc)
           VALUES (?, 'out', ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?)`,
        )
        .run(w.bundleId, peer.device_id, tx.at, `${w.bundleId}.hogosync`, w.ops, w.bytes, w.sha256, previous?.sha256 ?? null, acksJson, hlc);
      tx.event('sync_bundles', w.bundleId, { peer: peer.device_id, ops: w.ops, bytes: w.bytes, purgeCases: control.purgeCases.length });
      return { peer: peer.device_id, path: join(folder, `${w.bundleId}.hogosync`), ops: w.ops, bytes: w.bytes };
    });
    if (out) publishBundle(partial, out.path);
    return out;
  } finally {
    if (existsSync(partial)) rmSync(partial, { force: true });
  }
}

/** Writes one bundle per active peer into the folder (the configured one unless given). */
export function exportBundles(ctx: ServiceContext, opts: { folder?: string; progress?: SyncProgress } = {}): { bundles: SyncExportedBundle[] } {
  const self = requireEnrolled(ctx);
  const folder = opts.folder ?? self.folder;
  if (!folder) throw new AppError('SYNC_NO_FOLDER', 'choose a sync folder first');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('SYNC_NO_FOLDER', 'the sync folder is not available (is the USB stick plugged in?)');
  const bundles: SyncExportedBundle[] = [];
  for (const peer of peersOf(ctx)) {
    if (self.role === 'laptop' && peer.role !== 'office') continue;
    let b: SyncExportedBundle | null;
    try {
      b = exportTo(ctx, self, peer, folder, opts.progress);
    } catch (e) {
      // A full, read-only or removed USB stick: say so rather than "unexpected error".
      const code = (e as NodeJS.ErrnoException).code;
      if (code && ['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'EIO'].includes(code)) {
        throw new AppError('SYNC_NO_FOLDER', 'the bundle could not be written to the sync folder (full, read-only or removed?)', { reason: code });
      }
      throw e;
    }
    if (b) bundles.push(b);
  }
  const total = bundles.reduce((n, b) => n + b.ops, 0);
  opts.progress?.(total, total);
  return { bundles };
}
