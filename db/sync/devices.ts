/** The sync screen's state: this device's status and settings, its peers, and the bundle log. */
import type { SyncBundleEntry, SyncClockAhead, SyncDevice, SyncRunSummary, SyncStatus } from '../contract';
import { AppError, type ErrorCode } from '../errors';
import { requireRole } from '../policy';
import { mutate, type ServiceContext } from '../write';
import { parseHlc } from './hlc';
import { readIdentity, type Identity } from './identity';

export function requireIdentity(ctx: ServiceContext): Identity {
  const id = readIdentity(ctx.db);
  if (!id) throw new AppError('SYNC_WRONG_ROLE', 'this installation does not take part in sync (demo office or made before sync)');
  return id;
}

function parseSummary(text: string | null): SyncRunSummary | null {
  return text ? (JSON.parse(text) as SyncRunSummary) : null;
}

/** S2's sync_conflicts table arrives with migration 0010; until then there is nothing open. */
function openConflicts(ctx: ServiceContext): number {
  const has = ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_conflicts'").get();
  if (!has) return 0;
  return (ctx.db.prepare("SELECT count(*) AS n FROM sync_conflicts WHERE status = 'open'").get() as { n: number }).n;
}

/** How many received ops were flagged in sync_clock_flags (db/sync/merge.ts), and the latest. */
function clockAhead(ctx: ServiceContext): { clockAhead: number; clockAheadLatest: SyncClockAhead | null } {
  const n = (ctx.db.prepare('SELECT count(*) AS n FROM sync_clock_flags').get() as { n: number }).n;
  if (n === 0) return { clockAhead: 0, clockAheadLatest: null };
  const r = ctx.db
    .prepare(
      `SELECT f.origin, f.hlc, f.detected_at, d.role, u.display_name AS officer_name
         FROM sync_clock_flags f
         LEFT JOIN sync_devices d ON d.device_id = f.origin
         LEFT JOIN users u ON u.id = d.officer_id
        ORDER BY f.detected_at DESC, f.hlc DESC LIMIT 1`,
    )
    .get() as { origin: string; hlc: string; detected_at: string; role: 'office' | 'laptop' | null; officer_name: string | null };
  return {
    clockAhead: n,
    clockAheadLatest: {
      device: r.origin,
      officerName: r.officer_name,
      role: r.role,
      clockAt: new Date(parseHlc(r.hlc).ms).toISOString(),
      detectedAt: r.detected_at,
    },
  };
}

export function syncStatus(ctx: ServiceContext): SyncStatus {
  const id = readIdentity(ctx.db);
  if (!id) {
    const meta = ctx.db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string };
    return {
      role: null,
      officeId: null,
      deviceId: meta.value,
      keyId: null,
      enrolled: false,
      folder: null,
      intervalHours: 4,
      lastExport: null,
      lastImport: null,
      openConflicts: 0,
      clockAhead: 0,
      clockAheadLatest: null,
    };
  }
  return {
    role: id.role,
    officeId: id.officeId,
    deviceId: id.deviceId,
    keyId: id.keyId,
    enrolled: id.officeId !== null,
    folder: id.folder,
    intervalHours: id.intervalHours,
    lastExport: parseSummary(id.lastExport),
    lastImport: parseSummary(id.lastImport),
    openConflicts: openConflicts(ctx),
    ...clockAhead(ctx),
  };
}

/** The folder and interval are this machine's own (a USB stick's path differs per laptop). */
export function updateSyncSettings(ctx: ServiceContext, input: { folder?: string | undefined; intervalHours?: number | undefined }): SyncStatus {
  requireIdentity(ctx);
  mutate(ctx, 'sync.settings.update', (tx) => {
    if (input.folder !== undefined) ctx.db.prepare('UPDATE sync_identity SET folder = ? WHERE id = 1').run(input.folder);
    if (input.intervalHours !== undefined) {
      ctx.db.prepare('UPDATE sync_identity SET interval_hours = ? WHERE id = 1').run(input.intervalHours);
    }
    tx.event('sync_identity', null, { folder: input.folder !== undefined, intervalHours: input.intervalHours ?? null });
  });
  return syncStatus(ctx);
}

/** Remembers how the last export or import run ended, for the status bar. */
export function recordRun(ctx: ServiceContext, kind: 'export' | 'import', summary: SyncRunSummary): void {
  ctx.db.prepare(`UPDATE sync_identity SET ${kind === 'export' ? 'last_export' : 'last_import'} = ? WHERE id = 1`).run(JSON.stringify(summary));
}

interface DeviceRow {
  device_id: string;
  role: 'office' | 'laptop';
  officer_id: string | null;
  officer_name: string | null;
  key_id: string;
  status: 'active' | 'revoked';
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

const DEVICE_SELECT = `SELECT d.device_id, d.role, d.officer_id, u.display_name AS officer_name, d.key_id, d.status, d.enrolled_at,
                              d.revoked_at, d.last_seen_at
                         FROM sync_devices d LEFT JOIN users u ON u.id = d.officer_id`;

function toDevice(r: DeviceRow): SyncDevice {
  return {
    deviceId: r.device_id,
    role: r.role,
    officerId: r.officer_id,
    officerName: r.officer_name,
    keyId: r.key_id,
    status: r.status,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
  };
}

export function listDevices(ctx: ServiceContext): SyncDevice[] {
  requireIdentity(ctx);
  return (ctx.db.prepare(`${DEVICE_SELECT} ORDER BY d.status, d.enrolled_at`).all() as DeviceRow[]).map(toDevice);
}

export function findDevice(ctx: ServiceContext, deviceId: string): SyncDevice | null {
  const r = ctx.db.prepare(`${DEVICE_SELECT} WHERE d.device_id = ?`).get(deviceId) as DeviceRow | undefined;
  return r ? toDevice(r) : null;
}

/**
 * Either side can revoke: the office stops accepting a lost laptop's bundles and stops writing
 * bundles for it; a laptop can stop trusting the office's key.
 */
export function revokeDevice(ctx: ServiceContext, deviceId: string): SyncDevice {
  // On a laptop the only user is its officer, who may stop trusting the office's key.
  if (requireIdentity(ctx).role === 'office') requireRole(ctx, 'administrator');
  const d = findDevice(ctx, deviceId);
  if (!d) throw new AppError('NOT_FOUND', 'no such device');
  if (d.status === 'revoked') return d;
  mutate(ctx, 'sync.devices.revoke', (tx) => {
    ctx.db.prepare("UPDATE sync_devices SET status = 'revoked', revoked_at = ? WHERE device_id = ?").run(tx.at, deviceId);
    tx.event('sync_devices', deviceId, { keyId: d.keyId });
  });
  return findDevice(ctx, deviceId)!;
}

interface BundleRow {
  bundle_id: string | null;
  direction: 'in' | 'out';
  peer: string | null;
  peer_name: string | null;
  at: string;
  ops: number;
  bytes: number;
  result: string;
}

export function listBundles(ctx: ServiceContext, input: { limit: number }): SyncBundleEntry[] {
  requireIdentity(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT b.bundle_id, b.direction, b.peer, u.display_name AS peer_name, b.at, b.ops, b.bytes, b.result
         FROM sync_bundles b
         LEFT JOIN sync_devices d ON d.device_id = b.peer
         LEFT JOIN users u ON u.id = d.officer_id
        ORDER BY b.id DESC LIMIT ?`,
    )
    .all(input.limit) as BundleRow[];
  return rows.map((r) => ({
    bundleId: r.bundle_id ?? '',
    direction: r.direction,
    peer: r.peer ?? '',
    peerName: r.peer_name,
    at: r.at,
    ops: r.ops,
    bytes: r.bytes,
    ok: r.result === 'ok' || r.result === 'stale',
    code: r.result === 'ok' || r.result === 'stale' ? null : (r.result as ErrorCode),
    stale: r.result === 'stale',
  }));
}
