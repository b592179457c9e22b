/**
 * Writing merged values into domain rows: column and foreign-key facts per table (read once per
 * connection), parent checks, and the insert/update of one row from its winning field values.
 */
import type { Db } from '../open';
import { stmt } from '../statements';
import type { Scalar } from '../write';

interface TableInfo {
  columns: Set<string>;
  /** Columns that must be present to insert a row (NOT NULL without a default). */
  required: string[];
  foreignKeys: { column: string; table: string; to: string }[];
}

const infoCache = new WeakMap<Db, Map<string, TableInfo>>();

export function tableInfo(db: Db, table: string): TableInfo {
  let perDb = infoCache.get(db);
  if (!perDb) infoCache.set(db, (perDb = new Map()));
  let info = perDb.get(table);
  if (!info) {
    const cols = db.pragma(`table_info(${table})`) as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
    const fks = db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[];
    info = {
      columns: new Set(cols.map((c) => c.name)),
      required: cols.filter((c) => c.notnull === 1 && c.dflt_value === null && c.pk === 0).map((c) => c.name),
      foreignKeys: fks.map((f) => ({ column: f.from, table: f.table, to: f.to ?? 'id' })),
    };
    perDb.set(table, info);
  }
  return info;
}

/** A change_log value (canonical JSON of a scalar) as the SQL value. */
export function sqlValue(json: string | null): Scalar {
  if (json === null) return null;
  const v: unknown = JSON.parse(json);
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new Error('not a scalar');
}

export type WriteOutcome = 'written' | 'parent' | 'incomplete' | 'unique';

function parentsPresent(db: Db, table: string, values: Map<string, Scalar>): boolean {
  for (const fk of tableInfo(db, table).foreignKeys) {
    const v = values.get(fk.column);
    if (v === undefined || v === null) continue;
    if (!stmt(db, `SELECT 1 FROM ${fk.table} WHERE ${fk.to} = ?`).get(v)) return false;
  }
  return true;
}

export function rowExists(db: Db, table: string, id: string): boolean {
  return stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/**
 * Updates an existing row's fields, or inserts the row when `complete` gives every field it has.
 * A row whose parent has not arrived, or that lacks a required field, is left for later.
 */
export function writeRow(db: Db, table: string, id: string, values: Map<string, Scalar>, exists: boolean): WriteOutcome {
  if (values.size === 0) return 'written';
  if (!parentsPresent(db, table, values)) return 'parent';
  const cols = [...values.keys()];
  if (!exists && tableInfo(db, table).required.some((c) => !values.has(c))) return 'incomplete';
  try {
    if (exists) stmt(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values.values(), id);
    else stmt(db, `INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(id, ...values.values());
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
    if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_CHECK') return 'incomplete';
    throw e;
  }
  return 'written';
}

/** Every winning field value of a row, from field_clock and change_log. */
export function winningValues(db: Db, table: string, id: string): Map<string, Scalar> {
  const rows = stmt(
    db,
    `SELECT f.field, c.value FROM field_clock f JOIN change_log c ON c.device_id = f.device AND c.seq = f.seq
     WHERE f.entity = ? AND f.row_id = ?`,
  ).all(table, id) as { field: string; value: string | null }[];
  return new Map(rows.map((r) => [r.field, sqlValue(r.value)]));
}
