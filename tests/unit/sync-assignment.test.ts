import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../../db/write';
import { insertCase } from '../helpers/casework';
import { tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';

type Office = Awaited<ReturnType<typeof syncOffice>>;
const officerOf = (n: Office['a'] | Office['office'], id: string) =>
  (n.core.context().db.prepare('SELECT officer_id FROM supervisees WHERE id = ?').get(id) as { officer_id: string | null } | undefined)?.officer_id;

describe('case assignment from a laptop', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir('hogo-sync-assign-')));
  afterEach(() => t.cleanup());

  it('the office refuses a laptop’s change of supervisees.officer_id and applies the rest of the bundle', async () => {
    const s = await syncOffice(t.dir);
    const { caseId, superviseeId } = s.office.newCase({ officerId: s.office.ids.sato });
    await s.syncRound();
    expect(officerOf(s.a, superviseeId)).toBe(s.office.ids.sato);

    // A tampered laptop hands the case to suzuki and edits the case in the same bundle.
    s.office.clock.advance(60_000);
    mutate(s.a.core.context(), 'tampered', (tx) => {
      tx.update('supervisees', superviseeId, { officer_id: s.office.ids.suzuki });
      tx.update('cases', caseId, { guidelines: '就労を続ける' });
    });
    await s.a.call('sync.export', {});
    const { results } = await s.office.call('sync.import', {});
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true });

    const db = s.office.core.context().db;
    expect(officerOf(s.office, superviseeId)).toBe(s.office.ids.sato);
    expect((db.prepare('SELECT guidelines FROM cases WHERE id = ?').get(caseId) as { guidelines: string }).guidelines).toBe('就労を続ける');
    // Not stored, so never relayed to suzuki's laptop.
    expect(db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'supervisees' AND json_type(fields, '$.officer_id') IS NOT NULL AND device_id = ?").get(s.a.deviceId)).toEqual({ n: 0 });
    const refused = db.prepare("SELECT after_json AS after FROM audit_log WHERE action = 'sync.refused'").all() as { after: string }[];
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!.after)).toMatchObject({ from: s.a.deviceId, ops: 1 });
    const imported = db.prepare("SELECT after_json AS after FROM audit_log WHERE action = 'sync.import' ORDER BY id DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(imported.after)).toMatchObject({ refused: 1 });
    await s.syncRound();
    expect(s.b.core.context().db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)).toBeUndefined();
    // The office sent its own value back, later than the laptop's: the laptop shows sato again and
    // keeps the case, and nobody is asked to choose (the assignment is the office's to make).
    expect(officerOf(s.a, superviseeId)).toBe(s.office.ids.sato);
    expect(s.a.core.context().db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)).toBeDefined();
    expect(s.a.core.context().db.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
    expect(officerOf(s.office, superviseeId)).toBe(s.office.ids.sato);
  });

  it('accepts a new person the laptop’s officer took in for themselves', async () => {
    const s = await syncOffice(t.dir);
    await s.syncRound();
    const { superviseeId } = insertCase(s.a.core.context(), { officerId: s.office.ids.sato });
    await s.a.call('sync.export', {});
    const { results } = await s.office.call('sync.import', {});
    expect(results[0]).toMatchObject({ ok: true });
    expect(officerOf(s.office, superviseeId)).toBe(s.office.ids.sato);
    expect(s.office.core.context().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.refused'").get()).toEqual({ n: 0 });
  });

  it('refuses a new person the laptop assigned to another officer (the rest of the person arrives unassigned)', async () => {
    const s = await syncOffice(t.dir);
    await s.syncRound();
    const { superviseeId } = insertCase(s.a.core.context(), { officerId: s.office.ids.suzuki });
    await s.a.call('sync.export', {});
    await s.office.call('sync.import', {});
    expect(officerOf(s.office, superviseeId) ?? null).toBeNull();
    expect(s.office.core.context().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.refused'").get()).toEqual({ n: 1 });
  });
});
