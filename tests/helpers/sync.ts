import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { schemaVersion } from '../../db/migrate';
import type { Db } from '../../db/open';
import { frameOps, writeBundle, type PayloadStats } from '../../db/sync/bundle-write';
import { privateKeys, publicKeyOf, readIdentity } from '../../db/sync/identity';
import type { SyncOp } from '../../db/sync/ops';
import type { ServiceContext } from '../../db/write';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import type { CoreOptions } from '../../db/core';
import type { ShellPort } from '../../db/shell';
import { caseworkOffice, STAFF } from './contacts';
import { newCore } from './office';

type Officer = 'sato' | 'suzuki';
type Caller = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** A laptop's first run for `login`, its enrolment request, the office's answer and its completion. */
export async function joinLaptop(
  dir: string,
  office: Awaited<ReturnType<typeof caseworkOffice>>,
  login: Officer,
  folder: string,
  extra: Partial<CoreOptions> = {},
) {
  const laptop = newCore(dir, { now: office.clock.now, ...extra });
  await laptop.call('session.join', { login, displayName: STAFF[login].displayName, passphrase: STAFF[login].passphrase });
  await laptop.call('sync.settings.update', { folder });
  const { path } = await laptop.call('sync.enrol.request', {});
  await office.as('admin');
  const accepted = await office.call('sync.enrol.accept', { path, officerId: office.ids[login] });
  await laptop.call('sync.enrol.complete', { path: accepted.responsePath });
  return { ...laptop, deviceId: accepted.deviceId, login };
}

/**
 * The office (caseworkOffice: admin, officers sato and suzuki, supervisor tanaka) and two enrolled
 * laptops, A for sato and B for suzuki, on one fake clock, sharing one sync folder.
 * `syncRound()` exports from both laptops, imports and exports at the office, then imports on both
 * laptops (as whoever is signed in on each).
 */
export async function syncOffice(root: string, opts: { laptopA?: Partial<CoreOptions> } = {}) {
  const folder = join(root, 'sync');
  mkdirSync(folder, { recursive: true });
  const office = await caseworkOffice(join(root, 'office'));
  await office.call('sync.settings.update', { folder });
  const a = await joinLaptop(join(root, 'laptop-a'), office, 'sato', folder, opts.laptopA);
  const b = await joinLaptop(join(root, 'laptop-b'), office, 'suzuki', folder);

  async function exportImport(from: Caller[], to: Caller[]) {
    for (const c of from) await c('sync.export', {});
    const results = [];
    for (const c of to) results.push(await c('sync.import', {}));
    return results;
  }
  async function syncRound() {
    const up = await exportImport([a.call, b.call], [office.call]);
    const down = await exportImport([office.call], [a.call, b.call]);
    return { up, down };
  }
  return { folder, office, a, b, syncRound };
}

/**
 * SHA-256 over every table's rows (sorted), except the audit trail and the bundle log, which a
 * refused import may append to. Equal before and after = the import changed nothing.
 */
export function contentHash(db: Db): string {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => n !== 'audit_log' && n !== 'sync_bundles');
  const h = createHash('sha256');
  for (const name of tables) {
    const rows = (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)),
    );
    rows.sort();
    h.update(`${name}\n${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}

export interface CraftOptions {
  officeId?: string;
  sender?: { device: string; keyId: string };
  createdAt?: string;
  hlc?: string;
  schemaVersion?: number;
  ranges?: Record<string, [number, number]>;
  /** Raw, already-compressed frames instead of the sender's real outgoing ops. */
  frames?: Buffer[];
  ops?: SyncOp[];
  purgeCases?: string[];
  announcedOps?: number;
  signKey?: KeyObject;
}

/**
 * A bundle from `from` (an enrolled device's context) to `to`, properly encrypted and signed with
 * the sender's real keys unless told otherwise: for hostile-input tests that need a bundle which
 * passes the signature and fails later, or a valid one with a forged header field.
 */
export function craftBundle(path: string, from: ServiceContext, to: { deviceId: string }, o: CraftOptions = {}) {
  const self = readIdentity(from.db)!;
  const peer = from.db.prepare('SELECT box_public, key_id FROM sync_devices WHERE device_id = ?').get(to.deviceId) as { box_public: Buffer; key_id: string };
  const stats: PayloadStats = { ops: 0, frames: 0, seen: new Map() };
  const frames = o.frames ?? [...frameOps({ purgeCases: o.purgeCases ?? [] }, o.ops ?? [], stats)];
  if (o.frames) stats.frames = o.frames.length;
  if (o.announcedOps !== undefined) stats.ops = o.announcedOps;
  return writeBundle(
    path,
    {
      officeId: o.officeId ?? self.officeId!,
      sender: o.sender ?? { device: self.deviceId, keyId: self.keyId },
      createdAt: o.createdAt ?? new Date(from.now()).toISOString(),
      hlc: o.hlc ?? from.clock.now(),
      schemaVersion: o.schemaVersion ?? schemaVersion(from.db),
      acks: {},
      prevSha256: null,
      recipients: [{ device: to.deviceId, keyId: peer.key_id, boxPublic: publicKeyOf(peer.box_public, 'x25519')! }],
      ranges: () => o.ranges ?? Object.fromEntries([...stats.seen].map(([k, r]) => [k, [1, r.max] as [number, number]])),
    },
    frames,
    stats,
    o.signKey ?? privateKeys(from.db).sign,
  );
}

/**
 * A shell for a test core: pickFiles answers from a queue (empty = cancelled) and records the
 * filters it was asked with; the other dialogs are not expected.
 */
export function pickingShell() {
  const picks: string[][] = [];
  const asked: { name: string; extensions: string[] }[][] = [];
  const shell: ShellPort = {
    saveFile: async () => null,
    printPage: async () => new Uint8Array(),
    pickFiles: async (filters) => {
      asked.push(filters);
      return picks.shift() ?? [];
    },
    chooseFolder: async () => null,
  };
  return { shell, picks, asked };
}

/** A small seeded generator (mulberry32) in [0, 1), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
