/**
 * What to send a peer, inside the caller's (export's) transaction.
 * - A laptop sends the office its own ops it has not acknowledged (and, after the office restored
 *   a backup, the office's own ops it lost: db/sync/resend.ts).
 * - The office sends a laptop the ops of every origin but the laptop's own that it has not
 *   acknowledged, keeping only shared directories and the rows of people assigned to the laptop's
 *   officer (db/sync/scope.ts); plus a snapshot of people newly assigned to it and the ids of cases
 *   moved away (db/sync/relay.ts).
 * Known gap (rare): an op whose row is waiting in sync_pending at the office (its parent has not
 * arrived) has no row to say whose person it belongs to, so it is relayed to no laptop; once the
 * row is written, the laptop has already acknowledged that seq and it is not sent later either.
 * The holder's laptop then lacks that row until a snapshot (a case move) carries it. A fix would
 * hold back the laptop's acknowledgement coverage while such rows wait, or resend them when written.
 * The ops are streamed from open statements in (origin, seq) order: the caller must not write to
 * the database until it has read them all (SQLite forbids writes while a read is open), and must
 * read them before calling selectOutgoing again.
 */
import type { Db } from '../open';
import { canonicalJson } from '../canonical';
import { stmt } from '../statements';
import { toOp, type ChangeLogRow, type SyncControl, type SyncOp, type SyncPeer } from './ops';
import { collectPersonRows, updateHoldings } from './relay';
import { officeResendRange } from './resend';
import { PERSON_TABLES, TABLE_SCOPES } from './scope';
import { mergeByOrigin, snapshotOps } from './snapshot';

const COLUMNS = 'l.device_id, l.seq, l.hlc, l.entity, l.row_id, l.fields, l.bases';
const ACKED = `COALESCE(json_extract(@acked, '$."' || l.device_id || '"'), 0)`;
const SHARED = TABLE_SCOPES.filter(([, s]) => s.kind === 'shared')
  .map(([t]) => `'${t}'`)
  .join(', ');
/** The supervisee a change-log op's row belongs to (NULL for other tables or a missing row). */
const PERSON_OF_OP = `CASE l.entity ${PERSON_TABLES.map(
  ([t, s]) => `WHEN '${t}' THEN (SELECT ${s.person} FROM ${s.from} WHERE x.id = l.row_id)`,
).join(' ')} END`;

function* rows(it: IterableIterator<ChangeLogRow>): IterableIterator<SyncOp> {
  for (const r of it) yield toOp(r);
}

export function selectOutgoing(
  db: Db,
  peer: SyncPeer,
  acked: Map<string, number>,
  at: string = new Date().toISOString(),
): { ops: Iterable<SyncOp>; control: SyncControl } {
  const self = (stmt(db, "SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string }).value;
  const ackedJson = canonicalJson(Object.fromEntries(acked));
  if (peer.role === 'office') {
    // Our own ops, and the office's own that it lost to a restore (db/sync/resend.ts).
    const resend = officeResendRange(db) ?? { from: 1, to: 0 };
    const it = db
      .prepare(
        `SELECT ${COLUMNS} FROM change_log l
         WHERE (l.device_id = @self AND l.seq > ${ACKED}) OR (l.device_id = @office AND l.seq BETWEEN @from AND @to)
         ORDER BY l.device_id, l.seq`,
      )
      .iterate({ self, acked: ackedJson, office: peer.deviceId, ...resend }) as IterableIterator<ChangeLogRow>;
    return { ops: rows(it), control: { purgeCases: [] } };
  }
  if (!peer.officerId) throw new Error('a laptop peer has an officer');
  const moves = updateHoldings(db, peer.deviceId, peer.officerId, at, acked);
  const people = JSON.stringify(
    (stmt(db, 'SELECT id FROM supervisees WHERE officer_id = ?').all(peer.officerId) as { id: string }[]).map((r) => r.id),
  );
  // Writes first: once a read is open, SQLite refuses them.
  if (moves.added.length > 0) {
    collectPersonRows(db, moves.added);
    db.exec('DROP TABLE IF EXISTS temp.sync_snapshot; CREATE TEMP TABLE sync_snapshot AS SELECT entity, row_id FROM temp.sync_rows');
  }
  const relay = rows(
    db
      .prepare(
        `SELECT ${COLUMNS} FROM change_log l
         WHERE l.device_id <> @peer AND l.seq > ${ACKED}
           AND (l.entity IN (${SHARED}) OR ${PERSON_OF_OP} IN (SELECT value FROM json_each(@people)))
         ORDER BY l.device_id, l.seq`,
      )
      .iterate({ peer: peer.deviceId, acked: ackedJson, people }) as IterableIterator<ChangeLogRow>,
  );
  if (moves.added.length === 0) return { ops: relay, control: { purgeCases: moves.purgeCases } };
  return { ops: mergeByOrigin(relay, snapshotOps(db, 'temp.sync_snapshot', ackedJson, peer.deviceId)), control: { purgeCases: moves.purgeCases } };
}
