import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/open';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('openEncrypted', () => {
  it('sets the safety pragmas on every open, asserted on a second open', () => {
    const file = join(t.dir, 'a.db');
    const key = randomBytes(32);
    openEncrypted(file, key, { create: true }).close();
    const db = openEncrypted(file, key);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    db.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong key with a typed error on the first read', () => {
    const file = join(t.dir, 'a.db');
    const db = openEncrypted(file, randomBytes(32), { create: true });
    db.exec('CREATE TABLE x (a)');
    db.close();
    expect(() => openEncrypted(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'DB_WRONG_KEY' }));
  });

  it('refuses a plaintext SQLite file and leaves it untouched', () => {
    const file = join(t.dir, 'plain.db');
    const plain = new Database(file);
    plain.exec('CREATE TABLE x (a); INSERT INTO x VALUES (1)');
    plain.close();
    const before = readFileSync(file);
    expect(() => openEncrypted(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'DB_PLAINTEXT' }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file of random bytes as not opening with the key', () => {
    const file = join(t.dir, 'junk.db');
    writeFileSync(file, randomBytes(8192));
    expect(() => openEncrypted(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'DB_WRONG_KEY' }));
  });

  it('writes no plaintext SQLite header', () => {
    const file = join(t.dir, 'a.db');
    const db = openEncrypted(file, randomBytes(32), { create: true });
    db.exec('CREATE TABLE x (a)');
    db.close();
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });
});
