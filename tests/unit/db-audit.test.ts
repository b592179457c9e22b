import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupOffice, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('audit trail', () => {
  it('chains every entry and verifies clean', async () => {
    const office = await setupOffice(t.dir);
    await office.call('settings.update', { idleMinutes: 20 });
    await office.call('users.add', { login: 'kato', displayName: '加藤', role: 'supervisor', passphrase: 'supervisor passphrase' });
    const v = await office.call('audit.verify', {});
    expect(v.ok).toBe(true);
    expect(v.checked).toBeGreaterThanOrEqual(4);
    const list = await office.call('audit.list', { action: 'settings.' });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      actorLogin: 'admin',
      actorRole: 'administrator',
      entity: 'settings',
      after: { value: '20' },
    });
    expect(list.rows[0]!.at).toMatch(/Z$/);
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    const office = await setupOffice(t.dir);
    const db = office.core.context().db;
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('finds the first broken link when a row was edited behind the triggers', async () => {
    const office = await setupOffice(t.dir);
    for (let i = 0; i < 5; i++) await office.call('settings.update', { idleMinutes: 10 + i });
    const db = office.core.context().db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET after_json = '{\"value\":\"99\"}' WHERE id = 4").run();
    expect(await office.call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('finds a deleted row', async () => {
    const office = await setupOffice(t.dir);
    for (let i = 0; i < 4; i++) await office.call('settings.update', { idleMinutes: 10 + i });
    const db = office.core.context().db;
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(await office.call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('filters by actor and date range', async () => {
    const office = await setupOffice(t.dir);
    expect((await office.call('audit.list', { actorLogin: 'nobody' })).total).toBe(0);
    expect((await office.call('audit.list', { from: '2999-01-01' })).total).toBe(0);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect((await office.call('audit.list', { from: today, to: today })).total).toBeGreaterThan(0);
  });
});

describe('audit date filter', () => {
  it('reads from/to as Japan calendar days', async () => {
    // 2026-11-26T16:00Z is 2026-11-27 01:00 in Japan.
    const office = await setupOffice(t.dir, { now: () => Date.parse('2026-11-26T16:00:00.000Z') });
    expect((await office.call('audit.list', { from: '2026-11-27', to: '2026-11-27' })).total).toBeGreaterThan(0);
    expect((await office.call('audit.list', { from: '2026-11-26', to: '2026-11-26' })).total).toBe(0);
  });
});
