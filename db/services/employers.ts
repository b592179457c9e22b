/** The cooperating employers registry (協力雇用主). */
import { randomUUID } from 'node:crypto';
import { searchForms } from '../casework/kana';
import type { Employer, EmployerFacets, EmployerPage, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { requireCaseworker } from './casework-shared';
import { bool, escapeLike, Where } from './pathways-shared';

export interface EmployerRow {
  id: string;
  name: string;
  name_kana: string;
  industry: string;
  address: string;
  municipality: string;
  contact_name: string;
  phone: string;
  capacity: number;
  accepts_drug_offences: number;
  active: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

function toEmployer(r: EmployerRow, employingNow: number): Employer {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    industry: r.industry,
    address: r.address,
    municipality: r.municipality,
    contactName: r.contact_name,
    phone: r.phone,
    capacity: r.capacity,
    acceptsDrugOffences: r.accepts_drug_offences === 1,
    active: r.active === 1,
    notes: r.notes,
    employingNow,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * LIKE patterns for an employer query. Names and readings are stored width-folded (NFKC, see the
 * channel), LIKE folds ASCII case, and each hiragana form is also tried in katakana, so 「ﾔﾏﾀﾞ」,
 * 「やまだ」 and "yamada" all find 山田建設 (ヤマダケンセツ).
 */
export function employerPatterns(query: string): string[] {
  const out = new Set<string>();
  for (const form of searchForms(query)) {
    out.add(form);
    out.add(hiraganaToKatakana(form));
  }
  return [...out].map((f) => `%${escapeLike(f)}%`);
}

/** Open jobs per employer, for the given employers. */
function employingNow(ctx: ServiceContext, ids: string[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const rows = stmt(
    ctx.db,
    `SELECT employer_id, count(*) AS n FROM jobs
      WHERE ended_on IS NULL AND employer_id IN (SELECT value FROM json_each(?)) GROUP BY employer_id`,
  ).all(JSON.stringify(ids)) as { employer_id: string; n: number }[];
  return new Map(rows.map((r) => [r.employer_id, r.n]));
}

export function listEmployers(ctx: ServiceContext, input: ParsedInputOf<'employers.list'>): EmployerPage {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.query !== undefined && input.query !== '') {
    const patterns = employerPatterns(input.query);
    if (patterns.length) {
      const ors = patterns.map((_, i) => `name LIKE @q${i} ESCAPE '\\' OR name_kana LIKE @q${i} ESCAPE '\\'`);
      where.add(`(${ors.join(' OR ')})`, Object.fromEntries(patterns.map((p, i) => [`q${i}`, p])));
    }
  }
  if (input.industry) where.add('industry = @industry', { industry: input.industry });
  if (input.municipality) where.add('municipality = @municipality', { municipality: input.municipality });
  if (input.acceptsDrugOffences !== undefined) where.add('accepts_drug_offences = @drug', { drug: bool(input.acceptsDrugOffences) });
  if (input.activeOnly) where.add('active = 1');
  const rows = stmt(
    ctx.db,
    `SELECT *, count(*) OVER () AS total FROM employers ${where}
      ORDER BY active DESC, name_kana = '', name_kana, name, id LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: input.limit, offset: input.offset }) as (EmployerRow & { total: number })[];
  const total =
    rows[0]?.total ??
    (input.offset > 0 ? (stmt(ctx.db, `SELECT count(*) FROM employers ${where}`).pluck().get(where.params) as number) : 0);
  const employing = employingNow(
    ctx,
    rows.map((r) => r.id),
  );
  return { total, offset: input.offset, rows: rows.map((r) => toEmployer(r, employing.get(r.id) ?? 0)) };
}

export function employerFacets(ctx: ServiceContext): EmployerFacets {
  requireCaseworker(ctx);
  const distinct = (col: 'industry' | 'municipality') =>
    stmt(ctx.db, `SELECT DISTINCT ${col} FROM employers WHERE ${col} <> '' ORDER BY ${col}`).pluck().all() as string[];
  return { industries: distinct('industry'), municipalities: distinct('municipality') };
}

export function getEmployer(ctx: ServiceContext, id: string): Employer | null {
  const r = stmt(ctx.db, 'SELECT * FROM employers WHERE id = ?').get(id) as EmployerRow | undefined;
  return r ? toEmployer(r, employingNow(ctx, [r.id]).get(r.id) ?? 0) : null;
}

export function saveEmployer(ctx: ServiceContext, input: ParsedInputOf<'employers.save'>): Employer {
  requireCaseworker(ctx);
  const fields = {
    name: input.name,
    name_kana: input.nameKana,
    industry: input.industry,
    address: input.address,
    municipality: input.municipality,
    contact_name: input.contactName,
    phone: input.phone,
    capacity: input.capacity,
    accepts_drug_offences: bool(input.acceptsDrugOffences),
    active: bool(input.active),
    notes: input.notes,
  };
  if (input.id && !stmt(ctx.db, 'SELECT 1 FROM employers WHERE id = ?').get(input.id)) {
    throw new AppError('NOT_FOUND', 'no such employer', { field: 'id' });
  }
  // The same name at the same address is the same employer registered twice.
  const twin = stmt(ctx.db, 'SELECT id FROM employers WHERE name = @name AND address = @address AND id <> @id').get({
    name: input.name,
    address: input.address,
    id: input.id ?? '',
  });
  if (twin) throw new AppError('DUPLICATE', 'an employer with this name and address is already registered', { field: 'name' });
  const id = input.id ?? randomUUID();
  if (input.id) {
    mutate(ctx, 'employers.update', (tx) => tx.update('employers', id, { ...fields, updated_at: tx.at }));
  } else {
    mutate(ctx, 'employers.add', (tx) => tx.insert('employers', { id, ...fields, created_at: tx.at, updated_at: tx.at }));
  }
  return getEmployer(ctx, id)!;
}
