/**
 * A case moved to another officer's laptop arrives as a snapshot of the ops that win its fields at
 * the office. A multi-field edit that lost one field to a settled conflict must not bring that
 * losing value along: the new laptop would queue the conflict again, though a person already chose.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../../db/write';
import { tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-snapshot-')));
afterEach(() => t.cleanup());

describe('snapshot for a newly assigned laptop', () => {
  it('carries only the values that win, so a settled conflict stays settled there', async () => {
    const { office, a, b, syncRound } = await syncOffice(t.dir);
    const { superviseeId, caseId } = office.newCase({ officerId: office.ids.sato });
    await syncRound();
    // Laptop A changes two fields in one write; the office changes one of them concurrently, later.
    mutate(a.core.context(), 'cases.update', (tx) => tx.update('cases', caseId, { guidelines: '毎週面接', intensity_level: 'C' }));
    office.clock.advance(60_000);
    mutate(office.core.context(), 'cases.update', (tx) => tx.update('cases', caseId, { guidelines: '隔週面接' }));
    await syncRound();
    await syncRound();
    await office.as('tanaka');
    const open = (await office.call('sync.conflicts.list', {})).filter((c) => c.status === 'open');
    expect(open).toMatchObject([{ field: 'guidelines' }]);
    await office.call('sync.conflicts.resolve', { id: open[0]!.id, choice: 'local' });
    await syncRound();

    await office.as('admin');
    await office.call('supervisees.update', { id: superviseeId, officerId: office.ids.suzuki });
    await syncRound();
    const onB = b.core.context().db;
    expect(onB.prepare('SELECT guidelines, intensity_level FROM cases WHERE id = ?').get(caseId)).toEqual({
      guidelines: '隔週面接',
      intensity_level: 'C',
    });
    expect((await b.call('sync.conflicts.list', {})).filter((c) => c.status === 'open')).toEqual([]);
    // Laptop A's op travelled with just the field it still wins.
    const fromA = onB.prepare('SELECT fields FROM change_log WHERE device_id = ?').all(a.core.context().deviceId) as { fields: string }[];
    expect(fromA.map((r) => JSON.parse(r.fields) as unknown)).toContainEqual({ intensity_level: 'C' });
  });
});
