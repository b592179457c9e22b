import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSlots } from '../../db/keyslots';
import { ADMIN, setupOffice, tempDir } from '../helpers/office';
import type { ChangeLogRow } from '../../db/sync/ops';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer' as const, passphrase: 'officer temporary pass' };

describe('users and roles', () => {
  it('adds an officer who can sign in, but whom the services refuse admin calls', async () => {
    const office = await setupOffice(t.dir);
    const officer = await office.call('users.add', OFFICER);
    expect(officer).toMatchObject({ login: 'sato', role: 'officer', active: true });
    await expect(office.call('users.add', { ...OFFICER, displayName: 'x' })).rejects.toMatchObject({ code: 'LOGIN_TAKEN' });
    office.core.lock('manual');
    await office.call('session.unlock', { login: 'sato', passphrase: OFFICER.passphrase });
    for (const [channel, input] of [
      ['users.list', {}],
      ['users.add', { ...OFFICER, login: 'other' }],
      ['audit.list', {}],
      ['audit.verify', {}],
      ['settings.update', { idleMinutes: 30 }],
    ] as const) {
      await expect(office.call(channel, input as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await office.call('settings.get', {})).toEqual({ idleMinutes: 15 });
  });

  it('changes only the own slot on a passphrase change', async () => {
    const office = await setupOffice(t.dir);
    const officer = await office.call('users.add', OFFICER);
    const before = readSlots(office.core.paths.slots).slots;
    office.core.lock('manual');
    await office.call('session.unlock', { login: 'sato', passphrase: OFFICER.passphrase });
    await expect(
      office.call('users.changeOwnPassphrase', { currentPassphrase: 'not my passphrase', newPassphrase: 'my own new passphrase' }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await office.call('users.changeOwnPassphrase', {
      currentPassphrase: OFFICER.passphrase,
      newPassphrase: 'my own new passphrase',
    });
    const after = readSlots(office.core.paths.slots).slots;
    expect(after.filter((s) => s.userId !== officer.id)).toEqual(before.filter((s) => s.userId !== officer.id));
    expect(after.find((s) => s.userId === officer.id)).not.toEqual(before.find((s) => s.userId === officer.id));
    office.core.lock('manual');
    await office.call('session.unlock', { login: 'sato', passphrase: 'my own new passphrase' });
  });

  it('disables a user (their slot is removed), re-enables with a new passphrase, and resets a passphrase', async () => {
    const office = await setupOffice(t.dir);
    const officer = await office.call('users.add', OFFICER);
    const disabled = await office.call('users.setActive', { userId: officer.id, active: false });
    expect(disabled.active).toBe(false);
    expect(readSlots(office.core.paths.slots).slots.some((s) => s.userId === officer.id)).toBe(false);
    office.core.lock('manual');
    await expect(office.call('session.unlock', { login: 'sato', passphrase: OFFICER.passphrase })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await office.call('session.unlock', { login: 'admin', passphrase: ADMIN.passphrase });
    await expect(office.call('users.setActive', { userId: officer.id, active: true } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await office.call('users.setActive', { userId: officer.id, active: true, passphrase: 'welcome back passphrase' });
    await office.call('users.resetPassphrase', { userId: officer.id, passphrase: 'reset by the admin 1' });
    office.core.lock('manual');
    await office.call('session.unlock', { login: 'sato', passphrase: 'reset by the admin 1' });
  });

  it('never leaves the office without an active administrator, and an admin cannot disable themself', async () => {
    const office = await setupOffice(t.dir);
    const me = (await office.call('users.list', {}))[0]!;
    await expect(office.call('users.setActive', { userId: me.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const second = await office.call('users.add', { ...OFFICER, login: 'admin2', role: 'administrator' });
    await office.call('users.setActive', { userId: second.id, active: false });
  });

  it('writes nothing when the slots file cannot be updated (one transaction for row, audit, change log)', async () => {
    const office = await setupOffice(t.dir);
    const db = office.core.context().db;
    const count = () =>
      db.prepare('SELECT (SELECT count(*) FROM users) u, (SELECT count(*) FROM audit_log) a, (SELECT count(*) FROM change_log) c').get();
    const before = count();
    const good = readSlots(office.core.paths.slots);
    // Break the slots file between the async key wrap and the transaction.
    const add = office.call('users.add', OFFICER);
    writeFileSync(office.core.paths.slots, 'broken');
    await expect(add).rejects.toMatchObject({ code: 'SLOTS_MALFORMED' });
    expect(count()).toEqual(before);
    writeFileSync(office.core.paths.slots, JSON.stringify(good));
    await office.call('users.add', OFFICER);
    expect(count()).not.toEqual(before);
  });

  it('records one change-log op per written row, with a per-device sequence and increasing HLC', async () => {
    const office = await setupOffice(t.dir);
    const officer = await office.call('users.add', OFFICER);
    await office.call('users.setActive', { userId: officer.id, active: false });
    const db = office.core.context().db;
    const ops = db.prepare('SELECT * FROM change_log ORDER BY seq').all() as ChangeLogRow[];
    expect(ops.map((o) => o.seq)).toEqual(ops.map((_, i) => i + 1));
    expect(new Set(ops.map((o) => o.device_id)).size).toBe(1);
    expect([...ops.map((o) => o.hlc)].sort()).toEqual(ops.map((o) => o.hlc));
    const officerOps = ops.filter((o) => o.row_id === officer.id);
    expect(officerOps).toHaveLength(2);
    const [created, disabled] = officerOps.map((o) => ({ ...o, fields: JSON.parse(o.fields) as Record<string, unknown> }));
    // The insert names every field it set (no secrets: key slots live outside the users table).
    expect(Object.keys(created!.fields)).toEqual(['active', 'created_at', 'display_name', 'login', 'role', 'updated_at']);
    expect(created!.fields).toMatchObject({ login: OFFICER.login, role: 'officer', active: 1 });
    expect(created!.bases).toBeNull();
    // The update names only what changed, and the clock of each value it overwrote.
    expect(Object.keys(disabled!.fields)).toEqual(['active', 'updated_at']);
    expect(disabled!.fields.active).toBe(0);
    expect(JSON.parse(disabled!.bases!)).toEqual({ active: created!.hlc, updated_at: created!.hlc });
  });
});

describe('staff directory', () => {
  it('lists active colleagues to every role, without logins, and leaves disabled users out', async () => {
    const office = await setupOffice(t.dir);
    const officer = await office.call('users.add', OFFICER);
    const other = await office.call('users.add', { ...OFFICER, login: 'kato', displayName: '加藤 次郎' });
    await office.call('users.setActive', { userId: other.id, active: false });
    office.core.lock('manual');
    await office.call('session.unlock', { login: 'sato', passphrase: OFFICER.passphrase });
    const staff = await office.call('users.staff', {});
    expect(staff).toEqual(
      expect.arrayContaining([
        { id: officer.id, displayName: '佐藤 花子', role: 'officer' },
        expect.objectContaining({ displayName: ADMIN.displayName, role: 'administrator' }),
      ]),
    );
    expect(staff.map((s) => s.id)).not.toContain(other.id);
    expect(Object.keys(staff[0]!)).toEqual(['id', 'displayName', 'role']);
  });
});

describe('dispatcher envelopes', () => {
  it('rejects unknown channels and invalid input with specific codes, and never throws', async () => {
    const office = await setupOffice(t.dir);
    expect(await office.dispatch('users.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await office.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await office.dispatch('users.add', { login: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await office.dispatch('settings.update', { idleMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'idleMinutes' } },
    });
    expect(await office.dispatch('settings.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await office.dispatch('settings.get', 'nonsense')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await office.dispatch('settings.get', {})).toEqual({ ok: true, value: { idleMinutes: 15 } });
  });
});
