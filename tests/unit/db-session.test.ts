import { randomBytes, createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../db/guard';
import { DEFAULT_KDF } from '../../db/keyslots';
import { ADMIN, fakeClock, newCore, setupOffice, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const hashOf = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('first run, lock and unlock', () => {
  it('starts with no office, sets one up unlocked as the administrator, and shows a recovery code', async () => {
    const office = newCore(t.dir);
    expect((await office.call('session.status', {})).state).toBe('no-office');
    const { recoveryCode, user } = await office.call('session.setup', {
      officeName: '横浜保護観察所',
      adminLogin: 'Admin',
      adminDisplayName: '管理者',
      passphrase: ADMIN.passphrase,
    });
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(user).toMatchObject({ login: 'admin', role: 'administrator' });
    const status = await office.call('session.status', {});
    expect(status).toMatchObject({ state: 'unlocked', officeName: '横浜保護観察所', idleMinutes: 15 });
    expect(statSync(office.core.paths.slots).mode & 0o777).toBe(0o600);
    expect(statSync(office.core.paths.db).mode & 0o777).toBe(0o600);
  });

  it('refuses a weak passphrase at setup and leaves nothing on disk', async () => {
    const office = newCore(t.dir);
    await expect(
      office.call('session.setup', { officeName: 'x', adminLogin: 'admin', adminDisplayName: 'a', passphrase: 'short' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect((await office.call('session.status', {})).state).toBe('no-office');
  });

  it('refuses a second setup over an existing office', async () => {
    const office = await setupOffice(t.dir);
    office.core.lock('manual');
    const before = hashOf(office.core.paths.db);
    await expect(
      office.call('session.setup', { officeName: 'x', adminLogin: 'admin2', adminDisplayName: 'a', passphrase: ADMIN.passphrase }),
    ).rejects.toMatchObject({ code: 'OFFICE_EXISTS' });
    expect(hashOf(office.core.paths.db)).toBe(before);
  });

  it('locks, refuses a wrong passphrase, unlocks with the right one', async () => {
    const office = await setupOffice(t.dir);
    await office.call('session.lock', {});
    const locked = await office.call('session.status', {});
    expect(locked).toMatchObject({ state: 'locked', officeName: '東京保護観察所', lockedUntil: null });
    await expect(office.call('users.list', {})).rejects.toMatchObject({ code: 'NOT_UNLOCKED' });
    await expect(office.call('session.unlock', { login: 'admin', passphrase: 'wrong passphrase!!' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      details: { failedAttempts: 1 },
    });
    await expect(office.call('session.unlock', { login: 'nobody', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    const user = await office.call('session.unlock', { login: 'ADMIN', passphrase: ADMIN.passphrase });
    expect(user.login).toBe('admin');
    // The failures before this unlock are now in the audit trail.
    const audit = await office.call('audit.list', { limit: 50 });
    expect(audit.rows.filter((r) => r.action === 'session.unlock.failed')).toHaveLength(2);
    expect(audit.rows.map((r) => r.action)).toContain('session.lock');
  });

  it('locks out for 10 minutes after 5 failures, and the lockout survives a restart', async () => {
    const clock = fakeClock();
    const office = await setupOffice(t.dir, { now: clock.now });
    office.core.lock('manual');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      await expect(office.call('session.unlock', { login: 'admin', passphrase: `wrong-${i}-passphrase` })).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
      });
    }
    await expect(office.call('session.unlock', { login: 'admin', passphrase: 'wrong-5-passphrase' })).rejects.toMatchObject({
      code: 'LOCKED_OUT',
    });
    // A new process (restart) with the right passphrase is still refused.
    const restarted = newCore(t.dir, { now: clock.now });
    const status = await restarted.call('session.status', {});
    expect(status.state === 'locked' && status.lockedUntil).toBe(new Date(clock.now() + LOCKOUT_MS).toISOString());
    await expect(restarted.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'LOCKED_OUT',
    });
    clock.advance(LOCKOUT_MS + 1);
    await expect(restarted.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).resolves.toMatchObject({
      login: 'admin',
    });
    const actions = (await restarted.call('audit.list', { limit: 100 })).rows.map((r) => r.action);
    expect(actions).toContain('session.unlock.lockout');
  });

  it('locks itself after the idle time, closing the database and telling the renderer', async () => {
    const clock = fakeClock();
    const events: string[] = [];
    const office = await setupOffice(t.dir, { now: clock.now, onEvent: (e, p) => events.push(`${e}:${'reason' in p ? p.reason : ''}`) });
    await office.call('settings.update', { idleMinutes: 5 });
    clock.advance(4 * 60_000);
    office.core.checkIdle();
    expect(office.core.isUnlocked()).toBe(true);
    await office.call('session.touch', {});
    clock.advance(4 * 60_000);
    office.core.checkIdle();
    expect(office.core.isUnlocked()).toBe(true);
    clock.advance(60_000);
    office.core.checkIdle();
    expect(office.core.isUnlocked()).toBe(false);
    expect(events).toEqual(['session.locked:idle']);
    await expect(office.call('settings.get', {})).rejects.toMatchObject({ code: 'NOT_UNLOCKED' });
  });

  it('recovers with the recovery code: the administrator gets a new passphrase', async () => {
    const office = await setupOffice(t.dir);
    office.core.lock('manual');
    await expect(
      office.call('session.recover', { login: 'admin', recoveryCode: 'AAAA-BBBB', newPassphrase: 'a brand new passphrase' }),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_CODE' });
    const sloppy = office.recoveryCode.toLowerCase().replace(/-/g, ' ');
    await office.call('session.recover', { login: 'admin', recoveryCode: sloppy, newPassphrase: 'a brand new passphrase' });
    office.core.lock('manual');
    await expect(office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await office.call('session.unlock', { login: 'admin', passphrase: 'a brand new passphrase' });
  });

  it('keeps the production KDF at scrypt N=2^17 or stronger', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_KDF.r).toBeGreaterThanOrEqual(8);
  });
});

describe('bad files on disk', () => {
  it('reports a missing slots file and a malformed one, without touching the database', async () => {
    const office = await setupOffice(t.dir);
    office.core.lock('manual');
    const dbHash = hashOf(office.core.paths.db);
    const slots = readFileSync(office.core.paths.slots);
    writeFileSync(office.core.paths.slots, '{"format":"hogo-case-keyslots","version":1}');
    expect(await office.call('session.status', {})).toMatchObject({ state: 'error', error: { code: 'SLOTS_MALFORMED' } });
    await expect(office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'SLOTS_MALFORMED',
    });
    writeFileSync(office.core.paths.slots, 'not json');
    expect(await office.call('session.status', {})).toMatchObject({ state: 'error', error: { code: 'SLOTS_MALFORMED' } });
    rmSync(office.core.paths.slots);
    expect(await office.call('session.status', {})).toMatchObject({ state: 'error', error: { code: 'SLOTS_MISSING' } });
    await expect(office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'SLOTS_MISSING',
    });
    expect(hashOf(office.core.paths.db)).toBe(dbHash);
    writeFileSync(office.core.paths.slots, slots);
    await office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase });
  });

  it('reports a corrupted database file and a plaintext one, without writing to them', async () => {
    const office = await setupOffice(t.dir);
    office.core.lock('manual');
    writeFileSync(office.core.paths.db, randomBytes(16384));
    rmSync(`${office.core.paths.db}-wal`, { force: true });
    const junk = hashOf(office.core.paths.db);
    await expect(office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'DB_CORRUPT',
    });
    expect(hashOf(office.core.paths.db)).toBe(junk);
    writeFileSync(office.core.paths.db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]));
    expect(await office.call('session.status', {})).toMatchObject({ state: 'error', error: { code: 'DB_PLAINTEXT' } });
  });

  it('refuses a database written by a newer app version with DB_TOO_NEW', async () => {
    const office = await setupOffice(t.dir);
    office.core.context().db.pragma('user_version = 999');
    office.core.lock('manual');
    await expect(office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase })).rejects.toMatchObject({
      code: 'DB_TOO_NEW',
    });
    expect(office.core.isUnlocked()).toBe(false);
  });
});
