/**
 * The export and backup schedule under a fake clock: intervals, retry back-off after a failure,
 * nothing while locked, the export at quit, no overlapping runs; and on a real office core, the
 * scheduled backups themselves (generations pruned, nothing while locked).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../db/backup';
import { isDue, RETRY_MS, scheduleForCore, SyncScheduler, type ScheduleDeps, type TaskPlan } from '../../db/sync/schedule';
import { ADMIN, fakeClock, setupOffice, tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';

const HOUR = 3_600_000;

function fakeDeps(clock: { now: () => number }) {
  const state = {
    unlocked: true,
    exportPlan: { intervalHours: 4, lastAt: null } as TaskPlan | null,
    backupPlan: { intervalHours: 24, lastAt: null } as TaskPlan | null,
    exportFails: false,
    runs: [] as string[],
  };
  const deps: ScheduleDeps = {
    now: clock.now,
    isUnlocked: () => state.unlocked,
    exportPlan: () => state.exportPlan,
    backupPlan: () => state.backupPlan,
    runExport: async () => {
      state.runs.push('export');
      if (state.exportFails) throw new Error('folder missing');
      state.exportPlan = { ...state.exportPlan!, lastAt: clock.now() };
    },
    runBackup: () => {
      state.runs.push('backup');
      state.backupPlan = { ...state.backupPlan!, lastAt: clock.now() };
    },
  };
  return { state, deps };
}

describe('isDue', () => {
  it('is due when never run, after the interval, and after the clock went far back', () => {
    const now = Date.parse('2026-11-26T00:00:00Z');
    expect(isDue(now, { intervalHours: 4, lastAt: null }, null)).toBe(true);
    expect(isDue(now, { intervalHours: 4, lastAt: now - 4 * HOUR + 1 }, null)).toBe(false);
    expect(isDue(now, { intervalHours: 4, lastAt: now - 4 * HOUR }, null)).toBe(true);
    expect(isDue(now, { intervalHours: 4, lastAt: now + 5 * HOUR }, null)).toBe(true);
    expect(isDue(now, { intervalHours: 4, lastAt: null }, now - RETRY_MS + 1)).toBe(false);
    expect(isDue(now, { intervalHours: 4, lastAt: null }, now - RETRY_MS)).toBe(true);
  });
});

describe('SyncScheduler', () => {
  it('exports every N hours and backs up daily while unlocked', async () => {
    const clock = fakeClock();
    const { state, deps } = fakeDeps(clock);
    const s = new SyncScheduler(deps);
    expect(await s.tick()).toEqual({ ran: ['export', 'backup'], failed: [] });
    // A day in one-minute ticks: 6 more exports (every 4 hours), 1 more backup.
    for (let m = 0; m < 24 * 60; m++) {
      clock.advance(60_000);
      await s.tick();
    }
    expect(state.runs.filter((r) => r === 'export')).toHaveLength(7);
    expect(state.runs.filter((r) => r === 'backup')).toHaveLength(2);
  });

  it('runs nothing while locked or when sync is not set up', async () => {
    const clock = fakeClock();
    const { state, deps } = fakeDeps(clock);
    const s = new SyncScheduler(deps);
    state.unlocked = false;
    expect(await s.tick()).toEqual({ ran: [], failed: [] });
    expect(await s.atQuit()).toEqual({ ran: [], failed: [] });
    state.unlocked = true;
    state.exportPlan = null;
    expect(await s.tick()).toEqual({ ran: ['backup'], failed: [] });
    expect(state.runs).toEqual(['backup']);
  });

  it('retries a failed export after the back-off, not at every tick', async () => {
    const clock = fakeClock();
    const { state, deps } = fakeDeps(clock);
    state.backupPlan = null;
    state.exportFails = true;
    const s = new SyncScheduler(deps);
    expect(await s.tick()).toEqual({ ran: [], failed: ['export'] });
    clock.advance(RETRY_MS - 60_000);
    expect(await s.tick()).toEqual({ ran: [], failed: [] });
    state.exportFails = false;
    clock.advance(60_000);
    expect(await s.tick()).toEqual({ ran: ['export'], failed: [] });
    expect(state.runs).toEqual(['export', 'export']);
  });

  it('exports at quit whatever the interval, after a run in progress', async () => {
    const clock = fakeClock();
    const { state, deps } = fakeDeps(clock);
    const s = new SyncScheduler(deps);
    const first = s.tick();
    const second = s.tick();
    expect(second).toBe(first);
    const quit = s.atQuit();
    await first;
    expect(await quit).toEqual({ ran: ['export'], failed: [] });
    expect(state.runs).toEqual(['export', 'backup', 'export']);
  });

  it('at quit, stops an import in progress first instead of waiting for it', async () => {
    const clock = fakeClock();
    const { state, deps } = fakeDeps(clock);
    let stopImport: () => void = () => undefined;
    let stops = 0;
    const s = new SyncScheduler({
      ...deps,
      listFolder: () => [{ name: 'big.hogosync', size: 1, mtimeMs: 1 }],
      // An import that would run for a long time: it ends only when stopped.
      runImport: () => new Promise<void>((resolve) => (stopImport = resolve)),
      stopImports: () => {
        stops += 1;
        stopImport();
      },
    });
    void s.tick();
    await new Promise((r) => setTimeout(r, 10));
    const quit = await Promise.race([s.atQuit(), new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
    expect(quit).toEqual({ ran: ['export'], failed: [] });
    expect(stops).toBe(1);
    expect(state.runs.at(-1)).toBe('export');
  });
});

describe('scheduleForCore', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-schedule-')));
  afterEach(() => t.cleanup());

  it('takes scheduled backups on a real office, keeps N generations and skips export until sync is set up', async () => {
    const clock = fakeClock();
    const o = await setupOffice(t.dir, { now: clock.now });
    await o.call('backup.settings.update', { intervalHours: 6, keep: 3 });
    const s = scheduleForCore(o.core, clock.now);
    expect(await s.tick()).toEqual({ ran: ['backup'], failed: [] });
    for (let i = 0; i < 24; i++) {
      clock.advance(HOUR);
      await s.tick();
    }
    const files = listBackupFiles(o.core.paths.backups);
    expect(files.map((f) => f.kind)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    expect(files[0]!.at).toBe(new Date(clock.now()).toISOString());
    expect((await o.call('audit.list', { action: 'backup.create' })).total).toBe(5);

    o.core.lock('manual');
    clock.advance(7 * HOUR);
    expect(await s.tick()).toEqual({ ran: [], failed: [] });
    await o.call('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(await s.tick()).toEqual({ ran: ['backup'], failed: [] });
  });

  it('exports from an enrolled laptop every N hours and at quit; the office imports what it wrote', async () => {
    const { office, a } = await syncOffice(join(t.dir, 'sync'));
    await a.call('sync.settings.update', { intervalHours: 2 });
    const s = scheduleForCore(a.core, office.clock.now);
    expect((await s.tick()).ran).toContain('export');
    const first = (await a.call('sync.status', {})).lastExport;
    expect(first).toMatchObject({ ok: true, at: new Date(office.clock.now()).toISOString() });
    office.clock.advance(HOUR);
    expect((await s.tick()).ran).not.toContain('export');
    office.clock.advance(HOUR);
    expect((await s.tick()).ran).toContain('export');
    office.clock.advance(10 * 60_000);
    expect(await s.atQuit()).toEqual({ ran: ['export'], failed: [] });
    expect((await a.call('sync.status', {})).lastExport?.at).toBe(new Date(office.clock.now()).toISOString());
    await office.as('admin');
    const imported = await office.call('sync.import', {});
    expect(imported.results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(imported.results.every((r) => r.ok)).toBe(true);
  });

  it('the status bar polling sync.status does not keep an idle office unlocked', async () => {
    const clock = fakeClock();
    const o = await setupOffice(t.dir, { now: clock.now });
    for (let i = 0; i < 16; i++) {
      clock.advance(60_000);
      await o.call('sync.status', {});
    }
    o.core.checkIdle();
    expect(o.core.isUnlocked()).toBe(false);
  });
});
