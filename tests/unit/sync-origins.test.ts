/**
 * The office's exports read change_log by seeks on its primary key, never by scanning it: the log
 * grows for years and every export to every laptop asks what is new.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxSeqByOrigin, origins } from '../../db/sync/origins';
import { RELAY_SCOPE, rangeSql } from '../../db/sync/select';
import { fakeClock, tempDir } from '../helpers/office';
import { openDevice, type Device } from '../helpers/sync-devices';

let t: ReturnType<typeof tempDir>;
let dev: Device;
beforeEach(() => {
  t = tempDir('hogo-origins-');
  dev = openDevice(t.dir, 'office', 'office', fakeClock().now);
});
afterEach(() => {
  dev.db.close();
  t.cleanup();
});

describe('change_log by origin', () => {
  it('lists the origins and their highest seq', () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const ins = dev.db.prepare("INSERT INTO change_log (device_id, seq, hlc, entity, row_id, fields) VALUES (?, ?, ?, 'employers', ?, '{}')");
    ids.forEach((id, i) => {
      for (let seq = 1; seq <= 5 * (i + 1); seq++) ins.run(id, seq, `1780000000000-000000-${id}`, randomUUID());
    });
    expect(origins(dev.db)).toEqual([...ids].sort());
    expect(maxSeqByOrigin(dev.db, ids[0])).toEqual(new Map([...ids.slice(1).map((id, i): [string, number] => [id, 5 * (i + 2)])].sort()));
  });

  it('reads each origin’s new ops by a primary-key range, for the office and for a laptop’s scope', () => {
    for (const where of ['', RELAY_SCOPE]) {
      const plan = dev.db.prepare(`EXPLAIN QUERY PLAN ${rangeSql(where)}`).all({ origin: 'x', after: 1, upTo: 2, people: '[]' }) as { detail: string }[];
      const onLog = plan.map((p) => p.detail).filter((d) => /\bchange_log\b|\bl\b/.test(d) && /^(SCAN|SEARCH)/.test(d));
      expect(onLog[0], JSON.stringify(plan)).toMatch(/^SEARCH l USING PRIMARY KEY \(device_id=\? AND seq>\? AND seq<\?\)/);
      expect(onLog.filter((d) => d.startsWith('SCAN l'))).toEqual([]);
    }
  });
});
