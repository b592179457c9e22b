/**
 * Backups of the office database (administrator): on demand and on a schedule, N generations kept,
 * and restore. A restore verifies a private copy first, keeps the current database aside in the
 * backups folder (the newest KEEP_ASIDE such copies are kept), installs the copy and reopens it;
 * the restored database then carries this device's change-log sequence and clock forward, so
 * peers never see a number or stamp reused.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit';
import {
  backupDatabase,
  copyForRestore,
  fileStamp,
  listBackupFiles,
  newBackupName,
  KEEP_ASIDE,
  KEEP_MIGRATION,
  parseBackupName,
  pruneBackups,
  pruneGenerations,
  setAsideAndInstall,
  verifyBackupCopy,
} from '../backup';
import type { BackupInfo, BackupOverview, BackupSettings, RestoreResult } from '../channels/backup';
import type { OfficeCore } from '../core';
import { AppError, isAppError } from '../errors';
import { schemaVersion } from '../migrate';
import type { Db } from '../open';
import { requireRole } from '../policy';
import { mutate, type ServiceContext } from '../write';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalHours: 24, keep: 7 };
const KEYS = { intervalHours: 'backup_interval_hours', keep: 'backup_keep' } as const;

export function getBackupSettings(ctx: ServiceContext): BackupSettings {
  const read = (id: string, fallback: number) => {
    const r = ctx.db.prepare('SELECT value FROM settings WHERE id = ?').get(id) as { value: string } | undefined;
    const n = r ? Number(JSON.parse(r.value)) : NaN;
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    intervalHours: read(KEYS.intervalHours, DEFAULT_BACKUP_SETTINGS.intervalHours),
    keep: read(KEYS.keep, DEFAULT_BACKUP_SETTINGS.keep),
  };
}

export function updateBackupSettings(core: OfficeCore, input: BackupSettings): BackupSettings {
  const ctx = core.context();
  requireRole(ctx, 'administrator');
  mutate(ctx, 'backup.settings.update', (tx) => {
    for (const [id, n] of [
      [KEYS.intervalHours, input.intervalHours],
      [KEYS.keep, input.keep],
    ] as const) {
      const value = JSON.stringify(n);
      if (ctx.db.prepare('SELECT 1 FROM settings WHERE id = ?').get(id)) tx.update('settings', id, { value, updated_at: tx.at });
      else tx.insert('settings', { id, value, updated_at: tx.at });
    }
  });
  // A smaller `keep` takes effect now, not at the next backup.
  pruneGenerations(core.paths.backups, input.keep);
  return getBackupSettings(ctx);
}

export function listBackups(core: OfficeCore): BackupOverview {
  const ctx = core.context();
  requireRole(ctx, 'administrator');
  return {
    backups: listBackupFiles(core.paths.backups),
    settings: getBackupSettings(ctx),
    schemaVersion: schemaVersion(ctx.db),
    folder: core.paths.backups,
    kept: { aside: KEEP_ASIDE, migration: KEEP_MIGRATION },
  };
}

/** When the newest kept generation was taken (ms), for the schedule; null when there is none. */
export function lastBackupAt(core: OfficeCore): number | null {
  const newest = listBackupFiles(core.paths.backups).find((b) => b.kind === 'manual' || b.kind === 'scheduled');
  return newest ? Date.parse(newest.at) : null;
}

/**
 * Writes a backup now. `manual` is the administrator's button; `scheduled` is the timer in the
 * main process, which runs while someone is signed in, whatever their role.
 */
export function createBackup(core: OfficeCore, kind: 'manual' | 'scheduled'): BackupInfo {
  const ctx = core.context();
  if (kind === 'manual') requireRole(ctx, 'administrator');
  const dir = core.paths.backups;
  const name = newBackupName(dir, kind, ctx.now(), schemaVersion(ctx.db));
  try {
    backupDatabase(ctx.db, join(dir, name));
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('BACKUP_WRITE_FAILED', 'the backup could not be written (disk full or folder not writable?)');
  }
  const pruned = pruneGenerations(dir, getBackupSettings(ctx).keep, name);
  mutate(ctx, 'backup.create', (tx) => tx.event('backup', name, { kind, pruned: pruned.length }));
  const info = listBackupFiles(dir).find((b) => b.name === name);
  if (!info) throw new AppError('BACKUP_WRITE_FAILED', 'the backup disappeared after it was written');
  return info;
}

function metaValue(db: Db, key: string): string | null {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * The newest stamp this device has handed out: its clock (which covers the change log) or the
 * header clock of the newest bundle it sent, whichever is later. The header can be the later one
 * (written after the last change, or while the wall clock ran ahead, and a new session's clock is
 * rebuilt from the change log only); a receiver skips a bundle whose header is older than the last
 * one it imported from us as stale, so the restored database must not go back behind it.
 */
function clockFloor(ctx: ServiceContext): string {
  const now = ctx.clock.now();
  const sent = ctx.db.prepare("SELECT max(hlc) AS hlc FROM sync_bundles WHERE direction = 'out'").get() as { hlc: string | null };
  return sent.hlc && sent.hlc > now ? sent.hlc : now;
}

export async function restoreBackup(core: OfficeCore, name: string): Promise<RestoreResult> {
  const ctx = core.context();
  requireRole(ctx, 'administrator');
  const dir = core.paths.backups;
  const parsed = parseBackupName(name);
  const source = join(dir, name);
  if (!parsed || !existsSync(source)) throw new AppError('NOT_FOUND', 'no such backup');

  const keys = core.keyring();
  const copy = join(dir, `.restore-${fileStamp(ctx.now())}.db`);
  const verified = (() => {
    try {
      copyForRestore(source, copy);
      return verifyBackupCopy(copy, keys.dbKey, { officeId: keys.officeId, deviceId: ctx.deviceId, maxSchema: schemaVersion(ctx.db) }, core.nativeBinding());
    } catch (e) {
      for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
      throw e;
    }
  })();

  // What peers may already have seen from this device: never hand out these numbers again.
  // Read when the current database closes (after the workers stopped, nothing writes in between).
  let nextSeq = 1;
  let hlcFloor = '';
  // A fresh name even within the same millisecond: an existing aside copy must never be overwritten.
  const asideName = newBackupName(dir, 'aside', ctx.now(), schemaVersion(ctx.db));
  const aside = join(dir, asideName);
  const actor = ctx.actor;
  const at = new Date(ctx.now()).toISOString();

  let prunedAside = 0;
  try {
    await core.swapDatabase(
      (dbPath) => {
        setAsideAndInstall(dbPath, aside, copy);
        prunedAside = pruneBackups(dir, ['aside'], KEEP_ASIDE, asideName).length;
      },
      (db, deviceId) => {
        db.transaction(() => {
          const restoredSeq = Number(metaValue(db, 'next_seq') ?? '1');
          setMeta(db, 'next_seq', String(Math.max(nextSeq, restoredSeq)));
          // Our own ops between the backup and now are gone here; the laptops that received them
          // send them back (db/sync/resend.ts), told by the gap in our own sequence (sync/export.ts).
          const restoredTop = (db.prepare('SELECT COALESCE(max(seq), 0) AS m FROM change_log WHERE device_id = ?').get(deviceId) as { m: number }).m;
          if (nextSeq - 1 > restoredTop) setMeta(db, 'own_gap', JSON.stringify({ from: restoredTop + 1, to: nextSeq - 1 }));
          const floor = metaValue(db, 'hlc_floor');
          setMeta(db, 'hlc_floor', floor && floor > hlcFloor ? floor : hlcFloor);
          appendAudit(db, {
            actor,
            deviceId,
            action: 'backup.restore',
            at,
            entity: 'backup',
            entityId: name,
            after: { restored: name, aside: asideName, schemaVersion: verified.schemaVersion, prunedAside },
          });
        })();
      },
      (db) => {
        nextSeq = Number(metaValue(db, 'next_seq') ?? '1');
        hlcFloor = clockFloor({ ...ctx, db });
      },
    );
  } finally {
    // Installed: the copy was renamed into place. Refused or failed: it must not linger.
    rmSync(copy, { force: true });
  }
  return { restored: name, aside: asideName, schemaVersion: schemaVersion(core.context().db) };
}
