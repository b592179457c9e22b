/** The registry of volunteer probation officers (保護司). */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf, Vpo } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { bool, requireCaseworker } from './casework-shared';

interface VpoRow {
  id: string;
  name: string;
  name_kana: string;
  district: string;
  phone: string;
  active: number;
  case_count: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT v.*,
    (SELECT count(*) FROM supervisees s JOIN cases c ON c.supervisee_id = s.id
     WHERE s.vpo_id = v.id AND c.status <> 'terminated') AS case_count
  FROM vpos v`;

function toVpo(r: VpoRow): Vpo {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    district: r.district,
    phone: r.phone,
    active: r.active === 1,
    caseCount: r.case_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listVpos(ctx: ServiceContext, input: ParsedInputOf<'vpos.list'>): Vpo[] {
  requireCaseworker(ctx);
  const where: string[] = [];
  if (input.activeOnly) where.push('v.active = 1');
  if (input.query) {
    where.push("(v.name LIKE @q ESCAPE '\\' OR v.name_kana LIKE @q ESCAPE '\\' OR v.district LIKE @q ESCAPE '\\')");
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.active DESC, v.name_kana, v.name`;
  const rows = stmt(ctx.db, sql).all(input.query ? { q: `%${escapeLike(input.query)}%` } : {}) as VpoRow[];
  return rows.map(toVpo);
}

/** Registers a VPO, or (with id) updates one. */
export function saveVpo(ctx: ServiceContext, input: ParsedInputOf<'vpos.save'>): Vpo {
  requireCaseworker(ctx);
  const fields = {
    name: input.name,
    name_kana: input.nameKana,
    district: input.district,
    phone: input.phone,
    active: bool(input.active),
  };
  const id = input.id ?? randomUUID();
  if (input.id) {
    if (!stmt(ctx.db, 'SELECT 1 FROM vpos WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', 'no such VPO', { field: 'id' });
    mutate(ctx, 'vpos.update', (tx) => tx.update('vpos', id, { ...fields, updated_at: tx.at }));
  } else {
    mutate(ctx, 'vpos.add', (tx) => tx.insert('vpos', { id, ...fields, created_at: tx.at, updated_at: tx.at }));
  }
  return toVpo(stmt(ctx.db, `${SELECT} WHERE v.id = ?`).get(id) as VpoRow);
}
