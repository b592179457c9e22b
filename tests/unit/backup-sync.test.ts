/**
 * Restore on a syncing office: the restored database carries the change-log sequence and clock
 * forward from the one it replaced, so the laptops, which already saw those sequence numbers,
 * still take the office's next changes (a reused number would be skipped as already imported).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-backup-sync-')));
afterEach(() => t.cleanup());

const MINUTE = 60_000;

describe('restore on a syncing office', () => {
  it('keeps syncing with the laptops after a restore: no sequence number is handed out twice', async () => {
    const { office, a, syncRound } = await syncOffice(t.dir);
    await office.as('admin');
    const { superviseeId } = office.newCase({ officerId: office.ids.sato });
    await syncRound();
    const phoneOnA = () =>
      (a.core.context().db.prepare('SELECT phone FROM supervisees WHERE id = ?').get(superviseeId) as { phone: string } | undefined)?.phone;
    expect(phoneOnA()).toBe('');

    const backup = await office.call('backup.create', {});
    // Changes after the backup reach laptop A, then the office goes back to the backup.
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: superviseeId, phone: '090-1111-1111' });
    await syncRound();
    expect(phoneOnA()).toBe('090-1111-1111');
    const seqSeen = Number((office.db().prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string }).value);

    office.clock.advance(MINUTE);
    await office.call('backup.restore', { name: backup.name });
    expect(Number((office.db().prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string }).value)).toBeGreaterThanOrEqual(seqSeen);
    expect((office.db().prepare('SELECT phone FROM supervisees WHERE id = ?').get(superviseeId) as { phone: string }).phone).toBe('');

    // The office's next edit gets fresh sequence numbers and a later clock: laptop A applies it.
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: superviseeId, phone: '090-2222-2222' });
    const ops = office.db().prepare("SELECT seq FROM change_log WHERE row_id = ? AND json_type(fields, '$.phone') IS NOT NULL ORDER BY seq").all(superviseeId) as { seq: number }[];
    expect(ops.at(-1)!.seq).toBeGreaterThanOrEqual(seqSeen);
    await syncRound();
    expect(phoneOnA()).toBe('090-2222-2222');
    expect((await office.call('audit.verify', {})).ok).toBe(true);
  });
});
