/**
 * Writing merged values into domain rows: column facts per table (read once per connection) and
 * the insert/update of one row from its winning field values.
 */
import type { Db } from '../open';
import { stmt } from '../statements';
import type { Scalar } from '../values';
import { RowClocks } from './field-clock';

interface TableInfo {
  columns: Set<string>;
  /** Columns that must be present to insert a row (NOT NULL without a default). */
  required: string[];
}

const infoCache = new WeakMap<Db, Map<string, TableInfo>>();

export function tableInfo(db: Db, table: string): TableInfo {
  let perDb = infoCache.get(db);
  if (!perDb) infoCache.set(db, (perDb = new Map()));
  let info = perDb.get(table);
  if (!info) {
    const cols = db.pragma(`table_info(${table})`) as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
    info = {
      columns: new Set(cols.map((c) => c.name)),
      required: cols.filter((c) => c.notnull === 1 && c.dflt_value === null && c.pk === 0).map((c) => c.name),
    };
    perDb.set(table, info);
  }
  return info;
}

/** A change-log value as JSON text (a sync_conflicts value) as the SQL value. */
export function sqlValue(json: string | null): Scalar {
  if (json === null) return null;
  const v: unknown = JSON.parse(json);
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new Error('not a scalar');
}

export type WriteOutcome = 'written' | 'parent' | 'incomplete' | 'unique';

export function rowExists(db: Db, table: string, id: string): boolean {
  return stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/**
 * Updates an existing row's fields, or inserts the row when `values` holds every field it needs.
 * A row whose parent has not arrived (SQLite's foreign-key check refuses it), or that lacks a
 * required field, is left for later.
 */
export function writeRow(db: Db, table: string, id: string, values: Record<string, Scalar>, exists: boolean): WriteOutcome {
  const cols = Object.keys(values);
  if (cols.length === 0) return 'written';
  if (!exists && tableInfo(db, table).required.some((c) => !Object.prototype.hasOwnProperty.call(values, c))) return 'incomplete';
  const params = cols.map((c) => values[c]);
  try {
    if (exists) stmt(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...params, id);
    else stmt(db, `INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(id, ...params);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'parent';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
    if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_CHECK') return 'incomplete';
    throw e;
  }
  return 'written';
}

/** Every winning field value of a row, from field_clock and change_log. */
export function winningValues(db: Db, table: string, id: string): Record<string, Scalar> {
  return new RowClocks(db, table, id).values();
}
