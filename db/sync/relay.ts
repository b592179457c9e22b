/**
 * Case moves. The office remembers which supervisees each laptop holds (sync_holdings); when an
 * officer's caseload changes, the next bundle to that laptop carries a snapshot of the newly
 * assigned people and the ids of the cases moved away, which the laptop then deletes locally.
 */
import { appendAudit } from '../audit';
import type { Db } from '../open';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import { PERSON_TABLES } from './scope';

export interface HoldingsChange {
  /** Supervisees newly assigned to the peer's officer: sent as a snapshot. */
  added: string[];
  /** Their cases moved away: the laptop purges them. */
  purgeCases: string[];
}

/**
 * Brings sync_holdings for one laptop up to date with the supervisees now assigned to its officer
 * and says what changed. Runs in the export's transaction: if the export fails, nothing is recorded.
 */
export function updateHoldings(db: Db, peer: string, officerId: string, at: string): HoldingsChange {
  const current = new Set(
    (stmt(db, 'SELECT id FROM supervisees WHERE officer_id = ?').all(officerId) as { id: string }[]).map((r) => r.id),
  );
  const held = new Set(
    (stmt(db, 'SELECT supervisee_id AS id FROM sync_holdings WHERE peer = ?').all(peer) as { id: string }[]).map((r) => r.id),
  );
  const added = [...current].filter((id) => !held.has(id));
  const removed = [...held].filter((id) => !current.has(id));
  for (const id of added) stmt(db, 'INSERT INTO sync_holdings (peer, supervisee_id, since) VALUES (?, ?, ?)').run(peer, id, at);
  for (const id of removed) stmt(db, 'DELETE FROM sync_holdings WHERE peer = ? AND supervisee_id = ?').run(peer, id);
  const purgeCases = removed.length
    ? (stmt(db, 'SELECT id FROM cases WHERE supervisee_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(removed)) as {
        id: string;
      }[]).map((r) => r.id)
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
    stmt(db, 'SELECT DISTINCT supervisee_id AS id FROM cases WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(caseIds)) as {
      id: string;
    }[]
  ).map((r) => r.id);
  if (people.length === 0) return 0;
  const rows = collectPersonRows(db, people);
  for (const [table] of [...PERSON_TABLES].reverse()) {
    stmt(db, `DELETE FROM ${table} WHERE id IN (SELECT row_id FROM temp.sync_rows WHERE entity = '${table}')`).run();
  }
  stmt(db, 'DELETE FROM search_terms WHERE supervisee_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(people));
  const acked = stmt(db, 'SELECT seq FROM sync_acks WHERE peer = ? AND origin = ?').get(office, ctx.deviceId) as { seq: number } | undefined;
  stmt(
    db,
    `DELETE FROM change_log WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)
       AND NOT (device_id = ? AND seq > ?)`,
  ).run(ctx.deviceId, acked?.seq ?? 0);
  for (const t of ['field_clock', 'sync_conflicts', 'sync_pending']) {
    stmt(db, `DELETE FROM ${t} WHERE (entity, row_id) IN (SELECT entity, row_id FROM temp.sync_rows)`).run();
  }
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
