/**
 * The conflict queue for people: list what this device has queued and resolve an entry by keeping
 * this device's value or the other device's. A resolution is an ordinary local edit (it syncs like
 * any other, and settles the same conflict on the devices that receive it), audited.
 * Supervisors and administrators see every entry; an officer sees those on the people assigned to them.
 */
import type { SyncConflict } from '../channels/sync';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { sqlValue } from '../sync/rows';
import { scopeOf } from '../sync/scope';
import { mutate, type ServiceContext } from '../write';

interface ConflictRow {
  id: string;
  entity: string;
  row_id: string;
  field: string;
  local_value: string | null;
  local_hlc: string;
  local_device: string;
  remote_value: string | null;
  remote_hlc: string;
  remote_device: string;
  detected_at: string;
  status: 'open' | 'resolved';
  resolved_by: string | null;
  resolved_at: string | null;
  resolution: 'local' | 'remote' | 'superseded' | null;
}

const RESOLVED_SHOWN = 100;

/** The officer assigned to the person a row belongs to; undefined for shared directories. */
function ownerOf(ctx: ServiceContext, entity: string, rowId: string): string | null | undefined {
  const s = scopeOf(entity);
  if (!s || s.kind !== 'person') return undefined;
  const r = stmt(ctx.db, `SELECT sv.officer_id AS o FROM ${s.from} JOIN supervisees sv ON sv.id = ${s.person} WHERE x.id = ?`).get(rowId) as
    | { o: string | null }
    | undefined;
  return r ? r.o : null;
}

function caseOf(ctx: ServiceContext, entity: string, rowId: string): string | null {
  if (entity === 'cases') return rowId;
  const s = scopeOf(entity);
  if (!s || s.kind !== 'person' || !s.from.includes('JOIN cases c')) return null;
  const r = stmt(ctx.db, `SELECT c.id AS id FROM ${s.from} WHERE x.id = ?`).get(rowId) as { id: string } | undefined;
  return r?.id ?? null;
}

function mayResolve(ctx: ServiceContext, row: ConflictRow): boolean {
  const role = ctx.actor.role;
  if (role === 'supervisor' || role === 'administrator') return true;
  return role === 'officer' && ctx.actor.userId !== null && ownerOf(ctx, row.entity, row.row_id) === ctx.actor.userId;
}

function toConflict(ctx: ServiceContext, r: ConflictRow): SyncConflict {
  const by = r.resolved_by
    ? ((stmt(ctx.db, 'SELECT display_name FROM users WHERE id = ?').get(r.resolved_by) as { display_name: string } | undefined)?.display_name ??
      r.resolved_by)
    : null;
  return {
    id: r.id,
    entity: r.entity,
    rowId: r.row_id,
    field: r.field,
    caseId: caseOf(ctx, r.entity, r.row_id),
    local: { value: r.local_value, hlc: r.local_hlc, device: r.local_device },
    remote: { value: r.remote_value, hlc: r.remote_hlc, device: r.remote_device },
    detectedAt: r.detected_at,
    status: r.status,
    resolvedBy: by,
    resolvedAt: r.resolved_at,
    // 'superseded' (settled by a later edit made elsewhere) shows as resolved without a choice here.
    resolution: r.resolution === 'local' || r.resolution === 'remote' ? r.resolution : null,
  };
}

/** Open entries first (oldest first), then the most recently resolved. */
export function listConflicts(ctx: ServiceContext): SyncConflict[] {
  requireRole(ctx, 'officer', 'supervisor', 'administrator');
  const open = stmt(ctx.db, "SELECT * FROM sync_conflicts WHERE status = 'open' ORDER BY detected_at, id").all() as ConflictRow[];
  const resolved = stmt(ctx.db, "SELECT * FROM sync_conflicts WHERE status = 'resolved' ORDER BY resolved_at DESC, id LIMIT ?").all(
    RESOLVED_SHOWN,
  ) as ConflictRow[];
  return [...open, ...resolved].filter((r) => mayResolve(ctx, r)).map((r) => toConflict(ctx, r));
}

export function resolveConflict(ctx: ServiceContext, input: { id: string; choice: 'local' | 'remote' }): SyncConflict {
  requireRole(ctx, 'officer', 'supervisor', 'administrator');
  const row = stmt(ctx.db, 'SELECT * FROM sync_conflicts WHERE id = ?').get(input.id) as ConflictRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no such conflict');
  if (!mayResolve(ctx, row)) throw new AppError('FORBIDDEN', 'only a supervisor, an administrator or the assigned officer resolves this conflict');
  if (row.status !== 'open') throw new AppError('INVALID_STATE', 'this conflict is already resolved');
  if (!stmt(ctx.db, `SELECT 1 FROM ${row.entity} WHERE id = ?`).get(row.row_id)) throw new AppError('NOT_FOUND', 'the record is not on this device');
  const chosen = input.choice === 'local' ? row.local_value : row.remote_value;
  mutate(ctx, 'sync.conflicts.resolve', (tx) => {
    tx.assert(row.entity, row.row_id, row.field, sqlValue(chosen));
    const base = (stmt(ctx.db, 'SELECT base FROM field_clock WHERE entity = ? AND row_id = ? AND field = ?').get(row.entity, row.row_id, row.field) as {
      base: string | null;
    }).base;
    stmt(ctx.db, "UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?").run(
      input.choice,
      ctx.actor.userId,
      tx.at,
      row.id,
    );
    // Other open entries on this field that the decision also covers (both sides seen).
    stmt(
      ctx.db,
      `UPDATE sync_conflicts SET status = 'resolved', resolution = 'superseded', resolved_at = ?
       WHERE entity = ? AND row_id = ? AND field = ? AND status = 'open' AND local_hlc <= ? AND remote_hlc <= ?`,
    ).run(tx.at, row.entity, row.row_id, row.field, base, base);
    tx.event('sync_conflicts', row.id, { entity: row.entity, field: row.field, choice: input.choice });
  });
  return toConflict(ctx, stmt(ctx.db, 'SELECT * FROM sync_conflicts WHERE id = ?').get(row.id) as ConflictRow);
}
