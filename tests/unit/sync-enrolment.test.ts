import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCore, tempDir } from '../helpers/office';
import { caseworkOffice, failure, STAFF } from '../helpers/contacts';
import { joinLaptop } from '../helpers/sync';

describe('enrolment: a laptop joins the office', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-enrol-')));
  afterEach(() => t.cleanup());

  async function officeWithFolder() {
    const office = await caseworkOffice(join(t.dir, 'office'));
    const folder = join(t.dir, 'sync');
    mkdirSync(folder);
    await office.call('sync.settings.update', { folder });
    return { office, folder };
  }

  it('exchanges signed files both ways; the laptop becomes the officer and keeps its own passphrase', async () => {
    const { office, folder } = await officeWithFolder();
    const laptop = await joinLaptop(join(t.dir, 'laptop'), office, 'sato', folder);

    const officeStatus = await office.call('sync.status', {});
    const laptopStatus = await laptop.call('sync.status', {});
    expect(officeStatus).toMatchObject({ role: 'office', enrolled: true });
    expect(laptopStatus).toMatchObject({ role: 'laptop', enrolled: true, officeId: officeStatus.officeId, folder });
    expect(laptopStatus.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(laptopStatus.keyId).not.toBe(officeStatus.keyId);

    // The office lists the laptop for sato; the laptop lists the office.
    const devices = await office.call('sync.devices.list', {});
    expect(devices).toEqual([
      expect.objectContaining({ deviceId: laptopStatus.deviceId, role: 'laptop', officerId: office.ids.sato, officerName: STAFF.sato.displayName, keyId: laptopStatus.keyId, status: 'active' }),
    ]);
    expect(await laptop.call('sync.devices.list', {})).toEqual([
      expect.objectContaining({ deviceId: officeStatus.deviceId, role: 'office', keyId: officeStatus.keyId, status: 'active' }),
    ]);

    // The session already acts as the office's user; after a lock the same passphrase opens it as them.
    const me = (await laptop.call('session.status', {})) as { state: string; user: { id: string }; officeName: string };
    expect(me.user.id).toBe(office.ids.sato);
    expect(me.officeName).toBe('東京保護観察所');
    laptop.core.lock('manual');
    const again = await laptop.call('session.unlock', { login: 'sato', passphrase: STAFF.sato.passphrase });
    expect(again).toEqual({ id: office.ids.sato, login: 'sato', displayName: STAFF.sato.displayName, role: 'officer' });

    // No private key material in the files exchanged.
    for (const f of readdirSync(folder)) expect(readFileSync(join(folder, f), 'utf8')).not.toMatch(/PRIVATE|pkcs8/i);
  });

  it('refuses a tampered request, a request signed by other keys, and a response meant for another laptop', async () => {
    const { office, folder } = await officeWithFolder();
    const laptop = newCore(join(t.dir, 'laptop'), { now: office.clock.now });
    await laptop.call('session.join', { login: 'sato', displayName: '佐藤', passphrase: STAFF.sato.passphrase });
    await laptop.call('sync.settings.update', { folder });
    const { path } = await laptop.call('sync.enrol.request', {});
    const good = readFileSync(path, 'utf8');

    const tampered = JSON.parse(good);
    tampered.login = 'suzuki';
    writeFileSync(path, JSON.stringify(tampered));
    await expect(office.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('SYNC_ENROL_BAD_SIGNATURE'));

    const swapped = JSON.parse(good);
    swapped.laptop.keyId = '0123456789abcdef';
    writeFileSync(path, JSON.stringify(swapped));
    await expect(office.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('SYNC_ENROL_MALFORMED'));

    writeFileSync(path, '{"format":"hogo-case-enrolment"');
    await expect(office.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('SYNC_ENROL_MALFORMED'));
    writeFileSync(path, good);

    // Only an administrator accepts.
    await office.as('tanaka');
    await expect(office.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('FORBIDDEN'));
    await office.as('admin');
    const { responsePath } = await office.call('sync.enrol.accept', { path, officerId: office.ids.sato });
    expect(await office.call('sync.devices.list', {})).toHaveLength(1);

    // A second laptop cannot use the first one's response.
    const other = newCore(join(t.dir, 'other'), { now: office.clock.now });
    await other.call('session.join', { login: 'suzuki', displayName: '鈴木', passphrase: STAFF.suzuki.passphrase });
    await expect(other.call('sync.enrol.complete', { path: responsePath })).rejects.toMatchObject(failure('SYNC_NOT_FOR_US'));
    // A response whose user was changed in transit fails its signature.
    const forged = JSON.parse(readFileSync(responsePath, 'utf8'));
    forged.user.role = 'administrator';
    const forgedPath = join(folder, 'forged.json');
    writeFileSync(forgedPath, JSON.stringify(forged));
    await expect(laptop.call('sync.enrol.complete', { path: forgedPath })).rejects.toMatchObject(failure('SYNC_ENROL_BAD_SIGNATURE'));
    expect((await laptop.call('sync.status', {})).enrolled).toBe(false);

    await laptop.call('sync.enrol.complete', { path: responsePath });
    await expect(laptop.call('sync.enrol.complete', { path: responsePath })).rejects.toMatchObject(failure('SYNC_ALREADY_ENROLLED'));
    // The office machine does not answer its own kind of call, nor a laptop the office's.
    await expect(office.call('sync.enrol.request', {})).rejects.toMatchObject(failure('SYNC_WRONG_ROLE'));
    // (and the laptop's officer is not an administrator in the first place)
    await expect(laptop.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('FORBIDDEN'));
  });

  it('needs a sync folder, and either side can revoke', async () => {
    const office = await caseworkOffice(join(t.dir, 'office'));
    const laptop = newCore(join(t.dir, 'laptop'), { now: office.clock.now });
    await laptop.call('session.join', { login: 'sato', displayName: '佐藤', passphrase: STAFF.sato.passphrase });
    await expect(laptop.call('sync.enrol.request', {})).rejects.toMatchObject(failure('SYNC_NO_FOLDER'));
    await laptop.call('sync.settings.update', { folder: t.dir, intervalHours: 2 });
    await office.call('sync.settings.update', { folder: t.dir });
    const { path } = await laptop.call('sync.enrol.request', {});
    const { deviceId, responsePath } = await office.call('sync.enrol.accept', { path, officerId: office.ids.sato });
    await laptop.call('sync.enrol.complete', { path: responsePath });
    expect((await laptop.call('sync.status', {})).intervalHours).toBe(2);

    await office.as('sato');
    await expect(office.call('sync.devices.revoke', { deviceId })).rejects.toMatchObject(failure('FORBIDDEN'));
    await office.as('admin');
    expect(await office.call('sync.devices.revoke', { deviceId })).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // A revoked laptop cannot simply enrol again with the same keys.
    await expect(office.call('sync.enrol.accept', { path, officerId: office.ids.sato })).rejects.toMatchObject(failure('SYNC_SENDER_REVOKED'));

    const officeDevice = (await office.call('sync.status', {})).deviceId;
    expect(await laptop.call('sync.devices.revoke', { deviceId: officeDevice })).toMatchObject({ status: 'revoked' });
    const audit = office.db().prepare("SELECT count(*) n FROM audit_log WHERE action LIKE 'sync.%'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(3);
  });

  it('an office made by setup has keys; the private keys never enter the change log', async () => {
    const office = await caseworkOffice(join(t.dir, 'office'));
    const db = office.db();
    const id = db.prepare('SELECT sign_private, box_private, sign_public, key_id FROM sync_identity').get() as {
      sign_private: Buffer;
      box_private: Buffer;
      sign_public: Buffer;
      key_id: string;
    };
    expect(id.sign_private.length).toBeGreaterThan(40);
    expect(id.box_private.length).toBeGreaterThan(40);
    const logged = db.prepare("SELECT count(*) n FROM change_log WHERE entity LIKE 'sync_%'").get() as { n: number };
    expect(logged.n).toBe(0);
    const status = await office.call('sync.status', {});
    expect(status.keyId).toBe(id.key_id);
  });
});
