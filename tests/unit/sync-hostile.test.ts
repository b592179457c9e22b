/**
 * Hostile and damaged bundles: every one is refused with a specific SYNC_* code and the laptop's
 * database content (every table but the audit trail and the bundle log) is unchanged.
 * Prints its figures.
 */
import { createPrivateKey, randomUUID } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../db/errors';
import { DEFAULT_LIMITS, SIGNATURE_BYTES, type BundleLimits } from '../../db/sync/bundle';
import { readBundleHeader } from '../../db/sync/bundle-read';
import { formatHlc, parseHlc } from '../../db/sync/hlc';
import { syncStatus } from '../../db/sync/devices';
import { generateKeyPairs } from '../../db/sync/identity';
import { importBundle, importBundles } from '../../db/sync/import';
import { toOp, type ChangeLogRow, type SyncOp } from '../../db/sync/ops';
import { mutate, type ServiceContext } from '../../db/write';
import { tempDir } from '../helpers/office';

const parseHlcMs = (hlc: string) => parseHlc(hlc).ms;
import { contentHash, craftBundle, seededRandom, syncOffice } from '../helpers/sync';

const YEAR = 365 * 24 * 3600 * 1000;


describe('hostile bundles', () => {
  let t: ReturnType<typeof tempDir>;
  let s: Awaited<ReturnType<typeof syncOffice>>;
  let laptop: ServiceContext;
  let office: ServiceContext;
  let good: string;
  let goodBytes: Buffer;
  const figures: string[] = [];

  beforeAll(async () => {
    t = tempDir('hogo-sync-hostile-');
    s = await syncOffice(t.dir);
    for (let i = 0; i < 3; i++) s.office.newCase({ officerId: s.office.ids.sato });
    const out = await s.office.call('sync.export', {});
    good = out.bundles.find((b) => b.peer === s.a.deviceId)!.path;
    goodBytes = readFileSync(good);
    laptop = s.a.core.context();
    office = s.office.core.context();
  });
  afterAll(() => {
    console.log(`sync hostile: ${figures.join('; ')}`);
    t.cleanup();
  });

  /** Imports, expects a refusal with a SYNC_* code, and returns the code. */
  function refused(path: string, limits?: BundleLimits): string {
    try {
      importBundle(laptop, path, limits ? { limits } : {});
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect(e.code).toMatch(/^SYNC_/);
      return e.code;
    }
    throw new Error('accepted a bundle that should have been refused');
  }
  const tally = (codes: string[]) =>
    Object.entries(codes.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {}))
      .map(([c, n]) => `${c}×${n}`)
      .join(' ');

  it('1000 bundles with random byte flips across header, payload and signature: all refused, nothing changed', () => {
    const before = contentHash(laptop.db);
    const { payloadOffset } = readBundleHeader(good);
    const sigStart = goodBytes.length - SIGNATURE_BYTES;
    const regions: [number, number][] = [
      [0, payloadOffset],
      [payloadOffset, sigStart],
      [sigStart, goodBytes.length],
    ];
    const rand = seededRandom(6);
    const path = join(t.dir, 'mutated.hogosync');
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const bytes = Buffer.from(goodBytes);
      const [lo, hi] = regions[i % 3]!;
      const flips = 1 + Math.floor(rand() * 4);
      for (let f = 0; f < flips; f++) {
        const at = lo + Math.floor(rand() * (hi - lo));
        bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255));
      }
      writeFileSync(path, bytes);
      codes.push(refused(path));
    }
    expect(codes).toHaveLength(1000);
    expect(contentHash(laptop.db)).toBe(before);
    figures.push(`mutated 1000/1000 refused (${tally(codes)})`);
  });

  it('1000 truncated bundles: all refused, nothing changed', () => {
    const before = contentHash(laptop.db);
    const rand = seededRandom(7);
    const path = join(t.dir, 'truncated.hogosync');
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) {
      writeFileSync(path, goodBytes.subarray(0, Math.floor(rand() * goodBytes.length)));
      codes.push(refused(path));
    }
    expect(new Set(codes)).toEqual(new Set(['SYNC_TRUNCATED']));
    expect(contentHash(laptop.db)).toBe(before);
    figures.push(`truncated 1000/1000 refused (${tally(codes)})`);
  });

  it('forged, foreign, bombs and oversized: each refused with its own code, nothing changed', () => {
    const before = contentHash(laptop.db);
    const dir = join(t.dir, 'forged');
    mkdirSync(dir);
    const file = (name: string) => join(dir, `${name}.hogosync`);
    const realOps = (office.db.prepare('SELECT * FROM change_log ORDER BY seq LIMIT 40').all() as ChangeLogRow[]).map(toOp);
    const officeDevice = s.office.core.context().deviceId;
    const stranger = generateKeyPairs();
    const strangerSign = createPrivateKey({ key: stranger.signPrivate, format: 'der', type: 'pkcs8' });
    const control = `${JSON.stringify({ purgeCases: [] })}\n`;
    const opLine = (op: SyncOp) => JSON.stringify([op.origin, op.seq, op.hlc, op.entity, op.row, op.fields, Object.keys(op.bases).length ? op.bases : null]);
    const allRanges = { [officeDevice]: [1, 1_000_000] as [number, number] };
    const cases: [string, string, () => void, BundleLimits?][] = [
      ['wrong office', 'SYNC_WRONG_OFFICE', () => craftBundle(file('office'), office, s.a, { officeId: randomUUID(), ops: realOps })],
      ['unknown device', 'SYNC_UNKNOWN_SENDER', () => craftBundle(file('device'), office, s.a, { sender: { device: randomUUID(), keyId: stranger.keyId }, signKey: strangerSign, ops: realOps })],
      ['known device, other keys', 'SYNC_UNKNOWN_SENDER', () => craftBundle(file('keys'), office, s.a, { sender: { device: officeDevice, keyId: stranger.keyId }, signKey: strangerSign, ops: realOps })],
      ['known device and key id, signed by another key', 'SYNC_BAD_SIGNATURE', () => craftBundle(file('sig'), office, s.a, { signKey: strangerSign, ops: realOps })],
      ['created a year ahead', 'SYNC_CLOCK_AHEAD', () => craftBundle(file('created'), office, s.a, { createdAt: new Date(office.now() + YEAR).toISOString(), ops: realOps })],
      ['header clock a year ahead', 'SYNC_CLOCK_AHEAD', () => craftBundle(file('hlc'), office, s.a, { hlc: formatHlc({ ms: office.now() + YEAR, counter: 0, device: officeDevice }), ops: realOps })],
      ['addressed to the other laptop', 'SYNC_NOT_FOR_US', () => craftBundle(file('other'), office, s.b, { ops: realOps })],
      ['ops outside the declared ranges', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('ranges'), office, s.a, { ops: realOps, ranges: { [officeDevice]: [1, 1] } })],
      // The count check comes after every op was applied: the transaction must roll them all back.
      ['fewer ops than announced', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('count'), office, s.a, { ops: realOps, announcedOps: realOps.length + 1 })],
      ['decompression bomb in one frame', 'SYNC_PAYLOAD_TOO_LARGE', () => craftBundle(file('bomb'), office, s.a, { frames: [gzipSync(control), gzipSync(Buffer.alloc(64 * 1024 ** 2, 0x20))], ranges: allRanges, announcedOps: 1 })],
      [
        'many frames that together expand too far',
        'SYNC_PAYLOAD_TOO_LARGE',
        () => {
          const line = `${opLine(realOps[0]!)}\n`;
          const block = gzipSync(Buffer.from(line.repeat(Math.ceil((512 * 1024) / line.length))));
          craftBundle(file('bombs'), office, s.a, { frames: [gzipSync(control), ...Array(12).fill(block)], ranges: allRanges, announcedOps: 10_000_000 });
        },
        { ...DEFAULT_LIMITS, minExpandedBytes: 4 * 1024 ** 2, maxExpansion: 4 },
      ],
      ['deeply nested op', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('nested'), office, s.a, { frames: [gzipSync(`${control}${'['.repeat(200_000)}${']'.repeat(200_000)}\n`)], ranges: allRanges, announcedOps: 1 })],
      ['deeply nested control record', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('nestedctl'), office, s.a, { frames: [gzipSync(`{"purgeCases":${'['.repeat(50_000)}${']'.repeat(50_000)}}\n`)], ranges: allRanges })],
      ['oversized JSON line', 'SYNC_PAYLOAD_TOO_LARGE', () => craftBundle(file('line'), office, s.a, { frames: [gzipSync(`${control}["${'x'.repeat(5 * 1024 ** 2)}"]\n`)], ranges: allRanges, announcedOps: 1 })],
      ['garbage instead of gzip', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('gzip'), office, s.a, { frames: [Buffer.from('not gzip at all')], ranges: allRanges })],
      ['a frame that does not end a line', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('frame'), office, s.a, { frames: [gzipSync(control), gzipSync(opLine(realOps[0]!))], ranges: allRanges, announcedOps: 1 })],
      ['not JSON', 'SYNC_PAYLOAD_MALFORMED', () => craftBundle(file('json'), office, s.a, { frames: [gzipSync(`${control}{oops\n`)], ranges: allRanges, announcedOps: 1 })],
      [
        'oversized file',
        'SYNC_TOO_LARGE',
        () => {
          const fd = openSync(file('huge'), 'w');
          ftruncateSync(fd, DEFAULT_LIMITS.maxFileBytes + 1); // sparse: no disk used
          closeSync(fd);
        },
      ],
      ['not a bundle', 'SYNC_NOT_BUNDLE', () => writeFileSync(file('text'), 'hello, this is a text file\n')],
    ];
    const names = ['office', 'device', 'keys', 'sig', 'created', 'hlc', 'other', 'ranges', 'count', 'bomb', 'bombs', 'nested', 'nestedctl', 'line', 'gzip', 'frame', 'json', 'huge', 'text'];
    cases.forEach(([label, code, make, limits], i) => {
      make();
      expect(refused(file(names[i]!), limits), label).toBe(code);
      expect(contentHash(laptop.db), label).toBe(before);
    });
    figures.push(`forged/foreign/bombs/oversized ${cases.length}/${cases.length} refused with their own code`);
  });

  it('replay is a no-op; ops whose clock is a year ahead are flagged, not trusted; a newer schema waits in pending/; a revoked sender is refused', () => {
    const first = importBundle(laptop, good);
    expect(first).toMatchObject({ ok: true });
    expect(first.applied).toBeGreaterThan(0);
    const after = contentHash(laptop.db);
    expect(importBundle(laptop, good)).toMatchObject({ ok: true, duplicate: true, applied: 0 });
    expect(contentHash(laptop.db)).toBe(after);

    // A VPO written at the office with a clock a year ahead: stored (all devices agree) but flagged.
    const vpo = randomUUID();
    mutate(office, 'test.vpo', (tx) => tx.insert('vpos', { id: vpo, name: '未来 保護司', district: '中央', created_at: tx.at, updated_at: tx.at }));
    const ahead = (office.db.prepare("SELECT * FROM change_log WHERE entity = 'vpos' AND row_id = ?").all(vpo) as ChangeLogRow[]).map((r) => ({
      ...toOp(r),
      hlc: formatHlc({ ms: office.now() + YEAR, counter: 0, device: r.device_id }),
    }));
    const aheadPath = join(t.dir, 'ahead.hogosync');
    craftBundle(aheadPath, office, s.a, { ops: ahead });
    expect(importBundle(laptop, aheadPath)).toMatchObject({ ok: true });
    const flags = laptop.db.prepare('SELECT count(*) AS n FROM sync_clock_flags').get() as { n: number };
    expect(flags.n).toBe(ahead.length);
    // sync.status counts them and names the device whose clock is ahead, for the Sync screen's warning.
    expect(syncStatus(laptop)).toMatchObject({
      clockAhead: ahead.length,
      clockAheadLatest: { device: office.deviceId, role: 'office', officerName: null, clockAt: new Date(parseHlcMs(ahead[0]!.hlc)).toISOString() },
    });
    // The laptop's own clock did not jump a year.
    expect(laptop.clock.now() < formatHlc({ ms: office.now() + 1000, counter: 0, device: '' })).toBe(true);

    const newer = join(s.folder, 'newer.hogosync');
    craftBundle(newer, office, s.a, { schemaVersion: 9999, ops: [] });
    const before = contentHash(laptop.db);
    expect(refused(newer)).toBe('SYNC_SCHEMA_NEWER');
    expect(existsSync(newer)).toBe(false);
    expect(existsSync(join(s.folder, 'pending', 'newer.hogosync'))).toBe(true);
    expect(contentHash(laptop.db)).toBe(before);
    // A folder scan leaves it waiting (no repeated refusal) until the app can read it.
    expect(importBundles(laptop, undefined).results.map((r) => r.file)).not.toContain('newer.hogosync');
    // One this app can read (as after an update) is picked up from pending/ by the next scan.
    craftBundle(join(s.folder, 'pending', 'readable.hogosync'), office, s.a, { ops: [] });
    expect(importBundles(laptop, undefined).results).toEqual([expect.objectContaining({ file: 'readable.hogosync', ok: true })]);
    const settled = contentHash(laptop.db);

    expect(settled).toBe(contentHash(laptop.db));
    mutate(laptop, 'test.revoke', () => laptop.db.prepare("UPDATE sync_devices SET status = 'revoked'").run());
    const revokedBefore = contentHash(laptop.db);
    const late = join(t.dir, 'late.hogosync');
    craftBundle(late, office, s.a, { ops: [] });
    expect(refused(late)).toBe('SYNC_SENDER_REVOKED');
    expect(contentHash(laptop.db)).toBe(revokedBefore);
    figures.push('replay no-op, clock-ahead ops flagged, newer schema parked, revoked sender refused');
  });
});
