import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './open';

/**
 * Writes a consistent, encrypted copy of the open database. The SQLite backup API refuses an
 * encrypted source with a new (unkeyed) target in SQLite3MultipleCiphers; VACUUM INTO writes the
 * copy with the source's cipher and key, online, from one read transaction.
 */
export function backupDatabase(db: Db, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
  if (existsSync(dest)) throw new Error('backup target already exists');
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
