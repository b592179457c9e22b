/**
 * When the desktop app exports sync bundles and takes backups by itself: an export every N hours
 * while the office is unlocked and once more at quit, a backup every N hours, and at every tick an
 * import of bundle files that have appeared in the sync folder since the last look. The class is pure
 * (time and work are passed in) so it runs under a fake clock in tests; electron/main.ts only
 * calls tick() from a timer and atQuit() before quitting.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficeCore } from '../core';
import { createBackup, getBackupSettings, lastBackupAt } from '../services/backups';
import { syncHandlers, watchedImport } from '../services/sync-handlers';
import { BUNDLE_SUFFIX } from './import';

export type ScheduledTask = 'export' | 'import' | 'backup';

/** One bundle file in the sync folder: a new name, or a changed size or time, is looked at again. */
export interface FolderEntry {
  name: string;
  size: number;
  mtimeMs: number;
}

export interface TaskPlan {
  intervalHours: number;
  /** The last run that counts (ms), from the database or the backups folder; null when never. */
  lastAt: number | null;
}

export interface ScheduleDeps {
  now: () => number;
  /** Nothing runs while the office is locked: the key is needed for both tasks. */
  isUnlocked: () => boolean;
  /** null when there is nothing to export to (sync not set up, no folder, not enrolled). */
  exportPlan: () => TaskPlan | null;
  backupPlan: () => TaskPlan | null;
  runExport: () => unknown;
  runBackup: () => unknown;
  /**
   * Watching the sync folder: the bundle files in it, or null when there is nothing to watch (not
   * enrolled, no folder, the USB stick not plugged in). Only a directory listing: cheap every tick.
   */
  listFolder?: () => FolderEntry[] | null;
  /** Imports those of the named files that are for this device and not imported yet. */
  runImport?: (names: string[]) => unknown;
  /**
   * At quit: stops an import in progress (its transaction rolls back; the bundle is imported next
   * time), so the last export does not wait behind a large bundle.
   */
  stopImports?: () => void;
}

export interface TickResult {
  ran: ScheduledTask[];
  /** Tasks that threw; each is tried again after RETRY_MS (or its interval, if shorter). */
  failed: ScheduledTask[];
}

const HOUR_MS = 3_600_000;
export const RETRY_MS = 15 * 60_000;
/** How often electron/main.ts calls tick(). */
export const TICK_MS = 60_000;

/** Due when never run, or when the interval has passed since the last run and the last attempt's back-off. */
export function isDue(now: number, plan: TaskPlan, lastFailedAt: number | null): boolean {
  const interval = plan.intervalHours * HOUR_MS;
  if (lastFailedAt !== null && now - lastFailedAt < Math.min(RETRY_MS, interval)) return false;
  return plan.lastAt === null || now - plan.lastAt >= interval || plan.lastAt > now + interval;
}

export class SyncScheduler {
  private readonly failedAt: Record<ScheduledTask, number | null> = { export: null, import: null, backup: null };
  /** Folder entries already handed to runImport (imported, skipped, refused or not for us). */
  private readonly looked = new Set<string>();
  private running: Promise<TickResult> | null = null;

  constructor(private readonly deps: ScheduleDeps) {}

  /** Runs whatever is due. Overlapping calls share the run in progress rather than start another. */
  tick(): Promise<TickResult> {
    this.running ??= this.run(false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** At quit: one last export whatever the interval (after any run in progress), no backup. */
  async atQuit(): Promise<TickResult> {
    this.deps.stopImports?.();
    if (this.running) await this.running;
    return this.run(true);
  }

  private async run(quitting: boolean): Promise<TickResult> {
    const result: TickResult = { ran: [], failed: [] };
    if (!this.deps.isUnlocked()) return result;
    const plans: [ScheduledTask, () => TaskPlan | null, () => unknown][] = quitting
      ? [['export', this.deps.exportPlan, this.deps.runExport]]
      : [
          ['export', this.deps.exportPlan, this.deps.runExport],
          ['backup', this.deps.backupPlan, this.deps.runBackup],
        ];
    if (!quitting) await this.watch(result);
    for (const [task, plan, work] of plans) {
      // Locked half-way through (idle lock): stop.
      if (!this.deps.isUnlocked()) break;
      const p = plan();
      if (!p || (!quitting && !isDue(this.deps.now(), p, this.failedAt[task]))) continue;
      try {
        await work();
        this.failedAt[task] = null;
        result.ran.push(task);
      } catch {
        this.failedAt[task] = this.deps.now();
        result.failed.push(task);
      }
    }
    return result;
  }

  /** Imports what is new in the sync folder; a failed run is retried after the back-off. */
  private async watch(result: TickResult): Promise<void> {
    const { listFolder, runImport } = this.deps;
    if (!listFolder || !runImport) return;
    const failed = this.failedAt.import;
    if (failed !== null && this.deps.now() - failed < RETRY_MS) return;
    let entries: FolderEntry[] | null;
    try {
      entries = listFolder();
    } catch {
      entries = null;
    }
    const fresh = (entries ?? []).filter((e) => !this.looked.has(entryKey(e)));
    if (fresh.length === 0 || !this.deps.isUnlocked()) return;
    try {
      await runImport(fresh.map((e) => e.name));
      for (const e of fresh) this.looked.add(entryKey(e));
      this.failedAt.import = null;
      result.ran.push('import');
    } catch {
      this.failedAt.import = this.deps.now();
      result.failed.push('import');
    }
  }
}

function entryKey(e: FolderEntry): string {
  return `${e.name}\0${e.size}\0${e.mtimeMs}`;
}

/** The `*.hogosync` files directly in the folder, or null when it cannot be read. */
export function listBundleFiles(folder: string): FolderEntry[] | null {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(BUNDLE_SUFFIX));
  } catch {
    return null;
  }
  const out: FolderEntry[] = [];
  for (const name of names) {
    try {
      const st = statSync(join(folder, name));
      if (st.isFile()) out.push({ name, size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      // Removed between the listing and the stat: nothing to import.
    }
  }
  return out;
}

/**
 * The schedule of one office core: export through the sync services (which record each run and
 * its result, shown in the status bar), backups through the backup service. The core's services
 * are called directly, not through the dispatcher, so scheduled work never counts as activity
 * for the idle lock.
 */
export function scheduleForCore(core: OfficeCore, now: () => number = Date.now): SyncScheduler {
  return new SyncScheduler({
    now,
    isUnlocked: () => core.isUnlocked(),
    exportPlan: () => {
      const s = syncHandlers['sync.status'](core, {}) as Awaited<ReturnType<(typeof syncHandlers)['sync.status']>>;
      if (!s.role || !s.enrolled || !s.folder) return null;
      // A failed export is due again (after the retry back-off), not only after a whole interval.
      return { intervalHours: s.intervalHours, lastAt: s.lastExport?.ok ? Date.parse(s.lastExport.at) : null };
    },
    backupPlan: () => ({ intervalHours: getBackupSettings(core.context()).intervalHours, lastAt: lastBackupAt(core) }),
    runExport: () => syncHandlers['sync.export'](core, {}),
    listFolder: () => {
      const s = syncHandlers['sync.status'](core, {}) as Awaited<ReturnType<(typeof syncHandlers)['sync.status']>>;
      return s.role && s.enrolled && s.folder ? listBundleFiles(s.folder) : null;
    },
    runImport: (names) => watchedImport(core, names),
    stopImports: () => core.stopImports('the app is quitting'),
    runBackup: () => createBackup(core, 'scheduled'),
  });
}
