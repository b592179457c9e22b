import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import { addDays, japanDayStart } from './casework/calendar';
import type { AuditEntry, AuditVerifyResult, Role } from './contract';
import type { Db } from './open';
import { stmt } from './statements';

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  userId: string | null;
  login: string | null;
  role: Role | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, login: null, role: null };

export interface AuditInput {
  actor: Actor;
  deviceId: string;
  action: string;
  at: string;
  entity?: string | null;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_login: string | null;
  actor_role: string | null;
  device_id: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash covers every column but itself, including the id and the previous row's hash. */
function rowHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex');
}

/** Appends one entry to the chain. Call inside the transaction that makes the change it records. */
export function appendAudit(db: Db, input: AuditInput): void {
  const last = stmt(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: input.at,
    actor_id: input.actor.userId,
    actor_login: input.actor.login,
    actor_role: input.actor.role,
    device_id: input.deviceId,
    action: input.action,
    entity: input.entity ?? null,
    entity_id: input.entityId ?? null,
    before_json: input.before ? canonicalJson(input.before) : null,
    after_json: input.after ? canonicalJson(input.after) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  stmt(
    db,
    `INSERT INTO audit_log (id, at, actor_id, actor_login, actor_role, device_id, action, entity, entity_id,
       before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_login, @actor_role, @device_id, @action, @entity, @entity_id,
       @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
}

/** Walks the chain from the start; reports the first row whose link or content does not match. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    const { hash, ...rest } = r;
    if (r.id !== expectedId || r.prev_hash !== prev || rowHash(rest) !== hash) {
      return { ok: false, checked, firstBrokenId: r.id !== expectedId ? expectedId : r.id };
    }
    prev = hash;
    expectedId += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBrokenId: null };
}

export interface AuditFilter {
  action?: string | undefined;
  actorLogin?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export function listAudit(db: Db, f: AuditFilter): { rows: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (f.action) {
    where.push("action LIKE @action ESCAPE '\\'");
    params.action = `${escapeLike(f.action)}%`;
  }
  if (f.actorLogin) {
    where.push('actor_login = @actorLogin');
    params.actorLogin = f.actorLogin;
  }
  // `at` is an ISO instant in UTC; the filter's dates are office (Japan) calendar days, as shown.
  if (f.from) {
    where.push('at >= @from');
    params.from = new Date(japanDayStart(f.from)).toISOString();
  }
  if (f.to) {
    where.push('at < @to');
    params.to = new Date(japanDayStart(addDays(f.to, 1))).toISOString();
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as AuditRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorLogin: r.actor_login,
      actorRole: r.actor_role as Role | null,
      deviceId: r.device_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
    })),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
