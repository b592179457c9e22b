/**
 * The devices whose ops are in change_log, and how far each goes, found by seeks on its primary
 * key (device_id, seq) rather than by reading the log: an office's log grows for years, and every
 * export to every laptop asks.
 */
import type { Db } from '../open';
import { stmt } from '../statements';

/** Every origin in change_log, in order (one index seek per origin). */
export function origins(db: Db): string[] {
  const out: string[] = [];
  let r = stmt(db, 'SELECT min(device_id) AS d FROM change_log').get() as { d: string | null };
  while (r.d !== null) {
    out.push(r.d);
    r = stmt(db, 'SELECT min(device_id) AS d FROM change_log WHERE device_id > ?').get(r.d) as { d: string | null };
  }
  return out;
}

/** The highest seq of one origin in change_log (0 when it has none). */
export function maxSeq(db: Db, origin: string): number {
  return (stmt(db, 'SELECT COALESCE(max(seq), 0) AS m FROM change_log WHERE device_id = ?').get(origin) as { m: number }).m;
}

/** The highest seq of each origin in change_log, leaving out `except`. */
export function maxSeqByOrigin(db: Db, except?: string): Map<string, number> {
  return new Map(origins(db).filter((o) => o !== except).map((o) => [o, maxSeq(db, o)]));
}
