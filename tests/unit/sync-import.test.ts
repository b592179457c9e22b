import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundleHeader } from '../../db/sync/bundle-read';
import type { EventName, Events } from '../../db/contract';
import { exportBundles } from '../../db/sync/export';
import { mutate } from '../../db/write';
import { failure } from '../helpers/contacts';
import { tempDir } from '../helpers/office';
import { joinLaptop, syncOffice } from '../helpers/sync';

type Node = Awaited<ReturnType<typeof syncOffice>>['a'];
const caseLevel = (c: Pick<Node, 'core'>, id: string) =>
  (c.core.context().db.prepare('SELECT intensity_level AS l FROM cases WHERE id = ?').get(id) as { l: string } | undefined)?.l;

describe('export and import between the office and two laptops', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-import-')));
  afterEach(() => t.cleanup());

  it('relays each officer’s cases to their laptop only, and a laptop’s edits back to the office', async () => {
    const s = await syncOffice(t.dir);
    const mine = s.office.newCase({ officerId: s.office.ids.sato });
    const theirs = s.office.newCase({ officerId: s.office.ids.suzuki });
    const round = await s.syncRound();
    expect(round.down.flatMap((r) => r.results).every((r) => r.ok)).toBe(true);

    const has = (c: Node, id: string) => c.core.context().db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
    expect(has(s.a, mine.caseId)).toBe(true);
    expect(has(s.a, theirs.caseId)).toBe(false);
    expect(has(s.b, theirs.caseId)).toBe(true);
    expect(has(s.b, mine.caseId)).toBe(false);

    // The laptop edits its case; the next round brings the edit to the office.
    s.office.clock.advance(60_000);
    mutate(s.a.core.context(), 'test.edit', (tx) => tx.update('cases', mine.caseId, { intensity_level: 'A', updated_at: tx.at }));
    const up = await s.a.call('sync.export', {});
    expect(up.bundles).toHaveLength(1);
    expect(up.bundles[0]!.ops).toBe(1);
    const imported = await s.office.call('sync.import', {});
    expect(imported.results).toEqual([expect.objectContaining({ ok: true, applied: up.bundles[0]!.ops, conflicts: 0 })]);
    expect(caseLevel(s.office, mine.caseId)).toBe('A');

    // Importing the same file again changes nothing and says so.
    const again = await s.office.call('sync.import', { paths: [up.bundles[0]!.path] });
    expect(again.results).toEqual([expect.objectContaining({ ok: true, duplicate: true, applied: 0 })]);
    // A folder scan skips what was imported, what this device wrote and what is for others.
    expect((await s.office.call('sync.import', {})).results).toEqual([]);

    // Acknowledgements flow back: with nothing new, an export writes no file.
    await s.syncRound();
    const before = readdirSync(s.folder).length;
    const quiet = await s.a.call('sync.export', {});
    expect(quiet.bundles).toEqual([]);
    expect(readdirSync(s.folder).length).toBe(before);

    // No temp or partial files are left behind; every bundle has its final name.
    expect(readdirSync(s.folder).filter((f) => f.includes('partial') || f.includes('spool'))).toEqual([]);
    const status = await s.a.call('sync.status', {});
    expect(status.lastImport).toMatchObject({ ok: true });
    expect(status.lastExport).toMatchObject({ ok: true, bundles: 0 });
    const log = await s.office.call('sync.bundles.list', { limit: 50 });
    expect(log.filter((e) => e.direction === 'in' && e.ok).length).toBeGreaterThanOrEqual(3);
    expect(log.every((e) => e.ok)).toBe(true);
    expect(existsSync(join(s.folder, 'pending'))).toBe(false);

    // Bundles hold no plaintext of the seeded names (kanji, kana, romaji), officer names or case numbers.
    const caseNumber = (s.office.db().prepare('SELECT case_number AS n FROM cases WHERE id = ?').get(mine.caseId) as { n: string }).n;
    for (const f of readdirSync(s.folder).filter((f) => f.endsWith('.hogosync'))) {
      const bytes = readFileSync(join(s.folder, f));
      for (const needle of ['山田', 'やまだ', 'Yamada', 'Taro', '佐藤', caseNumber, mine.caseId]) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${f}`).toBe(false);
      }
    }
  });

  it('a revoked laptop’s bundles are refused and it is sent nothing more', async () => {
    const s = await syncOffice(t.dir);
    s.office.newCase({ officerId: s.office.ids.sato });
    await s.syncRound();
    mutate(s.a.core.context(), 'test.edit', (tx) => tx.event(null, null));
    s.office.newCase({ officerId: s.office.ids.sato });
    s.office.clock.advance(1000);
    const out = await s.a.call('sync.export', {});
    await s.office.as('admin');
    await s.office.call('sync.devices.revoke', { deviceId: s.a.deviceId });
    const res = await s.office.call('sync.import', { paths: out.bundles.map((b) => b.path) });
    expect(res.results).toEqual([expect.objectContaining({ ok: false, code: 'SYNC_SENDER_REVOKED' })]);
    const office = await s.office.call('sync.export', {});
    expect(office.bundles.map((b) => b.peer)).toEqual([s.b.deviceId]);
    // Import needs a folder that exists.
    await s.b.call('sync.settings.update', { folder: join(t.dir, 'unplugged') });
    await expect(s.b.call('sync.import', {})).rejects.toMatchObject(failure('SYNC_NO_FOLDER'));
    expect((await s.b.call('sync.status', {})).lastImport).toMatchObject({ ok: false, code: 'SYNC_NO_FOLDER' });
    expect(readBundleHeader(office.bundles[0]!.path).header.recipients.map((r) => r.device)).toEqual([s.b.deviceId]);
    // A folder that is not a folder (a stick mounted elsewhere, a file in its place) is refused up front.
    const notDir = join(t.dir, 'not-a-folder');
    writeFileSync(notDir, 'x');
    await s.b.call('sync.settings.update', { folder: notDir });
    await expect(s.b.call('sync.export', {})).rejects.toMatchObject(failure('SYNC_NO_FOLDER'));
  });

  it('chains each peer’s bundles by hash, declares coverage ranges and acks, and reports progress', async () => {
    const s = await syncOffice(t.dir);
    const c = s.office.newCase({ officerId: s.office.ids.sato });
    await s.syncRound();
    s.office.clock.advance(1000);
    mutate(s.a.core.context(), 'test.edit', (tx) => tx.update('cases', c.caseId, { intensity_level: 'C', updated_at: tx.at }));
    const seen: [number, number][] = [];
    const first = exportBundles(s.a.core.context(), { progress: (d, n) => seen.push([d, n]) }).bundles[0]!;
    expect(seen.at(-1)).toEqual([first.ops, first.ops]);
    s.office.clock.advance(1000);
    mutate(s.a.core.context(), 'test.edit', (tx) => tx.update('cases', c.caseId, { intensity_level: 'B', updated_at: tx.at }));
    const second = exportBundles(s.a.core.context()).bundles[0]!;
    const h1 = readBundleHeader(first.path).header;
    const h2 = readBundleHeader(second.path).header;
    expect(h2.prev_bundle_sha256).toBe(createHash('sha256').update(readFileSync(first.path)).digest('hex'));
    // The laptop covers only its own ops; nothing acknowledged by the office since, so both start
    // where the office's last acknowledgement left off.
    expect(Object.keys(h2.ranges)).toEqual([s.a.deviceId]);
    expect(h2.ranges[s.a.deviceId]![0]).toBe(h1.ranges[s.a.deviceId]![0]);
    expect(h2.ranges[s.a.deviceId]![1]).toBe(h1.ranges[s.a.deviceId]![1] + 1);
    // It acknowledges what it has received from the office.
    const officeDevice = s.office.core.context().deviceId;
    expect(h2.acks[officeDevice]).toBeGreaterThan(0);
    // Importing the older bundle after the newer one is harmless; the newer one wins.
    const res = await s.office.call('sync.import', { paths: [second.path, first.path] });
    expect(res.results.map((r) => r.ok)).toEqual([true, true]);
    expect(caseLevel(s.office, c.caseId)).toBe('B');
  });

  it('export and import report progress to the window as sync events', async () => {
    const s = await syncOffice(t.dir);
    s.office.newCase({ officerId: s.office.ids.suzuki });
    const events: { event: EventName; payload: unknown }[] = [];
    const c = await joinLaptop(join(t.dir, 'laptop-c'), s.office, 'suzuki', s.folder, {
      onEvent: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
    });
    await s.office.call('sync.export', {});
    const imported = await c.call('sync.import', {});
    expect(imported.results).toEqual([expect.objectContaining({ ok: true })]);
    const applied = imported.results[0]!.applied;
    expect(events).toContainEqual({ event: 'progress', payload: { task: 'sync', done: applied, total: applied } });
    mutate(c.core.context(), 'test.edit', (tx) => tx.event(null, null));
    const out = await c.call('sync.export', {});
    expect(events.at(-1)).toEqual({ event: 'progress', payload: { task: 'sync', done: out.bundles[0]!.ops, total: out.bundles[0]!.ops } });
  });
});
