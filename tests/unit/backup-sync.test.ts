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
const DAY = 24 * 60 * MINUTE;

/** The office and laptops, with one case of Sato's synced to laptop A, and its phone as A has it. */
async function officeWithCaseOnA() {
  const synced = await syncOffice(t.dir);
  const { office, a, syncRound } = synced;
  await office.as('admin');
  const { superviseeId } = office.newCase({ officerId: office.ids.sato });
  await syncRound();
  const phoneOnA = () =>
    (a.core.context().db.prepare('SELECT phone FROM supervisees WHERE id = ?').get(superviseeId) as { phone: string } | undefined)?.phone;
  return { ...synced, superviseeId, phoneOnA };
}

describe('restore on a syncing office', () => {
  it('keeps syncing with the laptops after a restore: no sequence number is handed out twice', async () => {
    const { office, syncRound, superviseeId, phoneOnA } = await officeWithCaseOnA();
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

describe('restore after the office exported', () => {
  it('never writes a bundle whose header clock is older than one it already sent: the laptop imports it, not stale', async () => {
    const { office, a, superviseeId, phoneOnA } = await officeWithCaseOnA();
    const backup = await office.call('backup.create', {});
    const headerClock = () =>
      (office.db().prepare("SELECT max(hlc) AS hlc FROM sync_bundles WHERE direction = 'out' AND peer = ?").get(a.deviceId) as { hlc: string }).hlc;

    // An edit, then an export while the office's wall clock runs a day ahead: the bundle's header
    // clock is later than every change-log stamp. The clock is put right and the administrator
    // signs in again, so the session's clock is rebuilt from the change log alone.
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: superviseeId, phone: '090-1111-1111' });
    office.clock.advance(DAY);
    await office.call('sync.export', {});
    const sent = headerClock();
    await a.call('sync.import', {});
    expect(phoneOnA()).toBe('090-1111-1111');
    office.clock.advance(-DAY);
    await office.as('admin');

    await office.call('backup.restore', { name: backup.name });
    office.clock.advance(MINUTE);
    await office.call('supervisees.update', { id: superviseeId, phone: '090-2222-2222' });
    await office.call('sync.export', {});
    expect(headerClock() > sent).toBe(true);

    const { results } = await a.call('sync.import', {});
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[0]!.stale ?? false).toBe(false);
    expect(phoneOnA()).toBe('090-2222-2222');
  });
});
