import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './errors';
import type { Db } from './open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The folder of numbered SQL files beside this module (Electron passes the copy in its bundle). */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

/** Reads NNNN_name.sql files; numbers must run 1, 2, 3… with no gaps or duplicates. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file, i) => {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new Error(`migration file name not of the form NNNN_name.sql: ${file}`);
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`migration ${file} out of sequence: expected ${i + 1}`);
    return { version, name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') };
  });
  if (migrations.length === 0) throw new Error(`no migrations in ${dir}`);
  return migrations;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Called before an existing database is migrated; must leave a restorable copy or throw. */
  backup?: (fromVersion: number, toVersion: number) => void;
}

/**
 * Brings the database to the newest schema in one transaction. A database written by a newer app
 * version is refused, never touched.
 */
export function migrate(db: Db, migrations: Migration[], opts: MigrateOptions = {}): { from: number; to: number } {
  const latest = migrations[migrations.length - 1]!.version;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError('DB_TOO_NEW', `database schema ${current} is newer than this app (${latest})`, {
      found: current,
      supported: latest,
    });
  }
  if (current === latest) return { from: current, to: current };
  if (current > 0) opts.backup?.(current, latest);
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
    }
    db.pragma(`user_version = ${latest}`);
  })();
  return { from: current, to: latest };
}
