import { sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPairs, keyIdOf, privateKeys, publicKeyOf, readIdentity } from '../../db/sync/identity';
import { failure } from '../helpers/contacts';
import { ADMIN, newCore, setupOffice, tempDir } from '../helpers/office';

describe('sync identity: device id and keys', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-id-')));
  afterEach(() => t.cleanup());

  it('key pairs are Ed25519 and X25519, and the key id is 16 hex of SHA-256 over both public keys', () => {
    const k = generateKeyPairs();
    expect(publicKeyOf(k.signPublic, 'ed25519')).not.toBeNull();
    expect(publicKeyOf(k.boxPublic, 'x25519')).not.toBeNull();
    // The wrong kind, or garbage, is not a key.
    expect(publicKeyOf(k.signPublic, 'x25519')).toBeNull();
    expect(publicKeyOf(Buffer.from('not a key'), 'ed25519')).toBeNull();
    expect(k.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(k.keyId).toBe(keyIdOf(k.signPublic, k.boxPublic));
    expect(keyIdOf(k.boxPublic, k.signPublic)).not.toBe(k.keyId);
    expect(generateKeyPairs().keyId).not.toBe(k.keyId);
  });

  it('office setup makes the office identity; its private key signs what its public key verifies', async () => {
    const office = await setupOffice(join(t.dir, 'office'));
    const db = office.core.context().db;
    const id = readIdentity(db)!;
    const meta = db.prepare("SELECT key, value FROM meta WHERE key IN ('office_id', 'device_id')").all() as { key: string; value: string }[];
    const m = Object.fromEntries(meta.map((r) => [r.key, r.value]));
    expect(id).toMatchObject({ role: 'office', officeId: m.office_id, deviceId: m.device_id, officeName: '東京保護観察所', intervalHours: 4, folder: null });
    const keys = privateKeys(db);
    const sig = sign(null, Buffer.from('x'), keys.sign);
    expect(verify(null, Buffer.from('x'), publicKeyOf(id.signPublic, 'ed25519')!, sig)).toBe(true);
    // Keys survive a lock and unlock (they live in the encrypted database).
    office.core.lock('manual');
    await office.call('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(readIdentity(office.core.context().db)!.keyId).toBe(id.keyId);
  });

  it('a joining laptop has keys but no office until enrolment; its local user is an officer', async () => {
    const laptop = newCore(join(t.dir, 'laptop'));
    const { user, recoveryCode } = await laptop.call('session.join', { login: 'sato', displayName: '佐藤 花子', passphrase: 'officer sato passphrase' });
    expect(user.role).toBe('officer');
    expect(recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const status = await laptop.call('sync.status', {});
    expect(status).toMatchObject({ role: 'laptop', officeId: null, enrolled: false, lastExport: null, openConflicts: 0, clockAhead: 0, clockAheadLatest: null });
    expect(status.keyId).toMatch(/^[0-9a-f]{16}$/);
    await expect(laptop.call('session.join', { login: 'sato', displayName: '佐藤', passphrase: 'officer sato passphrase' })).rejects.toMatchObject(
      failure('OFFICE_EXISTS'),
    );
    // The interval is checked at the boundary.
    await expect(laptop.call('sync.settings.update', { intervalHours: 25 })).rejects.toMatchObject(failure('INVALID_INPUT'));
    // Folders and files are absolute paths.
    await expect(laptop.call('sync.settings.update', { folder: 'usb/sync' })).rejects.toMatchObject(failure('INVALID_INPUT'));
    await expect(laptop.call('sync.import', { paths: ['../x.hogosync'] })).rejects.toMatchObject(failure('INVALID_INPUT'));
    expect((await laptop.call('sync.settings.update', { folder: 'E:\\hogo-sync' })).folder).toBe('E:\\hogo-sync');
  });

  it('a demo office takes no part in sync', async () => {
    const { core, call } = newCore(join(t.dir, 'demo'));
    await core.setup({ officeName: 'デモ', adminLogin: 'demo', adminDisplayName: 'デモ', passphrase: 'demo-office-2026' }, { demo: true });
    expect(await call('sync.status', {})).toMatchObject({ role: null, keyId: null, enrolled: false });
    await expect(call('sync.enrol.request', {})).rejects.toMatchObject(failure('SYNC_WRONG_ROLE'));
    await expect(call('sync.export', {})).rejects.toMatchObject(failure('SYNC_WRONG_ROLE'));
  });
});
