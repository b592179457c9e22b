/** Pure helpers of the sync, conflict and backup screens (no React, no window). */
import type { BackupInfo, SyncImportResult } from '../../../db/contract';
import type { ErrorCode } from '../../../db/errors';

/** 1 234 567 bytes → "1.2 MB"; the unit letters are the same in Japanese and English. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u += 1;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}

/**
 * A change-log value (canonical JSON) as a person reads it: text as it is, numbers as digits,
 * null (a cleared field) as null so the screen can say "(empty)".
 */
export function displayValue(json: string | null): string | null {
  if (json === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The first 8 characters of an id: enough to tell devices apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The device part of an HLC stamp (13-digit ms, 6-digit counter, device id). */
export function hlcDevice(hlc: string): string {
  const m = /^\d{13}-\d{6}-(.+)$/.exec(hlc);
  return m ? m[1]! : '';
}

/** The wall-clock instant of an HLC stamp, as ISO; null when the stamp is malformed. */
export function hlcInstant(hlc: string): string | null {
  const m = /^(\d{13})-\d{6}-/.exec(hlc);
  return m ? new Date(Number(m[1])).toISOString() : null;
}

export interface ImportSummary {
  files: number;
  applied: number;
  conflicts: number;
  duplicates: string[];
  /** Older bundles skipped because a newer one from the same sender was imported first. */
  stale: string[];
  failures: { file: string; code: ErrorCode }[];
}

export function summarizeImport(results: SyncImportResult[]): ImportSummary {
  const s: ImportSummary = { files: results.length, applied: 0, conflicts: 0, duplicates: [], stale: [], failures: [] };
  for (const r of results) {
    s.applied += r.applied;
    s.conflicts += r.conflicts;
    if (!r.ok) s.failures.push({ file: r.file, code: r.code ?? 'INTERNAL' });
    else if (r.duplicate) s.duplicates.push(r.file);
    else if (r.stale) s.stale.push(r.file);
  }
  return s;
}

/** A backup from a newer schema than the open database cannot be restored (the service refuses it too). */
export function canRestore(b: BackupInfo, currentSchema: number): boolean {
  return b.schemaVersion === null || b.schemaVersion <= currentSchema;
}

export { parseWhole } from '../../components/wholeNumber';
