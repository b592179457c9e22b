import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAGIC, parseOpLine, PREFIX_BYTES, SIGNATURE_BYTES } from '../../db/sync/bundle';
import { openPayload, readBundleHeader, verifyBundleSignature } from '../../db/sync/bundle-read';
import { frameOps, writeBundle, type PayloadStats } from '../../db/sync/bundle-write';
import { formatHlc } from '../../db/sync/hlc';
import { generateKeyPairs, publicKeyOf } from '../../db/sync/identity';
import type { SyncOp } from '../../db/sync/ops';
import { tempDir } from '../helpers/office';

function device() {
  const k = generateKeyPairs();
  return {
    id: randomUUID(),
    keyId: k.keyId,
    sign: createPrivateKey({ key: k.signPrivate, format: 'der', type: 'pkcs8' }),
    box: createPrivateKey({ key: k.boxPrivate, format: 'der', type: 'pkcs8' }),
    signPublic: publicKeyOf(k.signPublic, 'ed25519')!,
    boxPublic: publicKeyOf(k.boxPublic, 'x25519')!,
  };
}
type Device = ReturnType<typeof device>;

function* someOps(origin: string, n: number, note = 'x'): Generator<SyncOp> {
  for (let i = 1; i <= n; i++) {
    const field = i % 2 ? 'notes' : 'contact_date';
    yield {
      origin,
      seq: i,
      hlc: formatHlc({ ms: 1_780_000_000_000 + i, counter: 0, device: origin }),
      entity: 'contacts',
      row: `row-${i % 97}`,
      fields: { [field]: i % 2 ? `${note} ${i} 面接で話した内容` : '2026-11-26', ...(i % 5 === 0 ? { channel: 'visit', duration_min: i } : {}) },
      bases: i > 1 ? { [field]: formatHlc({ ms: 1_780_000_000_000 + i - 1, counter: 0, device: origin }) } : {},
    };
  }
}

function write(path: string, from: Device, to: Device[], ops: Iterable<SyncOp>, purgeCases: string[] = []) {
  const stats: PayloadStats = { ops: 0, frames: 0, seen: new Map() };
  return writeBundle(
    path,
    {
      officeId: randomUUID(),
      sender: { device: from.id, keyId: from.keyId },
      createdAt: '2026-11-26T00:00:00.000Z',
      hlc: formatHlc({ ms: 1_780_000_000_000, counter: 0, device: from.id }),
      schemaVersion: 10,
      acks: { [to[0]!.id]: 3 },
      prevSha256: null,
      recipients: to.map((d) => ({ device: d.id, keyId: d.keyId, boxPublic: d.boxPublic })),
      ranges: (s) => Object.fromEntries([...s.seen].map(([o, r]) => [o, [r.min, r.max] as [number, number]])),
    },
    frameOps({ purgeCases }, ops, stats),
    stats,
    from.sign,
  );
}

describe('bundle format', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-bundle-')));
  afterEach(() => t.cleanup());

  it('round-trips 50,000 ops to two recipients: header, ranges, control and every op intact', () => {
    const [a, b, c] = [device(), device(), device()];
    const path = join(t.dir, 'x.hogosync');
    const purge = [randomUUID()];
    const w = write(path, a, [b, c], someOps(a.id, 50_000), purge);
    expect(w.ops).toBe(50_000);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 8).equals(MAGIC)).toBe(true);
    expect(bytes.length).toBe(w.bytes);

    const parsed = readBundleHeader(path);
    expect(parsed.header).toMatchObject({ bundle_id: w.bundleId, ranges: { [a.id]: [1, 50_000] }, acks: { [b.id]: 3 }, payload: { ops: 50_000 } });
    expect(parsed.header.payload.frames).toBeGreaterThan(1);
    expect(verifyBundleSignature(parsed, a.signPublic)).toBe(w.sha256);
    for (const who of [b, c]) {
      const reader = openPayload(parsed, { device: who.id, keyId: who.keyId }, who.box);
      expect(reader.control).toEqual({ purgeCases: purge });
      const expected = someOps(a.id, 50_000);
      let n = 0;
      for (const op of reader.ops()) {
        expect(op).toEqual(expected.next().value);
        n++;
      }
      reader.finish();
      expect(n).toBe(50_000);
    }
    // Compressed: far smaller than the NDJSON it carries.
    expect(w.bytes).toBeLessThan(50_000 * 40);
  });

  it('only the listed recipients can open it; the signature binds it to the sender', () => {
    const [a, b, stranger] = [device(), device(), device()];
    const path = join(t.dir, 'x.hogosync');
    write(path, a, [b], someOps(a.id, 10));
    const parsed = readBundleHeader(path);
    expect(() => verifyBundleSignature(parsed, stranger.signPublic)).toThrow(expect.objectContaining({ code: 'SYNC_BAD_SIGNATURE' }));
    expect(() => openPayload(parsed, { device: stranger.id, keyId: stranger.keyId }, stranger.box)).toThrow(
      expect.objectContaining({ code: 'SYNC_NOT_FOR_US' }),
    );
    expect(() => openPayload(parsed, { device: b.id, keyId: 'ffffffffffffffff' }, b.box)).toThrow(expect.objectContaining({ code: 'SYNC_NOT_FOR_US' }));
    // The right device id with the wrong private key cannot unwrap the data key.
    expect(() => openPayload(parsed, { device: b.id, keyId: b.keyId }, stranger.box)).toThrow(expect.objectContaining({ code: 'SYNC_DECRYPT_FAILED' }));
  });

  it('an empty bundle still carries control and acks', () => {
    const [a, b] = [device(), device()];
    const path = join(t.dir, 'x.hogosync');
    const w = write(path, a, [b], [], [randomUUID(), randomUUID()]);
    const reader = openPayload(readBundleHeader(path), { device: b.id, keyId: b.keyId }, b.box);
    expect(reader.control.purgeCases).toHaveLength(2);
    expect([...reader.ops()]).toEqual([]);
    reader.finish();
    expect(w.ops).toBe(0);
  });

  it('framing: a file longer than its header says, or with a wrong version, is refused', () => {
    const [a, b] = [device(), device()];
    const path = join(t.dir, 'x.hogosync');
    write(path, a, [b], someOps(a.id, 5));
    const bytes = readFileSync(path);
    writeFileSync(path, Buffer.concat([bytes, Buffer.from([0])]));
    expect(() => readBundleHeader(path)).toThrow(expect.objectContaining({ code: 'SYNC_HEADER_MALFORMED' }));
    const v2 = Buffer.from(bytes);
    v2.writeUInt16BE(2, MAGIC.length);
    writeFileSync(path, v2);
    expect(() => readBundleHeader(path)).toThrow(expect.objectContaining({ code: 'SYNC_FORMAT_UNSUPPORTED' }));
    writeFileSync(path, bytes.subarray(0, PREFIX_BYTES + 10));
    expect(() => readBundleHeader(path)).toThrow(expect.objectContaining({ code: 'SYNC_TRUNCATED' }));
    writeFileSync(path, bytes.subarray(0, bytes.length - SIGNATURE_BYTES));
    expect(() => readBundleHeader(path)).toThrow(expect.objectContaining({ code: 'SYNC_TRUNCATED' }));
    writeFileSync(path, 'PK\u0003\u0004 a zip file');
    expect(() => readBundleHeader(path)).toThrow(expect.objectContaining({ code: 'SYNC_NOT_BUNDLE' }));
    expect(() => readBundleHeader(path, { ...DEFAULT_LIMITS, maxFileBytes: 5 })).toThrow(expect.objectContaining({ code: 'SYNC_TOO_LARGE' }));
  });

  it('op lines are checked strictly: shape, identifiers, clocks, scalar values, bases, nesting', () => {
    const o = randomUUID();
    const hlc = formatHlc({ ms: 1_780_000_000_000, counter: 0, device: o });
    const before = formatHlc({ ms: 1_770_000_000_000, counter: 0, device: o });
    const good = [o, 1, hlc, 'contacts', 'r1', { notes: 'hi', duration_min: 30, place: null }, { notes: before }];
    expect(parseOpLine(JSON.stringify(good))).toEqual({
      origin: o,
      seq: 1,
      hlc,
      entity: 'contacts',
      row: 'r1',
      fields: { notes: 'hi', duration_min: 30, place: null },
      bases: { notes: before },
    });
    expect(parseOpLine(JSON.stringify([o, 2, hlc, 'contacts', 'r1', { notes: 'x' }, null])).bases).toEqual({});
    const bad: unknown[][] = [
      [o, 1, hlc, 'contacts', 'r1', { notes: 'hi' }],
      [o, 0, hlc, 'contacts', 'r1', { notes: 'hi' }, null],
      [o, 1.5, hlc, 'contacts', 'r1', { notes: 'hi' }, null],
      [o, 1, 'yesterday', 'contacts', 'r1', { notes: 'hi' }, null],
      [o, 1, hlc, 'contacts; DROP TABLE x', 'r1', { notes: 'hi' }, null],
      [o, 1, hlc, 'contacts', '', { notes: 'hi' }, null],
      [o, 1, hlc, 'contacts', 'r1', { Notes: 'hi' }, null],
      [o, 1, hlc, 'contacts', 'r1', {}, null],
      [o, 1, hlc, 'contacts', 'r1', ['hi'], null],
      [o, 1, hlc, 'contacts', 'r1', { notes: { a: 1 } }, null],
      [o, 1, hlc, 'contacts', 'r1', { notes: [1] }, null],
      [o, 1, hlc, 'contacts', 'r1', { notes: true }, null],
      [o, 1, hlc, 'contacts', 'r1', { notes: 'hi' }, { place: before }],
      [o, 1, hlc, 'contacts', 'r1', { notes: 'hi' }, { notes: 'yesterday' }],
      [o, 1, hlc, 'contacts', 'r1', { notes: 'hi' }, []],
      [o, 1, hlc, 'contacts', 'r1', Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i])), null],
    ];
    for (const b of bad) expect(() => parseOpLine(JSON.stringify(b)), JSON.stringify(b)).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }));
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseOpLine(deep)).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }));
    // A short line is not scanned for depth first; its shape refuses it all the same.
    const shortDeep = JSON.stringify([o, 1, hlc, 'contacts', 'r1', { notes: JSON.parse('['.repeat(3000) + ']'.repeat(3000)) as unknown }, null]);
    expect(shortDeep.length).toBeLessThan(16 * 1024);
    expect(() => parseOpLine(shortDeep)).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }));
    expect(() => parseOpLine('not json')).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }));
    // Brackets inside strings are not nesting.
    expect(parseOpLine(JSON.stringify([o, 1, hlc, 'contacts', 'r1', { notes: '[[[{{{' }, null]))).toBeTruthy();
  });

  it('reads the one-op-per-field lines of format 1 as one-field ops, as strictly as before', () => {
    const o = randomUUID();
    const hlc = formatHlc({ ms: 1_780_000_000_000, counter: 0, device: o });
    const before = formatHlc({ ms: 1_770_000_000_000, counter: 0, device: o });
    expect(parseOpLine(JSON.stringify([o, 1, hlc, before, 'contacts', 'r1', 'notes', '"hi"']))).toEqual({
      origin: o,
      seq: 1,
      hlc,
      entity: 'contacts',
      row: 'r1',
      fields: { notes: 'hi' },
      bases: { notes: before },
    });
    expect(parseOpLine(JSON.stringify([o, 2, hlc, null, 'contacts', 'r1', 'place', null]))).toMatchObject({ fields: { place: null }, bases: {} });
    const bad: unknown[][] = [
      [o, 1, hlc, null, 'contacts', 'r1', 'Notes', '"hi"'],
      [o, 1, hlc, null, 'contacts', 'r1', 'notes', '{"a":1}'],
      [o, 1, hlc, null, 'contacts', 'r1', 'notes', '[1]'],
      [o, 1, hlc, null, 'contacts', 'r1', 'notes', ' "hi"'],
      [o, 1, hlc, null, 'contacts', 'r1', 'notes', 5],
      [o, 1, hlc, 'yesterday', 'contacts', 'r1', 'notes', '"hi"'],
    ];
    for (const b of bad) expect(() => parseOpLine(JSON.stringify(b)), JSON.stringify(b)).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }));
  });
});
