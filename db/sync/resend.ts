/**
 * After the office restores a backup, the changes it made after that backup are gone from its
 * database but not from the laptops it sent them to. The office states in every bundle how far
 * its own ops run without a gap (db/sync/export.ts ownUnbroken); when that mark drops below what
 * it stated before, the laptop remembers the range in between and sends the office's ops it holds
 * in that range back with its own, until the office's mark covers the range again.
 * If no laptop held some of those ops (say, another officer's case), the range stays and the few
 * ops this laptop holds in it keep travelling; the office skips them as duplicates.
 */
import type { Db } from '../open';
import { stmt } from '../statements';

const KEY = 'sync_office_resend';

export interface ResendRange {
  from: number;
  to: number;
}

export function officeResendRange(db: Db): ResendRange | null {
  const r = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as ResendRange) : null;
}

/** On a laptop, before recording the office's newly stated mark for its own ops. */
export function noteOfficeMark(db: Db, office: string, mark: number): void {
  const before = (stmt(db, 'SELECT seq FROM sync_acks WHERE peer = ? AND origin = ?').get(office, office) as { seq: number } | undefined)?.seq;
  const range = officeResendRange(db);
  let next: ResendRange | null = range;
  if (before !== undefined && mark < before) next = { from: mark + 1, to: Math.max(before, range?.to ?? 0) };
  else if (range && mark >= range.to) next = null;
  else if (range && mark >= range.from) next = { from: mark + 1, to: range.to };
  if (next === range) return;
  if (next) stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next));
  else stmt(db, 'DELETE FROM meta WHERE key = ?').run(KEY);
}
