import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseworkOffice, STAFF } from '../helpers/contacts';
import { newCore, tempDir } from '../helpers/office';

/**
 * A laptop's only person is an officer, so the administrator-only rule for recovery codes would make
 * the code shown at "Join an office" useless. On a laptop it resets that officer; at the office it
 * still resets administrators only.
 */
describe('recovery code on an officer laptop', () => {
  const t = tempDir('hogo-laptop-recovery-');
  afterEach(() => t.cleanup());

  it('resets the laptop officer’s passphrase, before and after enrolment, and not an officer at the office', async () => {
    const folder = join(t.dir, 'sync');
    mkdirSync(folder, { recursive: true });
    const office = await caseworkOffice(join(t.dir, 'office'));
    await office.call('sync.settings.update', { folder });

    const laptop = newCore(join(t.dir, 'laptop'), { now: office.clock.now });
    const { recoveryCode } = await laptop.call('session.join', {
      login: 'sato',
      displayName: STAFF.sato.displayName,
      passphrase: STAFF.sato.passphrase,
    });

    // Before enrolment: the local officer forgets the passphrase.
    laptop.core.lock('manual');
    const before = await laptop.call('session.recover', { login: 'sato', recoveryCode, newPassphrase: 'a brand new laptop phrase' });
    expect(before.role).toBe('officer');

    // Enrol, so that the laptop's user becomes the office's officer (and other staff rows arrive).
    await laptop.call('sync.settings.update', { folder });
    const { path } = await laptop.call('sync.enrol.request', {});
    await office.as('admin');
    const accepted = await office.call('sync.enrol.accept', { path, officerId: office.ids.sato });
    await laptop.call('sync.enrol.complete', { path: accepted.responsePath });
    await office.call('sync.export', {});
    await laptop.call('sync.import', {});

    laptop.core.lock('manual');
    const after = await laptop.call('session.recover', { login: 'sato', recoveryCode, newPassphrase: 'another new laptop phrase' });
    expect(after.id).toBe(office.ids.sato);
    laptop.core.lock('manual');
    await laptop.call('session.unlock', { login: 'sato', passphrase: 'another new laptop phrase' });

    // Another officer's row may be on the laptop, but has no key slot there: refused.
    laptop.core.lock('manual');
    await expect(laptop.call('session.recover', { login: 'suzuki', recoveryCode, newPassphrase: 'should never be set' })).rejects.toMatchObject({
      code: expect.stringMatching(/FORBIDDEN|WRONG_RECOVERY_CODE/),
    });

    // At the office the rule is unchanged: the office's recovery code resets administrators only.
    office.core.lock('manual');
    await expect(
      office.call('session.recover', { login: 'sato', recoveryCode: office.recoveryCode, newPassphrase: 'should never be set' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
