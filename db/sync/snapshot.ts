/**
 * Ops made from rows as they are now, rather than from the change log's history:
 * - for a laptop newly given a person, the ops that win the fields of that person's rows, cut down
 *   to those fields (the ones below what the laptop has acknowledged, which the relay stream would
 *   not resend);
 * - for the benchmark, ops synthesised from an office written in bulk (demo scale > 5), which has
 *   rows but no change log.
 */
import type { Db } from '../open';
import type { Scalar } from '../values';
import { WHOLE_ROW } from './field-clock';
import { formatHlc } from './hlc';
import { toOp, type ChangeLogRow, type SyncOp } from './ops';
import { isSynced, TABLE_SCOPES } from './scope';
import { tableInfo } from './rows';

/**
 * The ops that win some field of the rows in `rowsTable` (entity, row_id) whose seq is at or below
 * what the peer acknowledged for their origin (`acked` as canonical JSON {origin: seq}), and the
 * peer's own (the relay never sends those back, and a laptop that gave the person up no longer has
 * them in its rows), in (origin, seq) order. Each op carries only the fields it still wins here:
 * a value that lost (say, to the resolution of a conflict) would only reopen that conflict there.
 */
export function snapshotOps(db: Db, rowsTable: string, ackedJson: string, peer: string): IterableIterator<SyncOp> {
  // A statement of its own (not the shared cache): it stays open while the caller iterates.
  const it = db.prepare(
    `WITH winners AS (
       SELECT f.entity, f.row_id, f.field, f.device, f.seq FROM ${rowsTable} r JOIN field_clock f ON f.entity = r.entity AND f.row_id = r.row_id)
     SELECT l.device_id, l.seq, l.hlc, l.entity, l.row_id, l.fields, l.bases,
       (SELECT json_group_array(w.field) FROM winners w WHERE w.device = l.device_id AND w.seq = l.seq AND w.entity = l.entity AND w.row_id = l.row_id) AS wins,
       (SELECT json_group_array(o.field) FROM field_clock o WHERE o.entity = l.entity AND o.row_id = l.row_id AND o.field <> '') AS own
     FROM (SELECT DISTINCT device, seq FROM winners) d JOIN change_log l ON l.device_id = d.device AND l.seq = d.seq
     WHERE l.seq <= COALESCE(json_extract(?, '$."' || l.device_id || '"'), 0) OR l.device_id = ?
     ORDER BY l.device_id, l.seq`,
  ).iterate(ackedJson, peer) as IterableIterator<ChangeLogRow & { wins: string; own: string }>;
  return mapIter(it, (r) => onlyWinning(toOp(r), JSON.parse(r.wins) as string[], JSON.parse(r.own) as string[]));
}

/**
 * The op cut down to the fields it wins: those with their own clock entry naming it, and, when it
 * holds the row's whole-row entry, those of its fields that have no entry of their own.
 */
function onlyWinning(op: SyncOp, wins: string[], own: string[]): SyncOp {
  const won = new Set(wins.filter((f) => f !== WHOLE_ROW));
  if (wins.includes(WHOLE_ROW)) {
    const overridden = new Set(own);
    for (const f of Object.keys(op.fields)) if (!overridden.has(f)) won.add(f);
  }
  const fields: Record<string, Scalar> = {};
  const bases: Record<string, string> = {};
  for (const [f, v] of Object.entries(op.fields)) {
    if (!won.has(f)) continue;
    fields[f] = v;
    if (Object.prototype.hasOwnProperty.call(op.bases, f)) bases[f] = op.bases[f]!;
  }
  return { ...op, fields, bases };
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
    // Sorted, as ops read back from a change log are (canonical JSON).
    const cols = [...tableInfo(db, table).columns].filter((c) => c !== 'id').sort();
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
