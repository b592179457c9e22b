/**
 * Ops made from rows as they are now, rather than from the change log's history:
 * - for a laptop newly given a person, the winning op of every field of that person's rows
 *   (the ones below what the laptop has acknowledged, which the relay stream would not resend);
 * - for the benchmark, ops synthesised from an office written in bulk (demo scale > 5), which has
 *   rows but no change log.
 */
import type { Db } from '../open';
import { canonicalJson } from '../canonical';
import { formatHlc } from './hlc';
import { toOp, type ChangeLogRow, type SyncOp } from './ops';
import { isSynced, TABLE_SCOPES } from './scope';
import { tableInfo } from './rows';

/**
 * The winning ops of the rows in `rowsTable` (entity, row_id) whose seq is at or below what the
 * peer acknowledged for their origin (`acked` as canonical JSON {origin: seq}), and the peer's own
 * (the relay never sends those back, and a laptop that gave the person up no longer has them in
 * its rows), in (origin, seq) order.
 */
export function snapshotOps(db: Db, rowsTable: string, ackedJson: string, peer: string): IterableIterator<SyncOp> {
  // A statement of its own (not the shared cache): it stays open while the caller iterates.
  const it = db.prepare(
    `SELECT l.device_id, l.seq, l.hlc, l.base, l.entity, l.row_id, l.field, l.value
     FROM ${rowsTable} r
     JOIN field_clock f ON f.entity = r.entity AND f.row_id = r.row_id
     JOIN change_log l ON l.device_id = f.device AND l.seq = f.seq
     WHERE l.seq <= COALESCE(json_extract(?, '$."' || l.device_id || '"'), 0) OR l.device_id = ?
     ORDER BY l.device_id, l.seq`,
  ).iterate(ackedJson, peer) as IterableIterator<ChangeLogRow>;
  return mapIter(it, toOp);
}

function* mapIter<A, B>(it: Iterable<A>, f: (a: A) => B): IterableIterator<B> {
  for (const a of it) yield f(a);
}

/**
 * Every field of every row of every synced table as ops from `origin`, numbered from 1, all at one
 * clock instant (the benchmark's stand-in for an office's history), parent tables first. With
 * `personRows` (a table of entity, row_id such as temp.sync_rows), only those rows of the tables
 * that belong to a supervisee. Streams table by table.
 */
export function* synthesiseOps(db: Db, origin: string, ms: number, personRows?: string): IterableIterator<SyncOp> {
  let seq = 0;
  const tables = TABLE_SCOPES.filter(([t]) => isSynced(t));
  for (const [table, scope] of tables) {
    const cols = [...tableInfo(db, table).columns].filter((c) => c !== 'id');
    const sql =
      personRows && scope.kind === 'person'
        ? `SELECT t.* FROM ${personRows} r JOIN ${table} t ON t.id = r.row_id WHERE r.entity = '${table}' ORDER BY t.id`
        : `SELECT * FROM ${table}`;
    for (const row of db.prepare(sql).iterate() as IterableIterator<Record<string, string | number | null>>) {
      for (const field of cols) {
        seq += 1;
        yield {
          origin,
          seq,
          hlc: formatHlc({ ms, counter: 0, device: origin }),
          base: null,
          entity: table,
          row: String(row.id),
          field,
          value: canonicalJson(row[field] ?? null),
        };
      }
    }
  }
}

/** Merges two streams that are each in (origin, seq) order into one. */
export function* mergeByOrigin(a: Iterator<SyncOp>, b: Iterator<SyncOp>): IterableIterator<SyncOp> {
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && (x.value.origin < y.value.origin || (x.value.origin === y.value.origin && x.value.seq <= y.value.seq)))) {
      yield x.value as SyncOp;
      x = a.next();
    } else {
      yield y.value;
      y = b.next();
    }
  }
}
