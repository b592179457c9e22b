/**
 * Import of one bundle, in the order the design fixes: size limit → strict header → office →
 * known, unrevoked sender → signature → clock and schema → already imported? → decrypt with
 * bounded decompression → S2's applyIncoming → acknowledgements, log, audit. Everything that
 * changes the database happens in one transaction; any failure before or during it leaves the
 * database as it was (a refused bundle is only noted in the bundle log, outside the domain data).
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SyncImportResult } from '../contract';
import { AppError, isAppError, type ErrorCode } from '../errors';
import { schemaVersion } from '../migrate';
import { mutate, type ServiceContext } from '../write';
import { DEFAULT_LIMITS, type BundleHeader, type BundleLimits } from './bundle';
import { openPayload, readBundleHeader, verifyBundleSignature, type ParsedBundle } from './bundle-read';
import { ackMap, requireEnrolled, type SyncProgress } from './export';
import { parseHlc } from './hlc';
import { privateKeys, publicKeyOf, type Identity } from './identity';
import { applyIncoming, maxClockAheadMs } from './merge';
import { noteOfficeMark } from './resend';
import type { SyncOp } from './ops';

export const BUNDLE_SUFFIX = '.hogosync';
export const PENDING_FOLDER = 'pending';

export interface ImportOptions {
  limits?: BundleLimits;
  progress?: SyncProgress;
  /** How often (in ops) progress is reported. */
  progressEvery?: number;
  /** Folder scan only: consider just these file names (the scheduler's watch passes the new ones). */
  only?: ReadonlySet<string>;
}

interface SenderRow {
  device_id: string;
  status: 'active' | 'revoked';
  key_id: string;
  sign_public: Buffer;
}

/** The checks that need no payload key; returns the sender and the file's SHA-256. */
function authenticate(ctx: ServiceContext, self: Identity & { officeId: string }, b: ParsedBundle): { sender: SenderRow; sha256: string } {
  const h = b.header;
  if (h.office_id !== self.officeId) throw new AppError('SYNC_WRONG_OFFICE', 'this bundle belongs to another office');
  const sender = ctx.db.prepare('SELECT device_id, status, key_id, sign_public FROM sync_devices WHERE device_id = ?').get(h.sender.device) as
    | SenderRow
    | undefined;
  if (!sender || h.sender.device === self.deviceId) throw new AppError('SYNC_UNKNOWN_SENDER', 'this bundle comes from a device that is not enrolled here');
  if (sender.status === 'revoked') throw new AppError('SYNC_SENDER_REVOKED', 'this bundle comes from a revoked device');
  if (sender.key_id !== h.sender.key_id) throw new AppError('SYNC_UNKNOWN_SENDER', 'this bundle was signed with keys not enrolled here');
  const key = publicKeyOf(sender.sign_public, 'ed25519');
  if (!key) throw new AppError('SYNC_UNKNOWN_SENDER', 'the sender’s stored key is unusable');
  return { sender, sha256: verifyBundleSignature(b, key) };
}

/** A sender's clock far in the future: the bundle is not trusted (its ops would win every field). */
function assertClock(ctx: ServiceContext, h: BundleHeader): void {
  const limit = ctx.now() + maxClockAheadMs(ctx);
  if (Date.parse(h.created_at) > limit || parseHlc(h.hlc).ms > limit) {
    throw new AppError('SYNC_CLOCK_AHEAD', 'the sending device’s clock is far ahead; check its date and time, then export again');
  }
}

/** A bundle from a newer app: kept in pending/ beside it for after the update. */
function parkNewer(ctx: ServiceContext, b: ParsedBundle): void {
  const ours = schemaVersion(ctx.db);
  if (b.header.schema_version <= ours) return;
  const pending = join(dirname(b.path), PENDING_FOLDER);
  mkdirSync(pending, { recursive: true, mode: 0o700 });
  renameSync(b.path, join(pending, basename(b.path)));
  throw new AppError('SYNC_SCHEMA_NEWER', 'this bundle was made by a newer version of the app; update the app, then import again', {
    found: b.header.schema_version,
    supported: ours,
  });
}

function alreadyImported(ctx: ServiceContext, bundleId: string): boolean {
  return ctx.db.prepare("SELECT 1 FROM sync_bundles WHERE bundle_id = ? AND direction = 'in' AND result = 'ok'").get(bundleId) !== undefined;
}

/**
 * Older than the last bundle imported from the same sender (header clocks are monotonic per
 * device). The newer one carried everything we had not acknowledged, so this one adds nothing and
 * could replay an old purge, snapshot or acknowledgement.
 */
function isStale(ctx: ServiceContext, h: BundleHeader): boolean {
  const last = ctx.db
    .prepare("SELECT max(hlc) AS hlc FROM sync_bundles WHERE direction = 'in' AND result = 'ok' AND peer = ?")
    .get(h.sender.device) as { hlc: string | null };
  return last.hlc !== null && compareHlc(h.hlc, last.hlc) < 0;
}

function compareHlc(a: string, b: string): number {
  const x = parseHlc(a);
  const y = parseHlc(b);
  return x.ms - y.ms || x.counter - y.counter;
}

/** A stale bundle: noted in the bundle log and the audit trail, nothing else changes. */
function recordStale(ctx: ServiceContext, file: string, b: ParsedBundle, sha256: string): SyncImportResult {
  const h = b.header;
  mutate(ctx, 'sync.import_stale', (tx) => {
    ctx.db
      .prepare(
        `INSERT INTO sync_bundles (bundle_id, direction, peer, at, file, ops, bytes, result, sha256, prev_sha256, hlc)
         VALUES (?, 'in', ?, ?, ?, ?, ?, 'stale', ?, ?, ?)`,
      )
      .run(h.bundle_id, h.sender.device, tx.at, basename(file), h.payload.ops, b.size, sha256, h.prev_bundle_sha256, h.hlc);
    tx.event('sync_bundles', h.bundle_id, { from: h.sender.device, ops: h.payload.ops, stale: true });
  });
  return { file: basename(file), ok: true, applied: 0, conflicts: 0, stale: true };
}

const raiseAck = `INSERT INTO sync_acks (peer, origin, seq) VALUES (?, ?, ?)
  ON CONFLICT (peer, origin) DO UPDATE SET seq = max(seq, excluded.seq)`;
// The peer's own word on what it holds replaces ours, even downwards (after it restored a backup,
// it needs those ops again; an older bundle imported late only causes a harmless resend).
const setAck = `INSERT INTO sync_acks (peer, origin, seq) VALUES (?, ?, ?)
  ON CONFLICT (peer, origin) DO UPDATE SET seq = excluded.seq`;

/**
 * What we have received advances to a range's end only when the range starts at or before the
 * next seq we lack (a lost earlier bundle leaves a gap the sender will fill, as it sends from our ack).
 */
function recordAcks(ctx: ServiceContext, self: Identity, h: BundleHeader): void {
  const received = ackMap(ctx, self.deviceId);
  const raise = ctx.db.prepare(raiseAck);
  for (const [origin, [from, to]] of Object.entries(h.ranges)) {
    if (origin === self.deviceId) continue;
    if (from <= (received.get(origin) ?? 0) + 1) raise.run(self.deviceId, origin, to);
  }
  const set = ctx.db.prepare(setAck);
  for (const [origin, seq] of Object.entries(h.acks)) {
    if (origin === h.sender.device && self.role === 'laptop') noteOfficeMark(ctx.db, origin, seq);
    set.run(h.sender.device, origin, seq);
  }
}

function* counted(ops: Iterable<SyncOp>, total: number, every: number, progress?: SyncProgress): Generator<SyncOp> {
  let n = 0;
  for (const op of ops) {
    yield op;
    n += 1;
    if (progress && n % every === 0) progress(n, total);
  }
}

function logRefusal(ctx: ServiceContext, file: string, code: ErrorCode, header: BundleHeader | null, bytes: number): void {
  ctx.db
    .prepare("INSERT INTO sync_bundles (bundle_id, direction, peer, at, file, bytes, result) VALUES (?, 'in', ?, ?, ?, ?, ?)")
    .run(header?.bundle_id ?? null, header?.sender.device ?? null, new Date(ctx.now()).toISOString(), basename(file), bytes, code);
}

/** Imports one bundle file; throws an AppError (SYNC_*) when it is refused. */
export function importBundle(ctx: ServiceContext, file: string, opts: ImportOptions = {}): SyncImportResult {
  const self = requireEnrolled(ctx);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  let b: ParsedBundle | null = null;
  try {
    b = readBundleHeader(file, limits);
    const h = b.header;
    const { sender, sha256 } = authenticate(ctx, self, b);
    assertClock(ctx, h);
    parkNewer(ctx, b);
    if (alreadyImported(ctx, h.bundle_id)) return { file: basename(file), ok: true, applied: 0, conflicts: 0, duplicate: true };
    if (isStale(ctx, h)) return recordStale(ctx, file, b, sha256);
    const reader = openPayload(b, { device: self.deviceId, keyId: self.keyId }, privateKeys(ctx.db).box, limits);
    try {
      const result = mutate(ctx, 'sync.import', (tx) => {
        const ops = counted(reader.ops(), h.payload.ops, opts.progressEvery ?? 5000, opts.progress);
        const { reassert, ...r } = applyIncoming(ctx, sender.device_id, ops, reader.control);
        reader.finish();
        for (const id of reassert) {
          const current = ctx.db.prepare('SELECT officer_id FROM supervisees WHERE id = ?').get(id) as { officer_id: string | null };
          tx.assert('supervisees', id, 'officer_id', current.officer_id);
        }
        recordAcks(ctx, self, h);
        ctx.db
          .prepare(
            `INSERT INTO sync_bundles (bundle_id, direction, peer, at, file, ops, bytes, result, sha256, prev_sha256, hlc)
             VALUES (?, 'in', ?, ?, ?, ?, ?, 'ok', ?, ?, ?)`,
          )
          .run(h.bundle_id, sender.device_id, tx.at, basename(file), h.payload.ops, b!.size, sha256, h.prev_bundle_sha256, h.hlc);
        ctx.db.prepare('UPDATE sync_devices SET last_seen_at = ? WHERE device_id = ?').run(tx.at, sender.device_id);
        tx.event('sync_bundles', h.bundle_id, { from: sender.device_id, ops: h.payload.ops, ...r });
        return r;
      });
      opts.progress?.(h.payload.ops, h.payload.ops);
      return { file: basename(file), ok: true, applied: result.applied, conflicts: result.conflicts };
    } finally {
      reader.close();
    }
  } catch (e) {
    const code: ErrorCode = isAppError(e) ? e.code : 'INTERNAL';
    try {
      logRefusal(ctx, file, code, b?.header ?? null, b?.size ?? 0);
    } catch {
      // The refusal stands even if it cannot be noted (a locked or read-only database).
    }
    throw e;
  }
}

/**
 * Imports the given files, or every `*.hogosync` in the sync folder that is addressed to this
 * device and not imported yet. Each file is its own transaction; one refusal does not stop the rest.
 */
export function importBundles(ctx: ServiceContext, paths: string[] | undefined, opts: ImportOptions = {}): { results: SyncImportResult[] } {
  const self = requireEnrolled(ctx);
  let files = paths;
  if (!files) {
    if (!self.folder) throw new AppError('SYNC_NO_FOLDER', 'choose a sync folder first');
    let names: string[];
    try {
      names = readdirSync(self.folder);
    } catch {
      throw new AppError('SYNC_NO_FOLDER', 'the sync folder is not available (is the USB stick plugged in?)');
    }
    // Oldest first by the senders' header clocks (which never go back, unlike created_at after a
    // clock was corrected), so no bundle is skipped as stale and acknowledgements advance in order.
    const wanted = (n: string) => n.endsWith(BUNDLE_SUFFIX) && (!opts.only || opts.only.has(n));
    files = [...names.filter(wanted).map((n) => join(self.folder!, n)), ...(opts.only ? [] : parked(ctx, self.folder))]
      .map((f) => ({ f, when: forUs(ctx, self, f) }))
      .filter((x): x is { f: string; when: string } => x.when !== null)
      .sort((x, y) => (x.when < y.when ? -1 : x.when > y.when ? 1 : x.f < y.f ? -1 : 1))
      .map((x) => x.f);
  }
  const results: SyncImportResult[] = [];
  for (const f of files) {
    try {
      results.push(importBundle(ctx, f, opts));
    } catch (e) {
      // Unexpected failures (its transaction rolled back) are reported by code only: their
      // messages can quote row values.
      results.push({ file: basename(f), ok: false, code: isAppError(e) ? e.code : 'INTERNAL', applied: 0, conflicts: 0 });
    }
  }
  return { results };
}

/** Already recorded as stale: the folder scan need not read it again. */
function seen(ctx: ServiceContext, bundleId: string): boolean {
  return ctx.db.prepare("SELECT 1 FROM sync_bundles WHERE bundle_id = ? AND direction = 'in' AND result = 'stale'").get(bundleId) !== undefined;
}

/** Bundles kept in pending/ that this app's schema can now read (after an update). */
function parked(ctx: ServiceContext, folder: string): string[] {
  const dir = join(folder, PENDING_FOLDER);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(BUNDLE_SUFFIX));
  } catch {
    return [];
  }
  const ours = schemaVersion(ctx.db);
  return names
    .map((n) => join(dir, n))
    .filter((f) => {
      try {
        return readBundleHeader(f).header.schema_version <= ours;
      } catch {
        return false;
      }
    });
}

/**
 * In a shared folder: skip our own bundles, other devices' bundles and ones already imported.
 * Returns the bundle's header clock to sort by, or null to skip it.
 */
function forUs(ctx: ServiceContext, self: Identity, file: string): string | null {
  try {
    const h = readBundleHeader(file).header;
    const mine = h.sender.device !== self.deviceId && h.recipients.some((r) => r.device === self.deviceId);
    return mine && !alreadyImported(ctx, h.bundle_id) && !seen(ctx, h.bundle_id) ? h.hlc : null;
  } catch {
    return ''; // unreadable: import it (first) so the refusal is reported
  }
}
