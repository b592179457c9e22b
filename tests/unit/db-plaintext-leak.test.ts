import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup';
import { setupOffice, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// Distinctive strings in ASCII, UTF-8 kanji and UTF-16 forms: none may appear on disk.
const NAMES = ['Zyxwvutsrq Plaintextcanary', '鏑木沙羅衛門', 'ｶﾌﾞﾗｷﾞｻﾗｴﾓﾝ'];

function needles(s: string): Buffer[] {
  return [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')];
}

describe('plaintext leak', () => {
  it('finds no seeded name in the database, WAL or backup files', async () => {
    const office = await setupOffice(t.dir);
    for (const [i, name] of NAMES.entries()) {
      await office.call('users.add', { login: `user${i}`, displayName: name, role: 'officer', passphrase: 'officer passphrase 1' });
    }
    backupDatabase(office.core.context().db, join(office.core.paths.backups, 'manual.db'));
    const walWhileOpen = readFileSync(`${office.core.paths.db}-wal`);
    office.core.lock('manual');

    const files = [office.core.paths.db, `${office.core.paths.db}-wal`, office.core.paths.slots, office.core.paths.guard]
      .filter(existsSync)
      .concat(readdirSync(office.core.paths.backups).map((f) => join(office.core.paths.backups, f)));
    expect(files.length).toBeGreaterThanOrEqual(3);
    let hits = 0;
    for (const f of [...files.map((f) => readFileSync(f)), walWhileOpen]) {
      for (const name of NAMES) for (const n of needles(name)) if (f.includes(n)) hits += 1;
    }
    expect(hits).toBe(0);
    // The test can find what it looks for: the same names are readable through the services.
    await office.call('session.unlock', { login: 'admin', passphrase: 'correct horse battery staple' });
    expect((await office.call('users.list', {})).map((u) => u.displayName)).toEqual(expect.arrayContaining(NAMES));
  });
});
