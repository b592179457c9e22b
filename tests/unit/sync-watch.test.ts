/**
 * Importing without typing paths: the "Import files…" Open dialog (sync.import with pick) and the
 * scheduler's watch of the sync folder, on real enrolled offices under the shared fake clock.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleForCore } from '../../db/sync/schedule';
import { mutate } from '../../db/write';
import { tempDir } from '../helpers/office';
import { pickingShell, syncOffice } from '../helpers/sync';

const MINUTE = 60_000;

describe('sync.import with pick', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-pick-')));
  afterEach(() => t.cleanup());

  it('imports the files chosen in the Open dialog; cancelling changes nothing', async () => {
    const dialog = pickingShell();
    const s = await syncOffice(t.dir, { laptopA: { shell: dialog.shell } });
    const { caseId } = s.office.newCase({ officerId: s.office.ids.sato });
    const bundle = (await s.office.call('sync.export', {})).bundles.find((b) => b.peer === s.a.deviceId)!;

    // Cancelled: no result, no run for the status bar, nothing in the bundle log.
    expect(await s.a.call('sync.import', { pick: true })).toEqual({ results: [] });
    expect(dialog.asked).toEqual([[{ name: 'Hogo sync bundle', extensions: ['hogosync'] }]]);
    expect((await s.a.call('sync.status', {})).lastImport).toBeNull();
    expect(await s.a.call('sync.bundles.list', { limit: 10 })).toHaveLength(0);

    dialog.picks.push([bundle.path]);
    const r = await s.a.call('sync.import', { pick: true });
    expect(r.results).toEqual([expect.objectContaining({ file: basename(bundle.path), ok: true })]);
    expect(s.a.core.context().db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)).toBeDefined();
    expect((await s.a.call('sync.status', {})).lastImport).toMatchObject({ ok: true, bundles: 1 });

    // A file that is not for this laptop is reported, not applied.
    const notBundle = join(t.dir, 'notes.hogosync');
    writeFileSync(notBundle, 'not a bundle');
    dialog.picks.push([notBundle]);
    expect((await s.a.call('sync.import', { pick: true })).results).toEqual([expect.objectContaining({ ok: false, code: 'SYNC_NOT_BUNDLE' })]);
    await expect(s.a.call('sync.import', { pick: true, paths: [bundle.path] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('the scheduler watches the sync folder', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-watch-')));
  afterEach(() => t.cleanup());

  it('imports new bundles for this device at the next tick, once, and remembers the run for the status bar', async () => {
    const s = await syncOffice(t.dir);
    const clock = s.office.clock;
    const watch = scheduleForCore(s.office.core, clock.now);
    // The first tick exports (never done) and finds no bundle to import.
    expect((await watch.tick()).ran).not.toContain('import');

    const employer = '00000000-0000-4000-8000-0000000000e2';
    clock.advance(MINUTE);
    mutate(s.a.core.context(), 'employers.add', (tx) => tx.insert('employers', { id: employer, name: '協力雇用主', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    await s.a.call('sync.export', {});
    clock.advance(MINUTE);
    const tick = await watch.tick();
    expect(tick).toEqual({ ran: ['import'], failed: [] });
    const db = s.office.core.context().db;
    expect(db.prepare('SELECT name FROM employers WHERE id = ?').get(employer)).toEqual({ name: '協力雇用主' });
    const status = await s.office.call('sync.status', {});
    expect(status.lastImport).toEqual({ at: new Date(clock.now()).toISOString(), ok: true, bundles: 1 });

    // Nothing new: a listing only, no import and no new run; the office's own bundles are not read back.
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toEqual([]);
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toEqual([]);
    expect((await s.office.call('sync.status', {})).lastImport).toEqual(status.lastImport);
    expect(db.prepare("SELECT count(*) AS n FROM sync_bundles WHERE direction = 'in'").get()).toEqual({ n: 1 });
  });

  it('imports nothing while locked, and what arrived meanwhile after unlocking; skips files imported by hand', async () => {
    const s = await syncOffice(t.dir);
    const clock = s.office.clock;
    const watch = scheduleForCore(s.office.core, clock.now);
    await watch.tick();

    // Imported by hand before the watch saw it: the watch's pass finds nothing to do.
    clock.advance(MINUTE);
    mutate(s.a.core.context(), 'edit', (tx) => tx.insert('employers', { id: '00000000-0000-4000-8000-0000000000e3', name: '一', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    await s.a.call('sync.export', {});
    await s.office.call('sync.import', {});
    const byHand = (await s.office.call('sync.status', {})).lastImport;
    clock.advance(MINUTE);
    await watch.tick();
    expect((await s.office.call('sync.status', {})).lastImport).toEqual(byHand);

    s.office.core.lock('manual');
    clock.advance(MINUTE);
    mutate(s.b.core.context(), 'edit', (tx) => tx.insert('employers', { id: '00000000-0000-4000-8000-0000000000e4', name: '二', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    const fromB = (await s.b.call('sync.export', {})).bundles[0]!;
    clock.advance(MINUTE);
    expect(await watch.tick()).toEqual({ ran: [], failed: [] });
    await s.office.as('admin');
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toContain('import');
    const db = s.office.core.context().db;
    expect(db.prepare("SELECT result FROM sync_bundles WHERE direction = 'in' AND file = ?").all(basename(fromB.path))).toEqual([{ result: 'ok' }]);
  });

  it('a file copied in under a bundle name is looked at again when it changes', async () => {
    const s = await syncOffice(t.dir);
    const clock = s.office.clock;
    const watch = scheduleForCore(s.office.core, clock.now);
    await watch.tick();
    clock.advance(MINUTE);
    mutate(s.a.core.context(), 'edit', (tx) => tx.insert('employers', { id: '00000000-0000-4000-8000-0000000000e5', name: '三', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    const real = (await s.a.call('sync.export', {})).bundles[0]!;
    // A copy still in progress: the first bytes only.
    const moved = join(t.dir, 'elsewhere.hogosync');
    renameSync(real.path, moved);
    writeFileSync(real.path, 'HOGOSYNC');
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toContain('import');
    expect((await s.office.call('sync.status', {})).lastImport).toMatchObject({ ok: false, code: 'SYNC_TRUNCATED' });
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toEqual([]);
    // The copy completes: a new size, so the watch reads it again.
    renameSync(moved, real.path);
    clock.advance(MINUTE);
    expect((await watch.tick()).ran).toContain('import');
    expect((await s.office.call('sync.status', {})).lastImport).toMatchObject({ ok: true, bundles: 1 });
  });
});
