import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, readSync } from 'node:fs';
import { AppError } from './errors';
import { registerSqlFunctions } from './sql-functions';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own build). */
  nativeBinding?: string;
  /** Create the file when it does not exist (first run only). */
  create?: boolean;
  /** Page cache in KiB; decrypted pages live here, so a larger cache keeps reads near plaintext speed. */
  cacheKiB?: number;
}

const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
export const KEY_BYTES = 32;

/** True when the file starts with the plaintext SQLite header (an unencrypted database). */
export function isPlaintextSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(SQLITE_PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Applies the cipher settings and the raw 256-bit key; must come before any other statement. */
export function applyKey(db: Db, key: Buffer, schema = 'main'): void {
  if (key.length !== KEY_BYTES) throw new AppError('INTERNAL', 'database key must be 256 bits');
  db.pragma(`${schema}.cipher='sqlcipher'`);
  db.pragma(`${schema}.legacy=4`);
  db.pragma(`${schema}.key="x'${key.toString('hex')}'"`);
}

/**
 * Opens the encrypted office database: key, verify with an immediate read, then the per-connection
 * pragmas. A wrong key is accepted by PRAGMA key and only fails on the first read (SQLITE_NOTADB).
 */
export function openEncrypted(file: string, key: Buffer, opts: OpenOptions = {}): Db {
  const exists = existsSync(file);
  if (!exists && !opts.create) throw new AppError('NO_OFFICE', 'database file does not exist');
  if (exists && isPlaintextSqlite(file)) {
    throw new AppError('DB_PLAINTEXT', 'refusing an unencrypted database file');
  }
  const db = new Database(file, {
    fileMustExist: !opts.create,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    applyKey(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') throw new AppError('DB_WRONG_KEY', 'the key does not open this database');
      if (code === 'SQLITE_CORRUPT') throw new AppError('DB_CORRUPT', 'the database file is damaged');
      throw e;
    }
    db.pragma('journal_mode = WAL');
    // These builds default WAL to synchronous=NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Temporary files are not encrypted: keep temp tables and sorts in memory.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${opts.cacheKiB ?? 64 * 1024}`);
    registerSqlFunctions(db);
  } catch (e) {
    db.close();
    throw e;
  }
  chmodSync(file, 0o600);
  return db;
}
