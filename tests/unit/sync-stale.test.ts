import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBundles } from '../../db/sync/import';
import { mutate } from '../../db/write';
import { STAFF } from '../helpers/contacts';
import { tempDir } from '../helpers/office';
import { contentHash, syncOffice } from '../helpers/sync';

type Office = Awaited<ReturnType<typeof syncOffice>>;

describe('a bundle older than the last one imported from its sender', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-stale-')));
  afterEach(() => t.cleanup());

  const hasCase = (s: Office['a'], id: string) => s.core.context().db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;

  it('is skipped and recorded, so an old snapshot cannot bring a moved case back', async () => {
    const s = await syncOffice(t.dir);
    await s.syncRound();
    // The office gives sato a case and writes a bundle with its snapshot, which A does not read yet.
    const { caseId, superviseeId } = s.office.newCase({ officerId: s.office.ids.sato });
    s.office.clock.advance(60_000);
    const older = (await s.office.call('sync.export', {})).bundles.find((b) => b.peer === s.a.deviceId)!;
    // The case moves to suzuki; the next bundle to A says to remove it.
    s.office.clock.advance(60_000);
    mutate(s.office.core.context(), 'supervisees.reassign', (tx) => tx.update('supervisees', superviseeId, { officer_id: s.office.ids.suzuki }));
    const newer = (await s.office.call('sync.export', {})).bundles.find((b) => b.peer === s.a.deviceId)!;
    expect(newer.path).not.toBe(older.path);

    const first = await s.a.call('sync.import', { paths: [newer.path] });
    expect(first.results[0]).toMatchObject({ ok: true });
    expect(hasCase(s.a, caseId)).toBe(false);
    const before = contentHash(s.a.core.context().db);

    // Straight to the import (the channel also notes the run for the status bar).
    const late = importBundles(s.a.core.context(), [older.path]);
    expect(late.results[0]).toMatchObject({ ok: true, stale: true, applied: 0, conflicts: 0 });
    expect(hasCase(s.a, caseId)).toBe(false);
    expect(contentHash(s.a.core.context().db)).toBe(before);

    const log = await s.a.call('sync.bundles.list', { limit: 10 });
    expect(log[0]).toMatchObject({ direction: 'in', ok: true, stale: true, code: null });
    const audit = s.a.core.context().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.import_stale'").get() as { n: number };
    expect(audit.n).toBe(1);
    // Importing it again is a no-op too, and the folder scan does not offer it again.
    expect((await s.a.call('sync.import', { paths: [older.path] })).results[0]).toMatchObject({ ok: true, stale: true });
    const scan = await s.a.call('sync.import', {});
    expect(scan.results.map((r) => r.file)).not.toContain(older.path.split('/').pop());

    // The status bar counts no bundle for a run of stale files.
    const status = await s.a.call('sync.status', {});
    expect(status.lastImport).toMatchObject({ ok: true });
  });

  it('is applied when it is newer, even if the one before it was lost', async () => {
    const s = await syncOffice(t.dir);
    await s.syncRound();
    const { caseId } = s.office.newCase({ officerId: s.office.ids.sato });
    s.office.clock.advance(60_000);
    await s.office.call('sync.export', {}); // lost on the way
    s.office.clock.advance(60_000);
    const { superviseeId } = s.office.newCase({ officerId: s.office.ids.sato });
    const latest = (await s.office.call('sync.export', {})).bundles.find((b) => b.peer === s.a.deviceId)!;
    const r = await s.a.call('sync.import', { paths: [latest.path] });
    expect(r.results[0]).toMatchObject({ ok: true });
    expect(r.results[0]!.stale).toBeUndefined();
    expect(hasCase(s.a, caseId)).toBe(true);
    expect(s.a.core.context().db.prepare('SELECT 1 FROM supervisees WHERE id = ?').get(superviseeId)).toBeDefined();
  });
});

describe('header clocks after the wall clock was set back', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-stale-clock-')));
  afterEach(() => t.cleanup());

  it('a bundle written after the laptop’s clock was corrected is not mistaken for an older one', async () => {
    const s = await syncOffice(t.dir);
    await s.syncRound();
    const HOURS = 2 * 3_600_000;
    const employer = '00000000-0000-4000-8000-0000000000e7';
    mutate(s.a.core.context(), 'edit', (tx) => tx.insert('employers', { id: employer, name: '一', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    // The laptop's clock runs two hours ahead when it exports, then is put right.
    s.office.clock.advance(HOURS);
    const ahead = (await s.a.call('sync.export', {})).bundles[0]!;
    s.office.clock.advance(-HOURS + 5 * 60_000);
    // The app restarted since (the clock is rebuilt from the change log, which the export did not touch).
    s.a.core.lock('manual');
    await s.a.call('session.unlock', { login: STAFF.sato.login, passphrase: STAFF.sato.passphrase });
    mutate(s.a.core.context(), 'edit', (tx) => tx.update('employers', employer, { phone: '03-3333-3333' }));
    const after = (await s.a.call('sync.export', {})).bundles[0]!;
    // Read in the order they were written.
    const { results } = await s.office.call('sync.import', { paths: [ahead.path, after.path] });
    expect(results.map((r) => r.stale ?? false)).toEqual([false, false]);
    expect(results.find((r) => r.file === basename(after.path))).toMatchObject({ ok: true });
    expect(s.office.core.context().db.prepare('SELECT phone FROM employers WHERE id = ?').get(employer)).toEqual({ phone: '03-3333-3333' });
  });
});
