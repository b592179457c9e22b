/**
 * Backups and restore on real encrypted files: generations and pruning, no plaintext on disk, the
 * restore round trip (aside copy, audit, sequence and clock carried forward), and every refused
 * backup leaving the office exactly as it was.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles, setAsideAndInstall } from '../../db/backup';
import { isPlaintextSqlite, openEncrypted } from '../../db/open';
import { ADMIN, fakeClock, setupOffice, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-backup-')));
afterEach(() => t.cleanup());

const HOUR = 3_600_000;
const CANARY = ['鏑木沙羅衛門', 'Zyxwvutsrq Plaintextcanary'];

async function office(dir = t.dir) {
  const clock = fakeClock();
  const o = await setupOffice(dir, { now: clock.now });
  const addUser = (login: string, displayName: string) =>
    o.call('users.add', { login, displayName, role: 'officer', passphrase: 'officer passphrase 1' });
  const db = () => o.core.context().db;
  /** Every user row and the whole audit chain: equal hashes = nothing changed. */
  const contentHash = () =>
    createHash('sha256')
      .update(JSON.stringify(db().prepare('SELECT * FROM users ORDER BY id').all()))
      .update(JSON.stringify(db().prepare('SELECT id, hash FROM audit_log ORDER BY id').all()))
      .update(JSON.stringify(db().prepare("SELECT * FROM meta WHERE key != 'hlc_floor' ORDER BY key").all()))
      .digest('hex');
  return { ...o, clock, addUser, db, contentHash };
}

function key(o: Awaited<ReturnType<typeof office>>): Buffer {
  return Buffer.from(o.core.keyring().dbKey);
}

/** Edits a copy of a backup with the office key, then puts it back as a backup of the same name. */
function tamper(o: Awaited<ReturnType<typeof office>>, name: string, sql: string) {
  const file = join(o.core.paths.backups, name);
  const db = openEncrypted(file, key(o));
  db.exec(sql);
  db.close();
}

describe('backups', () => {
  it('writes encrypted generations, lists them newest first and prunes beyond keep', async () => {
    const o = await office();
    for (const [i, name] of CANARY.entries()) await o.addUser(`canary${i}`, name);
    await o.call('backup.settings.update', { intervalHours: 12, keep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await o.call('backup.create', {})).name);
      o.clock.advance(HOUR);
    }
    const list = await o.call('backup.list', {});
    expect(list.settings).toEqual({ intervalHours: 12, keep: 3 });
    expect(list.backups.map((b) => b.name)).toEqual(made.slice(2).reverse());
    expect(list.backups.every((b) => b.kind === 'manual' && b.schemaVersion === list.schemaVersion && b.bytes > 4096)).toBe(true);
    expect(list.backups[0]!.at).toBe(new Date(o.clock.now() - HOUR).toISOString());

    for (const b of list.backups) {
      const bytes = readFileSync(join(o.core.paths.backups, b.name));
      expect(isPlaintextSqlite(join(o.core.paths.backups, b.name))).toBe(false);
      for (const name of CANARY) {
        expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(name, 'utf16le'))).toBe(false);
      }
    }
    // The names are in the backup, readable with the key: the search above could have found them.
    const copy = openEncrypted(join(o.core.paths.backups, list.backups[0]!.name), key(o));
    expect((copy.prepare('SELECT display_name FROM users').all() as { display_name: string }[]).map((r) => r.display_name)).toEqual(
      expect.arrayContaining(CANARY),
    );
    copy.close();

    // Lowering keep prunes at once; each backup is audited.
    await o.call('backup.settings.update', { intervalHours: 12, keep: 1 });
    expect(listBackupFiles(o.core.paths.backups).map((b) => b.name)).toEqual([made[4]]);
    expect((await o.call('audit.list', { action: 'backup.create' })).total).toBe(5);
  });

  it('is for administrators only', async () => {
    const o = await office();
    await o.addUser('sato', '佐藤 花子');
    o.core.lock('manual');
    await o.call('session.unlock', { login: 'sato', passphrase: 'officer passphrase 1' });
    for (const call of [
      () => o.call('backup.list', {}),
      () => o.call('backup.create', {}),
      () => o.call('backup.settings.update', { intervalHours: 1, keep: 1 }),
      () => o.call('backup.restore', { name: 'manual-20261126T000000000Z-v7.db' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(existsSync(o.core.paths.backups) ? readdirSync(o.core.paths.backups) : []).toEqual([]);
  });

  it('rejects names that are not a backup in the folder', async () => {
    const o = await office();
    for (const name of ['../office.db', 'office.db', 'manual-x.db', '/etc/passwd']) {
      await expect(o.call('backup.restore', { name })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(o.call('backup.restore', { name: 'manual-20261126T000000000Z-v7.db' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('restore', () => {
  it('round trip: the backup comes back, the current database is kept aside, sequence and clock move forward', async () => {
    const o = await office();
    await o.addUser('before', '前 一郎');
    const backup = await o.call('backup.create', {});
    o.clock.advance(HOUR);
    await o.addUser('after', '後 二郎');
    const seqBefore = Number((o.db().prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string }).value);
    const lastHlc = (o.db().prepare('SELECT max(hlc) h FROM change_log').get() as { h: string }).h;
    const logins = () => (o.db().prepare('SELECT login FROM users ORDER BY login').all() as { login: string }[]).map((r) => r.login);
    expect(logins()).toEqual(['admin', 'after', 'before']);

    o.clock.advance(HOUR);
    const result = await o.call('backup.restore', { name: backup.name });
    expect(result.restored).toBe(backup.name);
    expect(result.aside).toMatch(/^aside-\d{8}T\d{9}Z-v\d+\.db$/);
    expect(logins()).toEqual(['admin', 'before']);
    expect(o.core.isUnlocked()).toBe(true);

    // The replaced database is intact in the backups folder and still has the later user.
    const aside = openEncrypted(join(o.core.paths.backups, result.aside), key(o));
    expect(aside.prepare("SELECT count(*) n FROM users WHERE login = 'after'").get()).toEqual({ n: 1 });
    aside.close();
    const kinds = (await o.call('backup.list', {})).backups.map((b) => [b.name, b.kind]);
    expect(kinds).toEqual(expect.arrayContaining([[result.aside, 'aside'], [backup.name, 'manual']]));

    // Audited in the restored database, whose chain still verifies.
    const audit = await o.call('audit.list', { action: 'backup.restore' });
    expect(audit.rows[0]?.after).toMatchObject({ restored: backup.name, aside: result.aside });
    expect((await o.call('audit.verify', {})).ok).toBe(true);

    // The next change never reuses a sequence number or a clock stamp the old database handed out.
    await o.addUser('later', '後日 三郎');
    const newOps = o.db().prepare("SELECT seq, hlc FROM change_log WHERE row_id = (SELECT id FROM users WHERE login = 'later')").all() as {
      seq: number;
      hlc: string;
    }[];
    expect(newOps.length).toBeGreaterThan(0);
    expect(Math.min(...newOps.map((r) => r.seq))).toBeGreaterThanOrEqual(seqBefore);
    expect(newOps.every((r) => r.hlc > lastHlc)).toBe(true);

    // Also after locking and unlocking again (the clock floor is in the database, not in memory).
    o.core.lock('manual');
    o.clock.advance(-3 * HOUR);
    await o.call('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await o.addUser('evenlater', '後日 四郎');
    const hlc = (o.db().prepare('SELECT max(hlc) h FROM change_log').get() as { h: string }).h;
    expect(hlc > lastHlc).toBe(true);
  });

  it('refuses a damaged, foreign, newer or tampered backup and changes nothing', async () => {
    const o = await office();
    await o.addUser('keep', '残 一郎');
    const good = await o.call('backup.create', {});
    const dir = o.core.paths.backups;
    const variants: { name: string; code: string; prepare: (file: string) => void | Promise<void> }[] = [
      {
        name: 'manual-20261126T010000000Z-v1.db',
        code: 'BACKUP_DAMAGED',
        prepare: (file) => {
          const bytes = readFileSync(join(dir, good.name));
          for (let i = 8192; i < bytes.length; i += 1024) bytes[i] = bytes[i]! ^ 0xff;
          writeFileSync(file, bytes);
        },
      },
      {
        name: 'manual-20261126T020000000Z-v1.db',
        code: 'BACKUP_UNREADABLE',
        prepare: (file) => writeFileSync(file, readFileSync(join(dir, good.name)).subarray(0, 1000)),
      },
      {
        name: 'manual-20261126T030000000Z-v1.db',
        code: 'BACKUP_TOO_NEW',
        prepare: (file) => {
          copyFileSync(join(dir, good.name), file);
          tamper(o, 'manual-20261126T030000000Z-v1.db', 'PRAGMA user_version = 999');
        },
      },
      {
        name: 'manual-20261126T040000000Z-v1.db',
        code: 'BACKUP_AUDIT_BROKEN',
        prepare: (file) => {
          copyFileSync(join(dir, good.name), file);
          tamper(o, 'manual-20261126T040000000Z-v1.db', "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'x' WHERE id = 1");
        },
      },
      {
        // Another office's key does not even open it.
        name: 'manual-20261126T050000000Z-v1.db',
        code: 'BACKUP_UNREADABLE',
        prepare: async (file) => {
          const other = await setupOffice(join(t.dir, 'other'));
          await other.call('backup.create', {});
          copyFileSync(join(other.core.paths.backups, readdirSync(other.core.paths.backups)[0]!), file);
          other.core.lock('manual');
        },
      },
      {
        name: 'manual-20261126T060000000Z-v1.db',
        code: 'BACKUP_OTHER_OFFICE',
        prepare: (file) => {
          copyFileSync(join(dir, good.name), file);
          tamper(o, 'manual-20261126T060000000Z-v1.db', "UPDATE meta SET value = 'another-device' WHERE key = 'device_id'");
        },
      },
    ];
    for (const v of variants) {
      await v.prepare(join(dir, v.name));
      const before = o.contentHash();
      const dbFile = () => {
        o.core.context().db.pragma('wal_checkpoint(TRUNCATE)');
        return createHash('sha256').update(readFileSync(o.core.paths.db)).digest('hex');
      };
      const dbBytes = dbFile();
      const files = readdirSync(dir).sort();
      await expect(o.call('backup.restore', { name: v.name }), v.code).rejects.toMatchObject({ code: v.code });
      expect(o.core.isUnlocked()).toBe(true);
      expect(o.contentHash()).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(files);
      expect(dbFile()).toBe(dbBytes);
    }
    // The good one still restores after all that.
    await expect(o.call('backup.restore', { name: good.name })).resolves.toMatchObject({ restored: good.name });
  });

  it('installing is crash-safe: if the copy cannot be put in place, office.db is untouched and nothing is left aside', async () => {
    const o = await office();
    await o.addUser('still', '在 一郎');
    o.core.lock('manual');
    const db = o.core.paths.db;
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const aside = join(o.core.paths.backups, 'aside-20261126T000000000Z-v1.db');
    mkdirSync(o.core.paths.backups, { recursive: true });
    expect(() => setAsideAndInstall(db, aside, join(t.dir, 'no-such-copy.db'))).toThrow();
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
    expect(existsSync(aside)).toBe(false);
    await o.call('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(o.db().prepare("SELECT count(*) n FROM users WHERE login = 'still'").get()).toEqual({ n: 1 });
  });
});
