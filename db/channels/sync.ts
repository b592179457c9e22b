import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { channel, empty, uuid } from './define';
import type { SessionUser } from './session';

/** The office machine holds the whole office; laptops hold one officer's caseload. */
export type SyncRole = 'office' | 'laptop';

export interface SyncRunSummary {
  /** ISO instant (UTC). */
  at: string;
  ok: boolean;
  /** The first failure's code when not ok. */
  code?: ErrorCode;
  /** Bundles written (export) or read (import) in that run. */
  bundles: number;
}

export interface SyncStatus {
  /** null: an installation made before sync existed, or a demo office. */
  role: SyncRole | null;
  /** The office this installation syncs with; null on a laptop that has not completed enrolment. */
  officeId: string | null;
  deviceId: string;
  /** First 16 hex of SHA-256 over this device's public keys: read it aloud to compare. */
  keyId: string | null;
  /** A laptop that has imported the office's enrolment response, or the office itself. */
  enrolled: boolean;
  folder: string | null;
  intervalHours: number;
  lastExport: SyncRunSummary | null;
  lastImport: SyncRunSummary | null;
  openConflicts: number;
  /** Changes received whose clock was far ahead of this computer's (flagged, not trusted). */
  clockAhead: number;
  /** The most recently flagged of them, to name the device whose date and time need checking. */
  clockAheadLatest: SyncClockAhead | null;
}

export interface SyncClockAhead {
  /** The device that made the change (its clock is ahead). */
  device: string;
  /** Its officer's name, when it is an enrolled laptop known here. */
  officerName: string | null;
  /** 'office' when it is the office machine; null when the device is not enrolled here (relayed). */
  role: SyncRole | null;
  /** ISO instant the device's clock said (its HLC's wall time). */
  clockAt: string;
  /** ISO instant it arrived here. */
  detectedAt: string;
}

export interface SyncDevice {
  deviceId: string;
  role: SyncRole;
  /** The officer a laptop belongs to; null for the office machine. */
  officerId: string | null;
  officerName: string | null;
  keyId: string;
  status: 'active' | 'revoked';
  enrolledAt: string;
  revokedAt: string | null;
  /** When a bundle from this device was last imported. */
  lastSeenAt: string | null;
}

export interface SyncBundleEntry {
  bundleId: string;
  direction: 'in' | 'out';
  /** The other device (recipient of an outgoing bundle, sender of an incoming one). */
  peer: string;
  peerName: string | null;
  at: string;
  ops: number;
  bytes: number;
  ok: boolean;
  code: ErrorCode | null;
  /** An incoming bundle skipped because a newer one from the same sender was imported first. */
  stale: boolean;
}

export interface SyncConflictSide {
  /** The value as JSON (null: the op did not set the field). */
  value: string | null;
  hlc: string;
  device: string;
}

export interface SyncConflict {
  id: string;
  entity: string;
  rowId: string;
  field: string;
  /** The case the row belongs to, when it belongs to one (for the role check and a link). */
  caseId: string | null;
  local: SyncConflictSide;
  remote: SyncConflictSide;
  detectedAt: string;
  status: 'open' | 'resolved';
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: 'local' | 'remote' | null;
}

export interface SyncExportedBundle {
  peer: string;
  path: string;
  ops: number;
  bytes: number;
}

export interface SyncImportResult {
  /** The file's name (not its folder). */
  file: string;
  ok: boolean;
  code?: ErrorCode;
  applied: number;
  conflicts: number;
  /** True when the bundle had been imported before (nothing changed). */
  duplicate?: boolean;
  /**
   * True when a newer bundle from the same sender was imported first: it carried everything this
   * one did, so this one was skipped (recorded, nothing changed).
   */
  stale?: boolean;
}

/** Absolute only (POSIX, a Windows drive or a UNC share): a relative path would depend on the app's working folder. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path')
  .refine((p) => !p.includes('\0'), 'no NUL');

export const syncChannels = {
  'sync.status': channel<SyncStatus>()(empty),
  'sync.settings.update': channel<SyncStatus>()(
    z
      .object({
        folder: filePath.optional(),
        intervalHours: z.number().int().min(1).max(24).optional(),
      })
      .strict(),
  ),
  /** Asks for the sync folder with the shell's dialog and saves it; folder is null when cancelled. */
  'sync.folder.choose': channel<{ folder: string | null }>()(empty),
  /** Laptop: writes its enrolment request into the sync folder. */
  'sync.enrol.request': channel<{ path: string }>()(empty),
  /** Office (administrator): reads a laptop's request, binds it to an officer, writes the response. */
  'sync.enrol.accept': channel<{ deviceId: string; keyId: string; responsePath: string }>()(
    z.object({ path: filePath.optional(), officerId: uuid }).strict(),
  ),
  /** Laptop: imports the office's response and becomes that officer. */
  'sync.enrol.complete': channel<{ officeId: string; officeKeyId: string; user: SessionUser }>()(
    z.object({ path: filePath.optional() }).strict(),
  ),
  'sync.devices.list': channel<SyncDevice[]>()(empty),
  'sync.devices.revoke': channel<SyncDevice>()(z.object({ deviceId: uuid }).strict()),
  'sync.export': channel<{ bundles: SyncExportedBundle[] }>()(empty),
  /**
   * The given files; or, with pick, the files the person chooses in the Open dialog (none when
   * cancelled: results is empty); or else every new bundle for this device in the sync folder.
   */
  'sync.import': channel<{ results: SyncImportResult[] }>()(
    z
      .object({ paths: z.array(filePath).min(1).max(500).optional(), pick: z.literal(true).optional() })
      .strict()
      .refine((x) => !(x.paths && x.pick), 'either paths or pick'),
  ),
  'sync.bundles.list': channel<SyncBundleEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  'sync.conflicts.list': channel<SyncConflict[]>()(empty),
  'sync.conflicts.resolve': channel<SyncConflict>()(
    z.object({ id: uuid, choice: z.enum(['local', 'remote']) }).strict(),
  ),
} as const;

