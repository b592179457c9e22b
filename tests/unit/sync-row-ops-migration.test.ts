import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../db/audit';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../db/migrate';
import { openEncrypted, type Db } from '../../db/open';
import { formatHlc, HybridClock } from '../../db/sync/hlc';
import { applyIncoming } from '../../db/sync/merge';
import { winningValues } from '../../db/sync/rows';
import { mutate, type ServiceContext } from '../../db/write';
import { tempDir } from '../helpers/office';

/**
 * Migration 0012 turns the one-op-per-field change log into one op per written row. A database
 * written under 0011 (ops per field, field clocks per field) must keep every op under its own
 * (device, seq), keep last-writer-wins and conflict detection working on those ops, and take new
 * row ops on top.
 */
const all = loadMigrations(defaultMigrationsDir());
const before0012 = all.filter((m) => m.version < 12);
const NOW = Date.parse('2026-11-26T01:00:00.000Z');

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('hogo-rowops-')));
afterEach(() => t.cleanup());

function v1Office(): { db: Db; device: string; employer: string; hlc: (ms: number) => string } {
  const db = openEncrypted(join(t.dir, 'office.db'), randomBytes(32), { create: true });
  migrate(db, before0012);
  const device = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?), ('next_seq', '12')").run(device);
  db.prepare(
    `INSERT INTO sync_identity (id, device_id, role, sign_private, box_private, sign_public, box_public, key_id, created_at)
     VALUES (1, ?, 'office', ?, ?, ?, ?, ?, ?)`,
  ).run(device, Buffer.alloc(32), Buffer.alloc(32), Buffer.alloc(32), Buffer.alloc(32), '0'.repeat(16), new Date(NOW).toISOString());
  const employer = randomUUID();
  const hlc = (ms: number) => formatHlc({ ms, counter: 0, device });
  const insertedAt = hlc(NOW - 60_000);
  const editedAt = hlc(NOW - 30_000);
  db.prepare(
    "INSERT INTO employers (id, name, phone, capacity, created_at, updated_at) VALUES (?, '株式会社旧形式', '03-1111-2222', 3, 'c', 'u2')",
  ).run(employer);
  // As 0011 wrote them: an insert as one op per field, then an edit of the phone and updated_at.
  const log = db.prepare('INSERT INTO change_log (device_id, seq, hlc, base, entity, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const clock = db.prepare('INSERT OR REPLACE INTO field_clock (entity, row_id, field, hlc, device, seq, base) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const fields: [string, string][] = [
    ['name', '"株式会社旧形式"'],
    ['phone', '"03-0000-0000"'],
    ['capacity', '3'],
    ['created_at', '"c"'],
    ['updated_at', '"u"'],
  ];
  let seq = 1;
  for (const [field, value] of fields) {
    log.run(device, seq, insertedAt, null, 'employers', employer, field, value);
    clock.run('employers', employer, field, insertedAt, device, seq, null);
    seq += 1;
  }
  for (const [field, value] of [
    ['phone', '"03-1111-2222"'],
    ['updated_at', '"u2"'],
  ] as const) {
    log.run(device, seq, editedAt, insertedAt, 'employers', employer, field, value);
    clock.run('employers', employer, field, editedAt, device, seq, insertedAt);
    seq += 1;
  }
  return { db, device, employer, hlc };
}

describe('migration 0012: one change-log op per written row', () => {
  it('keeps every per-field op under its (device, seq) as a one-field op, with its base', () => {
    const { db, device, employer, hlc } = v1Office();
    migrate(db, all);
    const ops = db.prepare('SELECT device_id, seq, hlc, entity, row_id, fields, bases FROM change_log ORDER BY seq').all() as {
      device_id: string;
      seq: number;
      hlc: string;
      fields: string;
      bases: string | null;
    }[];
    expect(ops.map((o) => o.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(ops.map((o) => o.device_id))).toEqual(new Set([device]));
    expect(ops.map((o) => JSON.parse(o.fields) as unknown)).toEqual([
      { name: '株式会社旧形式' },
      { phone: '03-0000-0000' },
      { capacity: 3 },
      { created_at: 'c' },
      { updated_at: 'u' },
      { phone: '03-1111-2222' },
      { updated_at: 'u2' },
    ]);
    expect(ops.slice(0, 5).every((o) => o.bases === null)).toBe(true);
    expect(JSON.parse(ops[5]!.bases!)).toEqual({ phone: hlc(NOW - 60_000) });
    expect(db.prepare('SELECT base, field FROM change_log_bases ORDER BY field').all()).toEqual([
      { base: hlc(NOW - 60_000), field: 'phone' },
      { base: hlc(NOW - 60_000), field: 'updated_at' },
    ]);
    // The row rebuilt from its winning ops is the row as it stands.
    expect(winningValues(db, 'employers', employer)).toEqual({
      name: '株式会社旧形式',
      phone: '03-1111-2222',
      capacity: 3,
      created_at: 'c',
      updated_at: 'u2',
    });
    db.close();
  });

  it('merges on top of migrated ops: local edits base on them, concurrent edits of them are queued', () => {
    const { db, device, employer, hlc } = v1Office();
    migrate(db, all);
    const ctx: ServiceContext = { db, deviceId: device, actor: SYSTEM_ACTOR, clock: new HybridClock(device, () => NOW), now: () => NOW };
    mutate(ctx, 'test.edit', (tx) => tx.update('employers', employer, { capacity: 5 }));
    const edit = db.prepare('SELECT seq, fields, bases FROM change_log WHERE seq = 12').get() as { seq: number; fields: string; bases: string };
    expect(JSON.parse(edit.fields)).toEqual({ capacity: 5 });
    expect(JSON.parse(edit.bases)).toEqual({ capacity: hlc(NOW - 60_000) });

    // A laptop that never saw the office's phone edit changes the phone: a concurrent edit.
    const laptop = randomUUID();
    db.prepare(
      "INSERT INTO sync_devices (device_id, office_id, role, officer_id, key_id, sign_public, box_public, enrolled_at) VALUES (?, ?, 'laptop', ?, ?, ?, ?, ?)",
    ).run(
      laptop,
      randomUUID(),
      randomUUID(),
      '1'.repeat(16),
      Buffer.alloc(32),
      Buffer.alloc(32),
      new Date(NOW).toISOString(),
    );
    const r = db.transaction(() =>
      applyIncoming(ctx, laptop, [
        {
          origin: laptop,
          seq: 1,
          hlc: formatHlc({ ms: NOW - 10_000, counter: 0, device: laptop }),
          entity: 'employers',
          row: employer,
          fields: { phone: '090-9999-9999' },
          bases: { phone: hlc(NOW - 60_000) },
        },
      ], { purgeCases: [] }),
    )();
    expect(r).toMatchObject({ applied: 1, conflicts: 1 });
    expect(db.prepare('SELECT phone FROM employers WHERE id = ?').get(employer)).toEqual({ phone: '090-9999-9999' });
    expect(db.prepare('SELECT field, local_value, remote_value FROM sync_conflicts').all()).toEqual([
      { field: 'phone', local_value: '"03-1111-2222"', remote_value: '"090-9999-9999"' },
    ]);
    db.close();
  });
});
