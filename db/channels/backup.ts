import { z } from 'zod';
import { channel, empty } from './define';

export type BackupKind = 'manual' | 'scheduled' | 'migration' | 'aside';

export interface BackupInfo {
  /** The file's name in <data folder>/backups (no folder). */
  name: string;
  /** manual / scheduled: the kept generations; migration: taken before a schema update; aside: the database a restore replaced. */
  kind: BackupKind;
  /** When it was taken (ISO, UTC). */
  at: string;
  bytes: number;
  schemaVersion: number | null;
}

export interface BackupSettings {
  /** Hours between scheduled backups while the office is unlocked. */
  intervalHours: number;
  /** Manual and scheduled generations kept; the oldest beyond this are deleted. */
  keep: number;
}

export interface BackupOverview {
  backups: BackupInfo[];
  settings: BackupSettings;
  /** The open database's schema version; a backup with a newer one cannot be restored. */
  schemaVersion: number;
  /** The folder backups are written to, to tell the administrator where to look. */
  folder: string;
  /** How many copies set aside by a restore and taken before a migration are kept (the newest). */
  kept: { aside: number; migration: number };
}

export interface RestoreResult {
  restored: string;
  /** The replaced database, kept in the backups folder under this name. */
  aside: string;
  schemaVersion: number;
}

export const BACKUP_NAME_PATTERN =
  /^(?:(?:manual|scheduled|aside)-\d{8}T\d{9}Z-v\d+(?:-\d+)?|office-before-v\d+-from-v\d+-\d{4}-\d{2}-\d{2}T\d{9}Z)\.db$/;

export const backupChannels = {
  /** Administrator: every backup, newest first, with the schedule's settings. */
  'backup.list': channel<BackupOverview>()(empty),
  /** Administrator: an encrypted copy now; older generations beyond `keep` are pruned. */
  'backup.create': channel<BackupInfo>()(empty),
  /** Administrator: verifies the backup, keeps the current database aside and installs the copy. */
  'backup.restore': channel<RestoreResult>()(z.object({ name: z.string().max(120).regex(BACKUP_NAME_PATTERN) }).strict()),
  'backup.settings.update': channel<BackupSettings>()(
    z.object({ intervalHours: z.number().int().min(1).max(168), keep: z.number().int().min(1).max(60) }).strict(),
  ),
} as const;
