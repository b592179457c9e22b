import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyAudit } from './audit';
import type { BackupInfo, BackupKind } from './channels/backup';
import { AppError, isAppError } from './errors';
import { schemaVersion } from './migrate';
import { openEncrypted, type Db } from './open';

/**
 * Writes a consistent, encrypted copy of the open database. The SQLite backup API refuses an
 * encrypted source with a new (unkeyed) target in SQLite3MultipleCiphers; VACUUM INTO writes the
 * copy with the source's cipher and key, online, from one read transaction.
 */
export function backupDatabase(db: Db, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
  if (existsSync(dest)) throw new Error('backup target already exists');
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    renameSync(tmp, dest);
    fsyncDir(dirname(dest));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * What a file in backups/ is, from its name: `manual-` and `scheduled-` copies are the generations
 * the schedule prunes; `office-before-v…` is taken before a schema migration; `aside-` is the
 * database a restore replaced. Names carry the UTC time and, where known, the schema version.
 */
export type { BackupKind };
export type BackupFile = BackupInfo;

const STAMP = '(\\d{8}T\\d{6}\\d{3}Z)';
const GENERATION = new RegExp(`^(manual|scheduled|aside)-${STAMP}-v(\\d+)(?:-(\\d+))?\\.db$`);
// migrationBackupName: the ISO time minus colons and dot, 2026-11-26T030405678Z.
const MIGRATION = /^office-before-v\d+-from-v(\d+)-(\d{4})-(\d{2})-(\d{2})(T\d{9}Z)\.db$/;

/** 2026-11-26T03:04:05.678Z → 20261126T030405678Z (sortable, valid in every file system). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/** The ISO time of a name's stamp, or null when it is not a real instant (then the file is not ours). */
function stampToIso(stamp: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? iso : null;
}

export function parseBackupName(name: string): { kind: BackupKind; at: string; schemaVersion: number } | null {
  const g = GENERATION.exec(name);
  const m = g ? null : MIGRATION.exec(name);
  const at = g ? stampToIso(g[2]!) : m ? stampToIso(`${m[2]}${m[3]}${m[4]}${m[5]}`) : null;
  if (g && at) return { kind: g[1] as BackupKind, at, schemaVersion: Number(g[3]) };
  if (m && at) return { kind: 'migration', at, schemaVersion: Number(m[1]) };
  return null;
}

/** The name of the copy taken before migrating from schema `from` to `to` at `ms`. */
export function migrationBackupName(from: number, to: number, ms: number): string {
  return `office-before-v${to}-from-v${from}-${new Date(ms).toISOString().replace(/[:.]/g, '')}.db`;
}

/** A fresh name in `dir` for a copy of kind `kind` taken at `ms` of a database at `version`. */
export function newBackupName(dir: string, kind: Exclude<BackupKind, 'migration'>, ms: number, version: number): string {
  const base = `${kind}-${fileStamp(ms)}-v${version}`;
  let name = `${base}.db`;
  for (let i = 2; existsSync(join(dir, name)) || existsSync(join(dir, `${name}.partial`)); i++) name = `${base}-${i}.db`;
  return name;
}

/** Every backup in `dir`, newest first. Files that are not ours (or half-written) are left out. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    // lstat: a link named like a backup is not ours, whatever it points to.
    const st = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    out.push({ name, kind: parsed.kind, at: parsed.at, bytes: st.size, schemaVersion: parsed.schemaVersion });
  }
  return out.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
}

/**
 * How many `aside-` and `office-before-v…` copies are kept (the newest; the schedule's generations
 * follow the `keep` setting instead). Each is a full copy of every record, so the folder must not
 * grow with every restore and update. An aside copy is there to undo a mistaken restore and a
 * pre-migration copy to go back across a bad update: only the latest few can still be wanted, and
 * three covers a restore redone twice or an update followed by two fixes. Not settings: nobody
 * should have to think about them.
 */
export const KEEP_ASIDE = 3;
export const KEEP_MIGRATION = 3;

/**
 * Deletes the oldest copies of `kinds` beyond `keep` (with any -wal/-shm beside them) and returns
 * the names removed. Only names listBackupFiles recognises are candidates, and `justWritten` is
 * never one, even when a clock set back makes it look older than the rest. A file that cannot be
 * deleted stays for the next prune: pruning never fails the backup or restore that called it.
 */
export function pruneBackups(dir: string, kinds: readonly BackupKind[], keep: number, justWritten?: string): string[] {
  const candidates = listBackupFiles(dir).filter((b) => kinds.includes(b.kind));
  const kept = candidates.some((b) => b.name === justWritten) ? 1 : 0;
  const doomed = candidates.filter((b) => b.name !== justWritten).slice(Math.max(0, keep - kept));
  const removed: string[] = [];
  for (const { name } of doomed) {
    try {
      rmSync(join(dir, name));
      for (const ext of ['-wal', '-shm']) rmSync(join(dir, name + ext), { force: true });
      removed.push(name);
    } catch {
      // Busy or read-only: left for the next prune.
    }
  }
  return removed;
}

/** Deletes the oldest manual and scheduled copies beyond `keep`; returns the names removed. */
export function pruneGenerations(dir: string, keep: number, justWritten?: string): string[] {
  return pruneBackups(dir, ['manual', 'scheduled'], keep, justWritten);
}

/**
 * The copy taken before a schema migration (the migrate() backup hook), then the oldest such
 * copies beyond KEEP_MIGRATION pruned.
 */
export function backupBeforeMigration(db: Db, dir: string, from: number, to: number, ms: number): void {
  const name = migrationBackupName(from, to, ms);
  backupDatabase(db, join(dir, name));
  pruneBackups(dir, ['migration'], KEEP_MIGRATION, name);
}

export interface VerifiedBackup {
  officeId: string;
  deviceId: string;
  schemaVersion: number;
  auditEntries: number;
}

/**
 * Checks a copy before it may replace the office database: it opens with the office key, passes
 * PRAGMA integrity_check, is not from a newer schema, belongs to this office and device, and its
 * audit chain verifies. Opening sets WAL mode in the file's header, so pass a copy, not the
 * original backup.
 */
export function verifyBackupCopy(
  file: string,
  key: Buffer,
  expect: { officeId: string; deviceId: string; maxSchema: number },
  nativeBinding?: string,
): VerifiedBackup {
  let db: Db;
  try {
    db = openEncrypted(file, key, nativeBinding ? { nativeBinding } : {});
  } catch (e) {
    if (isAppError(e) && (e.code === 'DB_WRONG_KEY' || e.code === 'DB_PLAINTEXT')) {
      throw new AppError('BACKUP_UNREADABLE', 'the backup does not open with this office key');
    }
    if (isAppError(e) && e.code === 'DB_CORRUPT') throw new AppError('BACKUP_DAMAGED', 'the backup file is damaged');
    throw new AppError('BACKUP_UNREADABLE', 'the backup could not be opened');
  }
  try {
    let ok: unknown;
    try {
      ok = db.pragma('integrity_check', { simple: true });
    } catch {
      ok = 'error';
    }
    if (ok !== 'ok') throw new AppError('BACKUP_DAMAGED', 'the backup failed the integrity check');
    const version = schemaVersion(db);
    if (version > expect.maxSchema) {
      throw new AppError('BACKUP_TOO_NEW', 'the backup was written by a newer version of the app', {
        found: version,
        supported: expect.maxSchema,
      });
    }
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    if (meta.office_id !== expect.officeId || meta.device_id !== expect.deviceId) {
      throw new AppError('BACKUP_OTHER_OFFICE', 'the backup belongs to another office or machine');
    }
    const audit = verifyAudit(db);
    if (!audit.ok) throw new AppError('BACKUP_AUDIT_BROKEN', 'the backup’s audit trail does not verify', { firstBrokenId: audit.firstBrokenId });
    return { officeId: meta.office_id, deviceId: meta.device_id, schemaVersion: version, auditEntries: audit.checked };
  } finally {
    db.close();
  }
}

/** A private copy of `src` beside it (0600, fsynced), to verify and then install. */
export function copyForRestore(src: string, dest: string): void {
  rmSync(dest, { force: true });
  copyFileSync(src, dest);
  chmodSync(dest, 0o600);
  fsyncFile(dest);
}

/**
 * Keeps `dbPath` aside as `aside` and installs `copy` in its place, so that a crash at any point
 * leaves an openable office.db: the current file is first hard-linked (or copied) to `aside`, its
 * (checkpointed, closed) -wal/-shm companions moved beside it, and only then is `copy` renamed
 * over office.db in one atomic step.
 */
export function setAsideAndInstall(dbPath: string, aside: string, copy: string): void {
  try {
    linkSync(dbPath, aside);
  } catch {
    copyFileSync(dbPath, aside);
    fsyncFile(aside);
  }
  const moved: string[] = [];
  try {
    for (const ext of ['-wal', '-shm']) {
      if (existsSync(dbPath + ext)) {
        renameSync(dbPath + ext, aside + ext);
        moved.push(ext);
      }
    }
    renameSync(copy, dbPath);
  } catch (e) {
    for (const ext of moved) renameSync(aside + ext, dbPath + ext);
    rmSync(aside, { force: true });
    throw e;
  }
  fsyncDir(dirname(dbPath));
  fsyncDir(dirname(aside));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
