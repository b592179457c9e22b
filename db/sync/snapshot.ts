/**
 * Ops made from rows as they are now, rather than from the change log's history:
 * - for a laptop newly given a person, the winning op of every field of that person's rows
 *   (the ones below what the laptop has acknowledged, which the relay stream would not resend);
 * - for the benchmark, ops synthesised from an office written in bulk (demo scale > 5), which has
 *   rows but no change log.
 */
import type { Db } from '../open';
import type { Scalar } from '../values';
import { formatHlc } from './hlc';
import { toOp, type ChangeLogRow, type SyncOp } from './ops';
import { isSynced, TABLE_SCOPES } from './scope';
import { tableInfo } from './rows';

/**
 * The ops that win some field of the rows in `rowsTable` (entity, row_id) whose seq is at or below
 * what the peer acknowledged for their origin (`acked` as canonical JSON {origin: seq}), and the
 * peer's own (the relay never sends those back, and a laptop that gave the person up no longer has
 * them in its rows), in (origin, seq) order. Each op is sent whole: fields it no longer wins lose
 * again at the peer to the op that won them here, which is sent too.
 */
export function snapshotOps(db: Db, rowsTable: string, ackedJson: string, peer: string): IterableIterator<SyncOp> {
  // A statement of its own (not the shared cache): it stays open while the caller iterates.
  const it = db.prepare(
    `WITH winners AS (
       SELECT DISTINCT f.device, f.seq FROM ${rowsTable} r JOIN field_clock f ON f.entity = r.entity AND f.row_id = r.row_id)
     SELECT l.device_id, l.seq, l.hlc, l.entity, l.row_id, l.fields, l.bases
     FROM winners w JOIN change_log l ON l.device_id = w.device AND l.seq = w.seq
     WHERE l.seq <= COALESCE(json_extract(?, '$."' || l.device_id || '"'), 0) OR l.device_id = ?
     ORDER BY l.device_id, l.seq`,
  ).iterate(ackedJson, peer) as IterableIterator<ChangeLogRow>;
  return mapIter(it, toOp);
}

function* mapIter<A, B>(it: Iterable<A>, f: (a: A) => B): IterableIterator<B> {
  for (const a of it) yield f(a);
}

/**
 * Every row of every synced table as an op from `origin` (as Tx.insert writes it), numbered from
 * 1, all at one clock instant (the benchmark's stand-in for an office's history), parent tables
 * first. With `personRows` (a table of entity, row_id such as temp.sync_rows), only those rows of
 * the tables that belong to a supervisee. Streams table by table.
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
    const hlc = formatHlc({ ms, counter: 0, device: origin });
    for (const row of db.prepare(sql).iterate() as IterableIterator<Record<string, Scalar>>) {
      const fields: Record<string, Scalar> = {};
      for (const field of cols) fields[field] = row[field] ?? null;
      seq += 1;
      yield { origin, seq, hlc, entity: table, row: String(row.id), fields, bases: {} };
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
