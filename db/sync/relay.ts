/**
 * Case moves. The office remembers which supervisees each laptop holds (sync_holdings); when an
 * officer's caseload changes, the next bundle to that laptop carries a snapshot of the newly
 * assigned people and the ids of the cases moved away, which the laptop then deletes locally.
 */
import { appendAudit } from '../audit';
import type { Db } from '../open';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import { maxSeqByOrigin } from './origins';
import { PERSON_TABLES } from './scope';

export interface HoldingsChange {
  /** Supervisees newly assigned to the peer's officer, not yet confirmed: sent as a snapshot. */
  added: string[];
  /** Cases of supervisees assigned away, not yet confirmed: the laptop purges them. */
  purgeCases: string[];
}

interface Holding {
  supervisee_id: string;
  state: 'held' | 'leaving';
  coverage: string | null;
}

/** Whether the peer has acknowledged every origin up to the recorded high-water marks. */
function covered(acked: Map<string, number>, coverage: string): boolean {
  return Object.entries(JSON.parse(coverage) as Record<string, number>).every(([origin, seq]) => (acked.get(origin) ?? 0) >= seq);
}

/**
 * Brings sync_holdings for one laptop up to date with the supervisees now assigned to its officer
 * and says what the next bundle must carry. Runs in the export's transaction: if the export fails,
 * nothing is recorded. A snapshot or purge is repeated until the laptop's acknowledgements show it
 * imported a bundle made after the move (see migration 0010).
 */
export function updateHoldings(db: Db, peer: string, officerId: string, at: string, acked: Map<string, number>): HoldingsChange {
  const current = new Set(
    (stmt(db, 'SELECT id FROM supervisees WHERE officer_id = ?').all(officerId) as { id: string }[]).map((r) => r.id),
  );
  const holdings = stmt(db, 'SELECT supervisee_id, state, coverage FROM sync_holdings WHERE peer = ?').all(peer) as Holding[];
  const byId = new Map(holdings.map((h) => [h.supervisee_id, h]));
  for (const h of holdings) {
    if (h.coverage === null || !covered(acked, h.coverage)) continue;
    if (h.state === 'leaving') {
      stmt(db, 'DELETE FROM sync_holdings WHERE peer = ? AND supervisee_id = ?').run(peer, h.supervisee_id);
      byId.delete(h.supervisee_id);
    } else {
      stmt(db, 'UPDATE sync_holdings SET coverage = NULL WHERE peer = ? AND supervisee_id = ?').run(peer, h.supervisee_id);
      h.coverage = null;
    }
  }
  let marks: string | null = null;
  // The change log's high-water mark per origin, leaving out the peer's own ops: they are never sent
  // back, so the peer acknowledges only the other origins.
  const highWater = (): string => {
    if (marks === null) marks = JSON.stringify(Object.fromEntries(maxSeqByOrigin(db, peer)));
    return marks;
  };
  const set = (id: string, state: Holding['state']) => {
    stmt(
      db,
      `INSERT INTO sync_holdings (peer, supervisee_id, state, since, coverage) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (peer, supervisee_id) DO UPDATE SET state = excluded.state, since = excluded.since, coverage = excluded.coverage`,
    ).run(peer, id, state, at, highWater());
    byId.set(id, { supervisee_id: id, state, coverage: highWater() });
  };
  for (const id of current) if (byId.get(id)?.state !== 'held') set(id, 'held');
  for (const [id, h] of byId) if (h.state === 'held' && !current.has(id)) set(id, 'leaving');

  const pending = [...byId.values()].filter((h) => h.coverage !== null);
  const added = pending.filter((h) => h.state === 'held').map((h) => h.supervisee_id);
  const leaving = pending.filter((h) => h.state === 'leaving').map((h) => h.supervisee_id);
  // A person with no case yet is named by their own id (purgeCases says which people to remove).
  const purgeCases = leaving.length
    ? (
        stmt(
          db,
          `SELECT id FROM cases WHERE supervisee_id IN (SELECT value FROM json_each(@ids))
           UNION SELECT s.id FROM supervisees s WHERE s.id IN (SELECT value FROM json_each(@ids))
             AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.supervisee_id = s.id)
           ORDER BY 1`,
        ).all({ ids: JSON.stringify(leaving) }) as { id: string }[]
      ).map((r) => r.id)
    : [];
  return { added, purgeCases };
}

/** Fills temp.sync_rows with every row (entity, id) belonging to the given supervisees. */
export function collectPersonRows(db: Db, personIds: string[]): number {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_rows (entity TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (entity, row_id)) WITHOUT ROWID');
  db.exec('DELETE FROM temp.sync_rows');
  const people = JSON.stringify(personIds);
  let n = 0;
  // Children first, while their parents still exist to join through.
  for (const [table, s] of [...PERSON_TABLES].reverse()) {
    n += stmt(db, `INSERT OR IGNORE INTO temp.sync_rows (entity, row_id) SELECT '${table}', x.id FROM ${s.from} WHERE ${s.person} IN (SELECT value FROM json_each(?))`).run(
      people,
    ).changes;
  }
  return n;
}

/**
 * Laptop: deletes the cases the office moved away, with every row of their supervisees, children
 * first, and the sync records that still hold their values. No change-log ops are written (the
 * office keeps the data); our own edits the office has not acknowledged yet are kept so they still
 * reach it. Audited as sync.purge with counts only.
 */
export function purgeCases(ctx: ServiceContext, office: string, caseIds: string[]): number {
  const db = ctx.db;
  const people = (
    stmt(
      db,
      `SELECT supervisee_id AS id FROM cases WHERE id IN (SELECT value FROM json_each(@ids))
       UNION SELECT id FROM supervisees WHERE id IN (SELECT value FROM json_each(@ids))`,
    ).all({ ids: JSON.stringify(caseIds) }) as { id: string }[]
  ).map((r) => r.id);
  if (people.length === 0) return 0;
  const rows = collectPersonRows(db, people);
  for (const [table] of [...PERSON_TABLES].reverse()) {
    stmt(db, `DELETE FROM ${table} WHERE id IN (SELECT row_id FROM temp.sync_rows WHERE entity = '${table}')`).run();
  }
  stmt(db, 'DELETE FROM search_terms WHERE supervisee_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(people));
  const acked = (stmt(db, 'SELECT seq FROM sync_acks WHERE peer = ? AND origin = ?').get(office, ctx.deviceId) as { seq: number } | undefined)?.seq ?? 0;
  stmt(
    db,
    `DELETE FROM change_log WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)
       AND NOT (device_id = ? AND seq > ?)`,
  ).run(ctx.deviceId, acked);
  // The bases of the ops kept (our own unacknowledged edits) stay: their values were seen by those edits.
  stmt(db, 'DELETE FROM change_log_bases WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)').run();
  stmt(
    db,
    `INSERT OR IGNORE INTO change_log_bases (base, entity, row_id, field)
     SELECT b.value, l.entity, l.row_id, b.key FROM change_log l, json_each(l.bases) b
     WHERE l.bases IS NOT NULL AND (l.entity, l.row_id) IN (SELECT entity, row_id FROM temp.sync_rows)`,
  ).run();
  // Our own edits the office has not acknowledged keep their field clocks, and their rows wait in
  // sync_pending (their parents are gone): if the person comes back, they merge with what arrives.
  stmt(
    db,
    `DELETE FROM field_clock WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)
       AND NOT (device = ? AND seq > ?)`,
  ).run(ctx.deviceId, acked);
  for (const t of ['sync_conflicts', 'sync_pending']) {
    stmt(db, `DELETE FROM ${t} WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)`).run();
  }
  stmt(
    db,
    `INSERT OR IGNORE INTO sync_pending (entity, row_id, reason)
     SELECT DISTINCT entity, row_id, 'parent' FROM field_clock WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)`,
  ).run();
  const cases = (stmt(db, "SELECT count(*) AS n FROM temp.sync_rows WHERE entity = 'cases'").get() as { n: number }).n;
  db.exec('DELETE FROM temp.sync_rows');
  appendAudit(db, {
    actor: ctx.actor,
    deviceId: ctx.deviceId,
    action: 'sync.purge',
    at: new Date(ctx.now()).toISOString(),
    entity: null,
    entityId: null,
    after: { from: office, cases, people: people.length, rows },
  });
  return cases;
}
