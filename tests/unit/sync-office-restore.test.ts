/**
 * The office restores a backup older than changes it already sent to the laptops: the laptops send
 * those changes back (db/sync/resend.ts), so the office ends up with them again, without a conflict
 * and without the laptops resending for ever.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownUnbroken } from '../../db/sync/export';
import { officeResendRange } from '../../db/sync/resend';
import { tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-office-restore-')));
afterEach(() => t.cleanup());

const MINUTE = 60_000;

describe('office restored from an older backup', () => {
  it('gets the changes it had sent after that backup back from the laptops that hold them', async () => {
    const { office, a, b, syncRound } = await syncOffice(t.dir);
    await office.as('admin');
    const sato = office.newCase({ officerId: office.ids.sato });
    const suzuki = office.newCase({ officerId: office.ids.suzuki });
    await syncRound();
    const backup = await office.call('backup.create', {});

    // After the backup: an edit of each officer's person, sent to their laptops.
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: sato.superviseeId, phone: '090-1111-1111' });
    await office.call('supervisees.update', { id: suzuki.superviseeId, phone: '090-2222-2222' });
    await syncRound();
    const officeDevice = office.core.context().deviceId;
    const lastOwn = ownUnbroken(office.core.context(), officeDevice);

    office.clock.advance(MINUTE);
    await office.call('backup.restore', { name: backup.name });
    const phone = (id: string) => (office.db().prepare('SELECT phone FROM supervisees WHERE id = ?').get(id) as { phone: string }).phone;
    expect(phone(sato.superviseeId)).toBe('');
    const gapFrom = ownUnbroken(office.core.context(), officeDevice) + 1;
    expect(gapFrom).toBeLessThanOrEqual(lastOwn);

    // The office's next bundles state the lower mark; each laptop then sends back what it holds.
    await syncRound();
    expect(officeResendRange(a.core.context().db)).toEqual({ from: gapFrom, to: lastOwn });
    await syncRound();
    expect(phone(sato.superviseeId)).toBe('090-1111-1111');
    expect(phone(suzuki.superviseeId)).toBe('090-2222-2222');
    expect(office.db().prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
    // Every op it had handed out is back, so its mark covers the range and the laptops stop resending.
    expect(ownUnbroken(office.core.context(), officeDevice)).toBeGreaterThanOrEqual(lastOwn);
    await syncRound();
    expect(officeResendRange(a.core.context().db)).toBeNull();
    expect(officeResendRange(b.core.context().db)).toBeNull();

    // And it keeps working: a later office edit still reaches the laptop.
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: sato.superviseeId, phone: '090-3333-3333' });
    await syncRound();
    expect((a.core.context().db.prepare('SELECT phone FROM supervisees WHERE id = ?').get(sato.superviseeId) as { phone: string }).phone).toBe(
      '090-3333-3333',
    );
    expect((await office.call('audit.verify', {})).ok).toBe(true);
  });
});
