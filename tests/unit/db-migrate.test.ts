import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup';
import { defaultMigrationsDir, loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { openEncrypted } from '../../db/open';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migrations', () => {
  it('applies the shipped migrations to a new database and records user_version', () => {
    const migrations = loadMigrations(defaultMigrationsDir());
    const db = openEncrypted(join(t.dir, 'a.db'), randomBytes(32), { create: true });
    expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.length });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
    db.close();
  });

  it('refuses a database from a newer app version and changes nothing', () => {
    const file = join(t.dir, 'a.db');
    const key = randomBytes(32);
    const db = openEncrypted(file, key, { create: true });
    migrate(db, loadMigrations(defaultMigrationsDir()));
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    const again = openEncrypted(file, key);
    expect(() => migrate(again, loadMigrations(defaultMigrationsDir()))).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW' }),
    );
    again.close();
    expect(schemaVersion(openEncrypted(file, key))).toBe(99);
    expect(readFileSync(file).length).toBe(before.length);
  });

  it('backs up an existing database (encrypted) before migrating it, and migrates in one transaction', () => {
    const dir = join(t.dir, 'm');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_one.sql'), "CREATE TABLE one (a TEXT); INSERT INTO one VALUES ('kept');");
    const file = join(t.dir, 'a.db');
    const key = randomBytes(32);
    const db = openEncrypted(file, key, { create: true });
    migrate(db, loadMigrations(dir));
    writeFileSync(join(dir, '0002_two.sql'), 'CREATE TABLE two (b TEXT); INSERT INTO nowhere VALUES (1);');
    const backups: string[] = [];
    expect(() =>
      migrate(db, loadMigrations(dir), {
        backup: (from, to) => {
          const dest = join(t.dir, `backup-${from}-${to}.db`);
          backupDatabase(db, dest);
          backups.push(dest);
        },
      }),
    ).toThrow(/no such table: nowhere/);
    // The failed migration rolled back whole: no table two, version unchanged.
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'two'").get()).toEqual({ n: 0 });
    expect(backups).toHaveLength(1);
    const copy = openEncrypted(backups[0]!, key);
    expect(copy.prepare('SELECT a FROM one').get()).toEqual({ a: 'kept' });
    copy.close();
    expect(readFileSync(backups[0]!).includes(Buffer.from('kept'))).toBe(false);
    db.close();
  });

  it('rejects gaps and badly named files', () => {
    const dir = join(t.dir, 'gap');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
    const bad = join(t.dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '1-a.sql'), 'SELECT 1;');
    expect(() => loadMigrations(bad)).toThrow(/NNNN_name/);
    expect(readdirSync(defaultMigrationsDir()).every((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))).toBe(true);
  });
});
