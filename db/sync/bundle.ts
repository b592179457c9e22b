/**
 * The bundle file format (one file per sender → recipient hand-over):
 *
 *   "HOGOSYNC" | format version u16 BE | header length u32 BE | header (canonical JSON, UTF-8)
 *   | payload: AES-256-GCM ciphertext of the framed, compressed op stream, then its 16-byte tag
 *   | Ed25519 signature (64 bytes) over SHA-512 of every byte before it.
 *
 * The header is the GCM associated data, so it cannot be changed without failing decryption, and
 * the signature covers it too. The payload's data key is wrapped once per recipient under
 * HKDF(X25519(ephemeral, recipient)). Inside, the plaintext is a sequence of frames, each
 * `u32 BE length | gzip(complete NDJSON lines)`: the first line is the control record, then one
 * JSON array per op: [origin, seq, hlc, entity, row, {field: value}, {field: base} | null]. Frames keep both ends streaming and every decompression bounded.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Scalar } from '../values';
import type { SyncControl, SyncOp } from './ops';

export const MAGIC = Buffer.from('HOGOSYNC', 'latin1');
export const FORMAT_VERSION = 1;
/** magic + version + header length */
export const PREFIX_BYTES = MAGIC.length + 2 + 4;
export const TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;

export interface BundleLimits {
  /** The whole file; larger is refused before anything is read. */
  maxFileBytes: number;
  maxHeaderBytes: number;
  /** One frame, compressed and decompressed. */
  maxFrameBytes: number;
  /** Every frame decompressed together, at most this many times the payload's size… */
  maxExpansion: number;
  /** …and never less than this. */
  minExpandedBytes: number;
  /** One NDJSON line (an op with a long note). */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxHeaderBytes: 1024 ** 2,
  maxFrameBytes: 8 * 1024 ** 2,
  maxExpansion: 64,
  minExpandedBytes: 64 * 1024 ** 2,
  maxLineBytes: 4 * 1024 ** 2,
};

const uuidLike = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
const b64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const HLC = /^\d{13}-\d{6}-[A-Za-z0-9-]{1,64}$/;
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const headerSchema = z
  .object({
    bundle_id: z.string().uuid(),
    office_id: z.string().uuid(),
    sender: z.object({ device: uuidLike, key_id: hex(16) }).strict(),
    created_at: z.string().datetime(),
    hlc: z.string().regex(HLC),
    schema_version: z.number().int().min(1).max(100_000),
    /** Per origin, the sequence numbers this bundle covers: [first, last] (empty when last < first). */
    ranges: z
      .record(uuidLike, z.tuple([seq.min(1), seq]))
      .refine((r) => Object.keys(r).length <= 10_000 && Object.values(r).every(([a, b]) => b >= a - 1), 'bad range'),
    /** Per origin, the highest contiguous sequence number the sender has received. */
    acks: z.record(uuidLike, seq).refine((r) => Object.keys(r).length <= 10_000, 'too many acks'),
    prev_bundle_sha256: hex(64).nullable(),
    recipients: z
      .array(
        z
          .object({ device: uuidLike, key_id: hex(16), eph_pub: b64(200), wrapped_key: b64(200) })
          .strict(),
      )
      .min(1)
      .max(100),
    payload: z
      .object({
        compression: z.literal('gzip'),
        iv: b64(24),
        length: z.number().int().min(TAG_BYTES).max(Number.MAX_SAFE_INTEGER),
        ops: seq,
        frames: seq,
      })
      .strict(),
  })
  .strict();

export type BundleHeader = z.infer<typeof headerSchema>;
export type Recipient = BundleHeader['recipients'][number];

function kek(shared: Buffer, ephPub: Buffer, bundleId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephPub, `hogo-sync-data-key:${bundleId}`, 32));
}

/** The data key wrapped for one recipient: only their X25519 private key recovers it. */
export function wrapDataKey(dataKey: Buffer, to: { device: string; keyId: string; boxPublic: KeyObject }, bundleId: string): Recipient {
  const eph = generateKeyPairSync('x25519');
  const ephPub = eph.publicKey.export({ format: 'der', type: 'spki' });
  const key = kek(diffieHellman({ privateKey: eph.privateKey, publicKey: to.boxPublic }), ephPub, bundleId);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(dataKey), c.final(), c.getAuthTag()]);
  key.fill(0);
  return { device: to.device, key_id: to.keyId, eph_pub: ephPub.toString('base64'), wrapped_key: Buffer.concat([iv, ct]).toString('base64') };
}

export function unwrapDataKey(r: Recipient, boxPrivate: KeyObject, bundleId: string): Buffer {
  try {
    const ephPub = Buffer.from(r.eph_pub, 'base64');
    const pub = createPublicKey({ key: ephPub, format: 'der', type: 'spki' });
    const key = kek(diffieHellman({ privateKey: boxPrivate, publicKey: pub }), ephPub, bundleId);
    const raw = Buffer.from(r.wrapped_key, 'base64');
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const out = Buffer.concat([d.update(raw.subarray(12, raw.length - TAG_BYTES)), d.final()]);
    key.fill(0);
    if (out.length !== 32) throw new Error('data key of the wrong size');
    return out;
  } catch {
    throw new AppError('SYNC_DECRYPT_FAILED', 'the bundle’s key cannot be unwrapped with this device’s key');
  }
}

// ---- op lines ----------------------------------------------------------------------------------

export function controlLine(control: SyncControl): string {
  return JSON.stringify({ purgeCases: control.purgeCases });
}

export function opLine(op: SyncOp): string {
  const bases = Object.keys(op.bases).length > 0 ? op.bases : null;
  return JSON.stringify([op.origin, op.seq, op.hlc, op.entity, op.row, op.fields, bases]);
}

const malformed = (why: string) => new AppError('SYNC_PAYLOAD_MALFORMED', `the bundle’s content is malformed: ${why}`);

/** Refuses nesting deeper than `limit` before JSON.parse sees the line (no deep recursion, no huge trees). */
function assertDepth(line: string, limit: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) throw malformed('nested too deeply');
    } else if (c === 93 || c === 125) depth--;
  }
}

/** Below this length a line cannot nest deep enough to matter, and the shape checks after parsing refuse it anyway. */
const DEPTH_CHECKED_FROM = 16 * 1024;

function parseLine(line: string, depth: number): unknown {
  if (line.length >= DEPTH_CHECKED_FROM) assertDepth(line, depth);
  try {
    return JSON.parse(line);
  } catch {
    throw malformed('not JSON');
  }
}

export function parseControlLine(line: string): SyncControl {
  const v = parseLine(line, 2);
  const r = z
    .object({ purgeCases: z.array(z.string().uuid()).max(1_000_000) })
    .strict()
    .safeParse(v);
  if (!r.success) throw malformed('control record');
  return { purgeCases: r.data.purgeCases };
}

const IDENT = /^[a-z_][a-z0-9_]{0,63}$/;
const ORIGIN = /^[A-Za-z0-9-]{1,64}$/;
/** More fields than any table has: a bound on the work one line can ask for. */
const MAX_FIELDS = 200;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function fieldsOf(v: unknown): Record<string, Scalar> {
  if (!isObject(v)) throw malformed('fields');
  const keys = Object.keys(v);
  if (keys.length < 1 || keys.length > MAX_FIELDS) throw malformed('number of fields');
  for (const k of keys) {
    if (!IDENT.test(k)) throw malformed('field');
    if (!isScalar(v[k])) throw malformed('value type');
  }
  return v as Record<string, Scalar>;
}

function basesOf(v: unknown, fields: Record<string, Scalar>): Record<string, string> {
  if (v === null) return {};
  if (!isObject(v)) throw malformed('bases');
  for (const [k, b] of Object.entries(v)) {
    if (!Object.prototype.hasOwnProperty.call(fields, k)) throw malformed('base of a field the op does not set');
    if (!isStr(b) || !HLC.test(b)) throw malformed('base');
  }
  return v as Record<string, string>;
}

/**
 * Format 1 wrote one op per field: [origin, seq, hlc, base, entity, row, field, value-as-JSON].
 * Such a line reads as a one-field op (bundles parked before an update stay importable).
 */
function fromFieldOp(v: unknown[]): [unknown, unknown, unknown, unknown, unknown, Record<string, Scalar>, Record<string, string>] {
  const [origin, seqNo, hlc, base, entity, row, field, value] = v;
  if (!isStr(field) || !IDENT.test(field)) throw malformed('field');
  let inner: unknown = null;
  if (value !== null) {
    if (!isStr(value)) throw malformed('value');
    try {
      inner = JSON.parse(value);
    } catch {
      throw malformed('value is not JSON');
    }
    if (JSON.stringify(inner) !== value) throw malformed('value not canonical');
  }
  const fields = fieldsOf({ [field]: inner });
  return [origin, seqNo, hlc, entity, row, fields, basesOf(base === null ? null : { [field]: base }, fields)];
}

/** One op, checked element by element: fields hold strings, finite numbers or null. */
export function parseOpLine(line: string): SyncOp {
  const v = parseLine(line, 2);
  if (!Array.isArray(v) || (v.length !== 7 && v.length !== 8)) throw malformed('op is not a 7-element array');
  const [origin, seqNo, hlc, entity, row, rawFields, rawBases] = v.length === 8 ? fromFieldOp(v) : (v as unknown[]);
  if (!isStr(origin) || !ORIGIN.test(origin)) throw malformed('origin');
  if (typeof seqNo !== 'number' || !Number.isSafeInteger(seqNo) || seqNo < 1) throw malformed('seq');
  if (!isStr(hlc) || !HLC.test(hlc)) throw malformed('hlc');
  if (!isStr(entity) || !IDENT.test(entity)) throw malformed('entity');
  if (!isStr(row) || row.length < 1 || row.length > 128) throw malformed('row');
  const fields = fieldsOf(rawFields);
  return { origin, seq: seqNo, hlc, entity, row, fields, bases: basesOf(rawBases ?? null, fields) };
}
