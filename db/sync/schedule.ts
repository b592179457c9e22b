/**
 * When the desktop app exports sync bundles and takes backups by itself: an export every N hours
 * while the office is unlocked and once more at quit, a backup every N hours. The class is pure
 * (time and work are passed in) so it runs under a fake clock in tests; electron/main.ts only
 * calls tick() from a timer and atQuit() before quitting.
 */
import type { OfficeCore } from '../core';
import { createBackup, getBackupSettings, lastBackupAt } from '../services/backups';
import { syncHandlers } from '../services/sync-handlers';

export type ScheduledTask = 'export' | 'backup';

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
  private readonly failedAt: Record<ScheduledTask, number | null> = { export: null, backup: null };
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
    runBackup: () => createBackup(core, 'scheduled'),
  });
}
