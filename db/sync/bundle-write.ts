/**
 * Writes a bundle (format in bundle.ts) without holding its ops in memory. The header must be
 * final before the payload is encrypted (it is the associated data) but it names the payload's
 * length and the ranges it covers, which are known only after the ops are read. So the framed,
 * compressed ops are first spooled to a temp file encrypted under a throwaway key that never
 * leaves memory; then header and payload are written with the real data key, hashed as they go,
 * signed, fsynced, and renamed into place by the caller.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { constants, gzipSync } from 'node:zlib';
import { canonicalJson } from '../canonical';
import type { SyncControl, SyncOp } from './ops';
import { controlLine, FORMAT_VERSION, MAGIC, opLine, wrapDataKey, type BundleHeader } from './bundle';

/** Raw text per frame before compression; frames end on line boundaries. */
const FRAME_TEXT_BYTES = 256 * 1024;
const CHUNK = 1024 * 1024;

export interface PayloadStats {
  ops: number;
  frames: number;
  /** Per origin, the lowest and highest seq in the payload. */
  seen: Map<string, { min: number; max: number }>;
}

/** Frames of the control record and the ops, compressed; fills `stats` as it streams. */
export function* frameOps(control: SyncControl, ops: Iterable<SyncOp>, stats: PayloadStats, onOp?: (n: number) => void): Generator<Buffer> {
  let lines: string[] = [controlLine(control)];
  let size = lines[0]!.length;
  const flush = () => {
    const frame = gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: constants.Z_DEFAULT_COMPRESSION });
    stats.frames += 1;
    lines = [];
    size = 0;
    return frame;
  };
  for (const op of ops) {
    const line = opLine(op);
    lines.push(line);
    size += line.length + 1;
    stats.ops += 1;
    const s = stats.seen.get(op.origin);
    if (!s) stats.seen.set(op.origin, { min: op.seq, max: op.seq });
    else {
      if (op.seq < s.min) s.min = op.seq;
      if (op.seq > s.max) s.max = op.seq;
    }
    onOp?.(stats.ops);
    if (size >= FRAME_TEXT_BYTES) yield flush();
  }
  if (lines.length > 0) yield flush();
}

export interface BundleDraft {
  officeId: string;
  sender: { device: string; keyId: string };
  createdAt: string;
  hlc: string;
  schemaVersion: number;
  acks: Record<string, number>;
  prevSha256: string | null;
  recipients: { device: string; keyId: string; boxPublic: KeyObject }[];
  /** The ranges to declare, given what the payload turned out to hold. */
  ranges: (stats: PayloadStats) => Record<string, [number, number]>;
}

export interface WrittenBundle {
  bundleId: string;
  path: string;
  bytes: number;
  ops: number;
  sha256: string;
  header: BundleHeader;
}

class Sink {
  readonly sha512 = createHash('sha512');
  readonly sha256 = createHash('sha256');
  bytes = 0;
  constructor(readonly fd: number) {}
  write(b: Buffer): void {
    if (b.length === 0) return;
    writeSync(this.fd, b);
    this.sha512.update(b);
    this.sha256.update(b);
    this.bytes += b.length;
  }
}

/**
 * Writes `<path>` (the caller passes a temp name such as `….hogosync.partial` and renames it once
 * its transaction has committed). `frames` are already compressed: frameOps for real bundles.
 */
export function writeBundle(path: string, draft: BundleDraft, frames: Iterable<Buffer>, stats: PayloadStats, signKey: KeyObject): WrittenBundle {
  const spoolPath = `${path}.spool`;
  const spoolKey = randomBytes(32);
  const spoolIv = randomBytes(16);
  let spoolBytes = 0;
  let fd = -1;
  try {
    fd = openSync(spoolPath, 'wx', 0o600);
    const ctr = createCipheriv('aes-256-ctr', spoolKey, spoolIv);
    for (const frame of frames) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(frame.length);
      for (const part of [len, frame]) {
        const enc = ctr.update(part);
        writeSync(fd, enc);
        spoolBytes += enc.length;
      }
    }
    closeSync(fd);
    fd = -1;

    const bundleId = randomUUID();
    const dataKey = randomBytes(32);
    const iv = randomBytes(12);
    const header: BundleHeader = {
      bundle_id: bundleId,
      office_id: draft.officeId,
      sender: { device: draft.sender.device, key_id: draft.sender.keyId },
      created_at: draft.createdAt,
      hlc: draft.hlc,
      schema_version: draft.schemaVersion,
      ranges: draft.ranges(stats),
      acks: draft.acks,
      prev_bundle_sha256: draft.prevSha256,
      recipients: draft.recipients.map((r) => wrapDataKey(dataKey, r, bundleId)),
      payload: { compression: 'gzip', iv: iv.toString('base64'), length: spoolBytes + 16, ops: stats.ops, frames: stats.frames },
    };
    const headerBytes = Buffer.from(canonicalJson(header), 'utf8');
    const prefix = Buffer.alloc(MAGIC.length + 6);
    MAGIC.copy(prefix, 0);
    prefix.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
    prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 2);

    fd = openSync(path, 'wx', 0o600);
    const out = new Sink(fd);
    out.write(prefix);
    out.write(headerBytes);
    const gcm = createCipheriv('aes-256-gcm', dataKey, iv);
    gcm.setAAD(headerBytes);
    const back = createDecipheriv('aes-256-ctr', spoolKey, spoolIv);
    const sfd = openSync(spoolPath, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      for (;;) {
        const n = readSync(sfd, buf, 0, CHUNK, null);
        if (n === 0) break;
        out.write(gcm.update(back.update(buf.subarray(0, n))));
      }
    } finally {
      closeSync(sfd);
    }
    out.write(gcm.final());
    out.write(gcm.getAuthTag());
    dataKey.fill(0);
    const signature = sign(null, out.sha512.digest(), signKey);
    writeSync(fd, signature);
    out.sha256.update(signature);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    return { bundleId, path, bytes: out.bytes + signature.length, ops: stats.ops, sha256: out.sha256.digest('hex'), header };
  } catch (e) {
    // Closes the op stream (and the database statements under it), so the caller can roll back.
    (frames as Partial<Generator<Buffer>>).return?.(undefined);
    if (fd >= 0) closeSync(fd);
    rmSync(path, { force: true });
    throw e;
  } finally {
    spoolKey.fill(0);
    rmSync(spoolPath, { force: true });
  }
}

/** Moves the finished file to its final name (same folder, so the rename is atomic). */
export function publishBundle(partial: string, final: string): void {
  renameSync(partial, final);
}
