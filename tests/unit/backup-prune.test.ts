/**
 * Pruning the backups folder: the copies a restore sets aside and the copies taken before a schema
 * migration keep only the newest few, the copy just written is never deleted (even when a clock
 * set back makes it look oldest), and nothing that is not ours by name and type is ever touched.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_ASIDE, KEEP_MIGRATION, listBackupFiles } from '../../db/backup';
import { defaultMigrationsDir } from '../../db/migrate';
import { openEncrypted } from '../../db/open';
import { ADMIN, fakeClock, newCore, setupOffice, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-backup-prune-')));
afterEach(() => t.cleanup());

const HOUR = 3_600_000;

/**
 * Files in the backups folder that look like ours but are not: other extensions, an impossible
 * date, other case, a folder and a link (to a file outside) with a backup's name, a half-written
 * copy. All dated 2025, older than anything the tests write, so a prune that took them for
 * backups would delete them first.
 */
function plantForeign(dir: string, outside: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [
    'aside-notes.txt',
    'aside-20250101T000000000Z-v1.db.bak',
    'aside-20251399T000000000Z-v1.db',
    'Aside-20250102T000000000Z-v1.db',
    'office-before-v2-from-v1-2025-01-01T000000000Z.db.partial',
    'office-before-v2-from-v1-2025-13-01T000000000Z.db',
    'manual-20250103T000000000Z-v1.db.partial',
  ];
  for (const f of files) writeFileSync(join(dir, f), 'not a backup');
  mkdirSync(join(dir, 'aside-20250104T000000000Z-v1.db'));
  mkdirSync(join(dir, 'office-before-v2-from-v1-2025-01-05T000000000Z.db'));
  writeFileSync(outside, 'someone else’s file');
  symlinkSync(outside, join(dir, 'aside-20250106T000000000Z-v1.db'));
  symlinkSync(outside, join(dir, 'manual-20250107T000000000Z-v1.db'));
  symlinkSync(outside, join(dir, 'office-before-v2-from-v1-2025-01-08T000000000Z.db'));
  return [
    ...files,
    'aside-20250104T000000000Z-v1.db',
    'office-before-v2-from-v1-2025-01-05T000000000Z.db',
    'aside-20250106T000000000Z-v1.db',
    'manual-20250107T000000000Z-v1.db',
    'office-before-v2-from-v1-2025-01-08T000000000Z.db',
  ];
}

function expectForeignIntact(dir: string, foreign: string[], outside: string) {
  const present = readdirSync(dir);
  for (const f of foreign) expect(present, f).toContain(f);
  expect(existsSync(outside)).toBe(true);
}

describe('pruning the copies a restore sets aside', () => {
  it(`keeps the newest ${KEEP_ASIDE}, always the one just set aside, and nothing that is not ours`, async () => {
    const clock = fakeClock();
    const o = await setupOffice(t.dir, { now: clock.now });
    const dir = o.core.paths.backups;
    const outside = join(t.dir, 'outside.txt');
    const foreign = plantForeign(dir, outside);
    const backup = await o.call('backup.create', {});

    const asides: string[] = [];
    for (let i = 0; i < KEEP_ASIDE + 2; i++) {
      clock.advance(HOUR);
      const r = await o.call('backup.restore', { name: backup.name });
      asides.push(r.aside);
      expect(existsSync(join(dir, r.aside))).toBe(true);
      // The oldest aside copy gets a stray -wal beside it, which goes with it when it is pruned.
      if (i === 0) writeFileSync(join(dir, `${r.aside}-wal`), 'wal');
    }
    const kept = listBackupFiles(dir).filter((b) => b.kind === 'aside').map((b) => b.name);
    expect(kept).toEqual(asides.slice(-KEEP_ASIDE).reverse());
    expect(existsSync(join(dir, `${asides[0]}-wal`))).toBe(false);
    // The backup restored from is a generation, not an aside copy: untouched.
    expect(existsSync(join(dir, backup.name))).toBe(true);
    expectForeignIntact(dir, foreign, outside);

    // Each restore's audit entry says how many were pruned: a count, no names or contents.
    const audit = await o.call('audit.list', { action: 'backup.restore' });
    expect(audit.rows[0]?.after).toMatchObject({ aside: asides.at(-1), prunedAside: 1 });

    // A clock set back: the new aside copy looks oldest, and is still the one kept.
    clock.advance(-10 * HOUR);
    const late = await o.call('backup.restore', { name: backup.name });
    const after = listBackupFiles(dir).filter((b) => b.kind === 'aside').map((b) => b.name);
    expect(after).toHaveLength(KEEP_ASIDE);
    expect(after).toContain(late.aside);
    expect(after).toEqual(expect.arrayContaining(asides.slice(-(KEEP_ASIDE - 1))));
    expectForeignIntact(dir, foreign, outside);
  });
});

describe('restores in the same millisecond', () => {
  it('set each replaced database aside under its own name, never over the previous one', async () => {
    const clock = fakeClock();
    const o = await setupOffice(t.dir, { now: clock.now });
    const backup = await o.call('backup.create', {});
    await o.call('users.add', { login: 'first', displayName: '一 太郎', role: 'officer', passphrase: 'officer passphrase 1' });
    const one = await o.call('backup.restore', { name: backup.name });
    const two = await o.call('backup.restore', { name: backup.name });
    expect(two.aside).not.toBe(one.aside);
    // The first aside copy still holds the user the restore took away.
    const aside = openEncrypted(join(o.core.paths.backups, one.aside), Buffer.from(o.core.keyring().dbKey));
    expect(aside.prepare("SELECT count(*) AS n FROM users WHERE login = 'first'").get()).toEqual({ n: 1 });
    aside.close();
  });
});

describe('pruning generations', () => {
  it('never deletes the backup just written, even when a clock set back makes it the oldest', async () => {
    const clock = fakeClock();
    const o = await setupOffice(t.dir, { now: clock.now });
    await o.call('backup.settings.update', { intervalHours: 24, keep: 2 });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push((await o.call('backup.create', {})).name);
      clock.advance(HOUR);
    }
    clock.advance(-5 * HOUR);
    const late = await o.call('backup.create', {});
    const names = listBackupFiles(o.core.paths.backups).map((b) => b.name);
    expect(names).toEqual([made[2], late.name]);
  });
});

describe('pruning the copies taken before a migration', () => {
  it(`keeps the newest ${KEEP_MIGRATION}, always the one just taken, and nothing that is not ours`, async () => {
    const clock = fakeClock();
    const migrations = join(t.dir, 'migrations');
    mkdirSync(migrations);
    const shipped = readdirSync(defaultMigrationsDir()).filter((f) => f.endsWith('.sql'));
    for (const f of shipped) copyFileSync(join(defaultMigrationsDir(), f), join(migrations, f));
    const data = join(t.dir, 'office');
    const first = await setupOffice(data, { now: clock.now, migrationsDir: migrations });
    const dir = first.core.paths.backups;
    const outside = join(t.dir, 'outside.txt');
    const foreign = plantForeign(dir, outside);
    first.core.lock('manual');

    /** An app update: one more migration, then the administrator unlocks with the new version. */
    async function update(n: number) {
      const version = shipped.length + n;
      writeFileSync(join(migrations, `${String(version).padStart(4, '0')}_extra_${n}.sql`), `CREATE TABLE extra_${n} (a TEXT);`);
      const o = newCore(data, { now: clock.now, migrationsDir: migrations });
      await o.call('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
      o.core.lock('manual');
      const taken = listBackupFiles(dir).filter((b) => b.kind === 'migration' && b.name.includes(`-from-v${version - 1}-`));
      expect(taken).toHaveLength(1);
      return taken[0]!.name;
    }

    const taken: string[] = [];
    for (let n = 1; n <= KEEP_MIGRATION + 2; n++) {
      clock.advance(HOUR);
      taken.push(await update(n));
      expect(existsSync(join(dir, taken.at(-1)!))).toBe(true);
    }
    const kept = () => listBackupFiles(dir).filter((b) => b.kind === 'migration').map((b) => b.name);
    expect(kept()).toEqual(taken.slice(-KEEP_MIGRATION).reverse());
    expectForeignIntact(dir, foreign, outside);

    // A clock set back: the newest copy looks oldest and is kept.
    clock.advance(-24 * HOUR);
    const late = await update(KEEP_MIGRATION + 3);
    expect(kept()).toHaveLength(KEEP_MIGRATION);
    expect(kept()).toContain(late);
    expectForeignIntact(dir, foreign, outside);
  });
});
