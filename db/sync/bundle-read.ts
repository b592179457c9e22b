/**
 * Reads a bundle (format in bundle.ts) step by step, each step with its own refusal code:
 * size → prefix and strict header → (caller: office, sender) → signature → key unwrap → payload
 * frames, decrypted and decompressed one at a time with hard caps. Synchronous on purpose: the
 * caller applies the ops inside one better-sqlite3 transaction, which cannot span an await.
 */
import { createDecipheriv, createHash, verify, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AppError } from '../errors';
import type { SyncControl, SyncOp } from './ops';
import {
  DEFAULT_LIMITS,
  FORMAT_VERSION,
  headerSchema,
  MAGIC,
  parseControlLine,
  parseOpLine,
  PREFIX_BYTES,
  SIGNATURE_BYTES,
  TAG_BYTES,
  unwrapDataKey,
  type BundleHeader,
  type BundleLimits,
} from './bundle';

const CHUNK = 1024 * 1024;

export interface ParsedBundle {
  path: string;
  size: number;
  header: BundleHeader;
  headerBytes: Buffer;
  payloadOffset: number;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

function withFile<T>(path: string, fn: (fd: number) => T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AppError('NOT_FOUND', 'the bundle file cannot be opened');
  }
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

/** Size, magic, version and the header, parsed strictly. Nothing here needs a key. */
export function readBundleHeader(path: string, limits: BundleLimits = DEFAULT_LIMITS): ParsedBundle {
  return withFile(path, (fd) => {
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) throw new AppError('SYNC_TOO_LARGE', 'the bundle file is larger than allowed', { max: limits.maxFileBytes });
    const prefix = readAt(fd, PREFIX_BYTES, 0);
    if (prefix.length < MAGIC.length) {
      throw MAGIC.subarray(0, prefix.length).equals(prefix)
        ? new AppError('SYNC_TRUNCATED', 'the bundle file ends too early')
        : new AppError('SYNC_NOT_BUNDLE', 'this is not a sync bundle');
    }
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('SYNC_NOT_BUNDLE', 'this is not a sync bundle');
    if (prefix.length < PREFIX_BYTES) throw new AppError('SYNC_TRUNCATED', 'the bundle file ends too early');
    const version = prefix.readUInt16BE(MAGIC.length);
    if (version !== FORMAT_VERSION) {
      throw new AppError('SYNC_FORMAT_UNSUPPORTED', 'this bundle format is not supported', { found: version, supported: FORMAT_VERSION });
    }
    const headerLength = prefix.readUInt32BE(MAGIC.length + 2);
    if (headerLength === 0 || headerLength > limits.maxHeaderBytes) throw new AppError('SYNC_HEADER_MALFORMED', 'the bundle header has an impossible length');
    if (PREFIX_BYTES + headerLength + TAG_BYTES + SIGNATURE_BYTES > size) throw new AppError('SYNC_TRUNCATED', 'the bundle file ends too early');
    const headerBytes = readAt(fd, headerLength, PREFIX_BYTES);
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
    } catch {
      throw new AppError('SYNC_HEADER_MALFORMED', 'the bundle header is not valid JSON');
    }
    const parsed = headerSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('SYNC_HEADER_MALFORMED', 'the bundle header does not have the expected form');
    const header = parsed.data;
    const expected = PREFIX_BYTES + headerLength + header.payload.length + SIGNATURE_BYTES;
    if (size < expected) throw new AppError('SYNC_TRUNCATED', 'the bundle file ends too early');
    if (size > expected) throw new AppError('SYNC_HEADER_MALFORMED', 'the bundle file is longer than its header says');
    return { path, size, header, headerBytes, payloadOffset: PREFIX_BYTES + headerLength };
  });
}

/** Checks the Ed25519 signature over SHA-512 of everything before it; returns the file's SHA-256. */
export function verifyBundleSignature(b: ParsedBundle, signPublic: KeyObject): string {
  return withFile(b.path, (fd) => {
    const h512 = createHash('sha512');
    const h256 = createHash('sha256');
    const end = b.size - SIGNATURE_BYTES;
    const buf = Buffer.alloc(CHUNK);
    for (let pos = 0; pos < end; ) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
      if (n === 0) throw new AppError('SYNC_TRUNCATED', 'the bundle file ends too early');
      h512.update(buf.subarray(0, n));
      h256.update(buf.subarray(0, n));
      pos += n;
    }
    const signature = readAt(fd, SIGNATURE_BYTES, end);
    h256.update(signature);
    let ok = false;
    try {
      ok = signature.length === SIGNATURE_BYTES && verify(null, h512.digest(), signPublic, signature);
    } catch {
      ok = false;
    }
    if (!ok) throw new AppError('SYNC_BAD_SIGNATURE', 'the bundle’s signature does not match its sender’s key');
    return h256.digest('hex');
  });
}

const tooLarge = () => new AppError('SYNC_PAYLOAD_TOO_LARGE', 'the bundle’s content expands beyond the allowed size');
const malformed = (why: string) => new AppError('SYNC_PAYLOAD_MALFORMED', `the bundle’s content is malformed: ${why}`);

/**
 * The decrypted, decompressed content: the control record, then the ops one at a time. Every op
 * must fall inside the header's declared ranges. `finish()` must be called after the ops are read:
 * it checks that every op the header announced was there and that the GCM tag authenticates the
 * whole payload (the caller's transaction rolls back if it throws).
 */
export class PayloadReader {
  readonly control: SyncControl;
  private fd: number;
  private readonly decipher;
  private pos: number;
  private readonly cipherEnd: number;
  private pending: Buffer = Buffer.alloc(0);
  private lines: string[] = [];
  private lineIndex = 0;
  private frames = 0;
  private expanded = 0;
  private opsRead = 0;
  private readonly maxExpanded: number;

  constructor(
    private readonly b: ParsedBundle,
    dataKey: Buffer,
    private readonly limits: BundleLimits = DEFAULT_LIMITS,
  ) {
    const p = b.header.payload;
    this.fd = openSync(b.path, 'r');
    this.pos = b.payloadOffset;
    this.cipherEnd = b.payloadOffset + p.length - TAG_BYTES;
    this.decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(p.iv, 'base64'));
    this.decipher.setAAD(b.headerBytes);
    this.decipher.setAuthTag(readAt(this.fd, TAG_BYTES, this.cipherEnd));
    this.maxExpanded = Math.max(limits.minExpandedBytes, p.length * limits.maxExpansion);
    try {
      const first = this.nextLine();
      if (first === null) throw malformed('no control record');
      this.control = parseControlLine(first);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  *ops(): Generator<SyncOp> {
    const ranges = this.b.header.ranges;
    for (let line = this.nextLine(); line !== null; line = this.nextLine()) {
      const op = parseOpLine(line);
      const r = ranges[op.origin];
      if (!r || op.seq > r[1]) throw malformed('op outside the declared ranges');
      this.opsRead += 1;
      if (this.opsRead > this.b.header.payload.ops) throw malformed('more ops than announced');
      yield op;
    }
  }

  /** Reads any ops left, then checks counts and the authentication tag. */
  finish(): void {
    try {
      for (const _ of this.ops()) void _;
      if (this.opsRead !== this.b.header.payload.ops || this.frames !== this.b.header.payload.frames) throw malformed('counts differ from the header');
      try {
        this.decipher.final();
      } catch {
        throw new AppError('SYNC_DECRYPT_FAILED', 'the bundle’s content does not authenticate');
      }
    } finally {
      this.close();
    }
  }

  private nextLine(): string | null {
    while (this.lineIndex >= this.lines.length) {
      const frame = this.nextFrame();
      if (frame === null) return null;
      if (frame.length === 0 || frame[frame.length - 1] !== 0x0a) throw malformed('frame does not end a line');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(0, frame.length - 1));
      } catch {
        throw malformed('not UTF-8');
      }
      this.lines = text.split('\n');
      this.lineIndex = 0;
    }
    const line = this.lines[this.lineIndex++]!;
    if (line.length > this.limits.maxLineBytes) throw tooLarge();
    return line;
  }

  /** The next frame, decompressed under the per-frame and total caps; null at the end. */
  private nextFrame(): Buffer | null {
    if (!this.fill(4)) {
      if (this.pending.length !== 0) throw malformed('partial frame');
      return null;
    }
    const len = this.pending.readUInt32BE(0);
    if (len === 0 || len > this.limits.maxFrameBytes) throw malformed('frame length');
    if (!this.fill(4 + len)) throw malformed('partial frame');
    const compressed = this.pending.subarray(4, 4 + len);
    this.pending = this.pending.subarray(4 + len);
    let out: Buffer;
    try {
      out = gunzipSync(compressed, { maxOutputLength: this.limits.maxFrameBytes });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge();
      throw malformed('frame does not decompress');
    }
    this.frames += 1;
    this.expanded += out.length;
    if (this.expanded > this.maxExpanded) throw tooLarge();
    return out;
  }

  /** Decrypts more ciphertext until `n` plaintext bytes are pending; false at the payload's end. */
  private fill(n: number): boolean {
    while (this.pending.length < n) {
      if (this.pos >= this.cipherEnd) return false;
      const chunk = readAt(this.fd, Math.min(CHUNK, this.cipherEnd - this.pos), this.pos);
      if (chunk.length === 0) throw new AppError('SYNC_TRUNCATED', 'the bundle file ends too early');
      this.pos += chunk.length;
      this.pending = this.pending.length === 0 ? this.decipher.update(chunk) : Buffer.concat([this.pending, this.decipher.update(chunk)]);
    }
    return true;
  }
}

/** The payload for this device: unwraps its data key from the recipients list. */
export function openPayload(
  b: ParsedBundle,
  self: { device: string; keyId: string },
  boxPrivate: KeyObject,
  limits: BundleLimits = DEFAULT_LIMITS,
): PayloadReader {
  const entry = b.header.recipients.find((r) => r.device === self.device);
  if (!entry) throw new AppError('SYNC_NOT_FOR_US', 'this bundle is addressed to another device');
  if (entry.key_id !== self.keyId) throw new AppError('SYNC_NOT_FOR_US', 'this bundle was made for this device’s earlier keys');
  const key = unwrapDataKey(entry, boxPrivate, b.header.bundle_id);
  try {
    return new PayloadReader(b, key, limits);
  } finally {
    key.fill(0);
  }
}
