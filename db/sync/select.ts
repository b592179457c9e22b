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
import { origins } from './origins';
import { officeResendRange } from './resend';
import { PERSON_TABLES, TABLE_SCOPES } from './scope';
import { mergeByOrigin, snapshotOps } from './snapshot';

const COLUMNS = 'l.device_id, l.seq, l.hlc, l.entity, l.row_id, l.fields, l.bases';
const SHARED = TABLE_SCOPES.filter(([, s]) => s.kind === 'shared')
  .map(([t]) => `'${t}'`)
  .join(', ');
/** The supervisee a change-log op's row belongs to (NULL for other tables or a missing row). */
const PERSON_OF_OP = `CASE l.entity ${PERSON_TABLES.map(
  ([t, s]) => `WHEN '${t}' THEN (SELECT ${s.person} FROM ${s.from} WHERE x.id = l.row_id)`,
).join(' ')} END`;

/**
 * The ops of each origin after a seq (and up to one), origin by origin in id order, each range
 * read by a seek on change_log's primary key: the log is never scanned whole. `where` narrows
 * further (the relay's scope). A statement of its own: it stays open while the caller iterates.
 */
function* ranges(db: Db, where: string, spans: [origin: string, after: number, upTo: number][], params: Record<string, unknown>): IterableIterator<SyncOp> {
  const s = db.prepare(rangeSql(where));
  for (const [origin, after, upTo] of [...spans].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (const r of s.iterate({ ...params, origin, after, upTo }) as IterableIterator<ChangeLogRow>) yield toOp(r);
  }
}

const ALL = Number.MAX_SAFE_INTEGER;

/** The statement `ranges` runs per origin (exported for the test that pins its query plan). */
export function rangeSql(where: string): string {
  return `SELECT ${COLUMNS} FROM change_log l WHERE l.device_id = @origin AND l.seq > @after AND l.seq <= @upTo ${where} ORDER BY l.seq`;
}

/** The relay's scope: shared directories, and the rows of the people in @people (JSON array). */
export const RELAY_SCOPE = `AND (l.entity IN (${SHARED}) OR ${PERSON_OF_OP} IN (SELECT value FROM json_each(@people)))`;

export function selectOutgoing(
  db: Db,
  peer: SyncPeer,
  acked: Map<string, number>,
  at: string = new Date().toISOString(),
): { ops: Iterable<SyncOp>; control: SyncControl } {
  const self = (stmt(db, "SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string }).value;
  if (peer.role === 'office') {
    // Our own ops, and the office's own that it lost to a restore (db/sync/resend.ts).
    const resend = officeResendRange(db);
    const spans: [string, number, number][] = [[self, acked.get(self) ?? 0, ALL]];
    if (resend) spans.push([peer.deviceId, resend.from - 1, resend.to]);
    return { ops: ranges(db, '', spans, {}), control: { purgeCases: [] } };
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
  const spans = origins(db)
    .filter((o) => o !== peer.deviceId)
    .map((o): [string, number, number] => [o, acked.get(o) ?? 0, ALL]);
  const relay = ranges(db, RELAY_SCOPE, spans, { people });
  if (moves.added.length === 0) return { ops: relay, control: { purgeCases: moves.purgeCases } };
  const ackedJson = canonicalJson(Object.fromEntries(acked));
  return { ops: mergeByOrigin(relay, snapshotOps(db, 'temp.sync_snapshot', ackedJson, peer.deviceId)), control: { purgeCases: moves.purgeCases } };
}
