import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../db/sync/hlc';
import { applyIncoming } from '../../db/sync/merge';
import type { SyncOp } from '../../db/sync/ops';
import { mutate } from '../../db/write';
import { insertCase } from '../helpers/casework';
import { fakeClock, tempDir } from '../helpers/office';
import { addUserRow, contentHash, deliver, exchange, openDevice, outgoing, type Device } from '../helpers/sync-devices';

let t: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof fakeClock>;
let office: Device;
let laptop: Device;
let officerId: string;

beforeEach(() => {
  t = tempDir('hogo-merge-');
  clock = fakeClock();
  office = openDevice(t.dir, 'office', 'office', clock.now);
  officerId = addUserRow(office, 'officer', 'sato');
  laptop = openDevice(t.dir, 'laptop', 'laptop', clock.now, officerId);
  exchange(laptop, office);
});
afterEach(() => {
  office.db.close();
  laptop.db.close();
  t.cleanup();
});

function addEmployer(dev: Device, name = '株式会社テスト'): string {
  const id = randomUUID();
  mutate(dev.ctx(), 'test.employer', (tx) =>
    tx.insert('employers', { id, name, capacity: 2, created_at: tx.at, updated_at: tx.at }),
  );
  return id;
}
function editEmployer(dev: Device, id: string, patch: Record<string, string | number>): void {
  mutate(dev.ctx(), 'test.employer.edit', (tx) => tx.update('employers', id, patch));
}
const field = (dev: Device, id: string, col: string) =>
  (dev.db.prepare(`SELECT ${col} AS v FROM employers WHERE id = ?`).get(id) as { v: unknown } | undefined)?.v;
const conflicts = (dev: Device) =>
  dev.db.prepare('SELECT * FROM sync_conflicts ORDER BY detected_at, id').all() as Record<string, string | null>[];

describe('applyIncoming', () => {
  it('creates new rows from their ops, and a redelivered batch changes nothing', () => {
    const id = addEmployer(laptop);
    const batch = outgoing(laptop, office);
    // One op for the whole new row.
    expect(batch.ops).toHaveLength(1);
    expect(batch.ops[0]!.fields).toMatchObject({ name: '株式会社テスト', capacity: 2 });
    const first = deliver(office, laptop, batch);
    expect(first).toMatchObject({ applied: batch.ops.length, skipped: 0, conflicts: 0 });
    expect(field(office, id, 'name')).toBe('株式会社テスト');
    // A row new here gets one whole-row clock entry (field ''), not one per field.
    expect(office.db.prepare('SELECT field FROM field_clock WHERE row_id = ?').all(id)).toEqual([{ field: '' }]);
    const before = contentHash(office.db);
    const logBefore = office.db.prepare('SELECT count(*) AS n FROM change_log').get();
    const again = deliver(office, laptop, batch);
    expect(again).toMatchObject({ applied: 0, skipped: batch.ops.length, conflicts: 0 });
    expect(contentHash(office.db)).toBe(before);
    expect(office.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual(logBefore);
  });

  it('an informed edit (the author saw the value it replaced) wins without a conflict', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    clock.advance(1000);
    editEmployer(laptop, id, { phone: '03-1111-2222' });
    exchange(laptop, office);
    clock.advance(1000);
    editEmployer(office, id, { phone: '03-3333-4444' });
    exchange(laptop, office);
    expect(field(laptop, id, 'phone')).toBe('03-3333-4444');
    expect(conflicts(office)).toHaveLength(0);
    expect(conflicts(laptop)).toHaveLength(0);
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
  });

  it('a concurrent edit of one field: the later clock wins everywhere and both values are queued', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    editEmployer(laptop, id, { phone: '090-laptop' });
    clock.advance(5);
    editEmployer(office, id, { phone: '090-office' });
    exchange(laptop, office);
    exchange(laptop, office);
    expect(field(office, id, 'phone')).toBe('090-office');
    expect(field(laptop, id, 'phone')).toBe('090-office');
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
    const [onOffice] = conflicts(office);
    expect(onOffice).toMatchObject({ entity: 'employers', row_id: id, field: 'phone', status: 'open' });
    expect(onOffice!.local_value).toBe('"090-office"');
    expect(onOffice!.remote_value).toBe('"090-laptop"');
    const [onLaptop] = conflicts(laptop);
    expect(onLaptop!.local_value).toBe('"090-laptop"');
    expect(onLaptop!.remote_value).toBe('"090-office"');
    // Fields edited on one side only merge without a conflict.
    editEmployer(laptop, id, { industry: '建設' });
    editEmployer(office, id, { notes: '面接可' });
    exchange(laptop, office);
    exchange(laptop, office);
    expect(field(office, id, 'industry')).toBe('建設');
    expect(field(laptop, id, 'notes')).toBe('面接可');
    expect(conflicts(office)).toHaveLength(1);
  });

  it('two devices setting the same value concurrently is not a conflict', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    editEmployer(laptop, id, { capacity: 5 });
    editEmployer(office, id, { capacity: 5 });
    exchange(laptop, office);
    exchange(laptop, office);
    expect(conflicts(office)).toHaveLength(0);
    expect(conflicts(laptop)).toHaveLength(0);
  });

  it('append-only records from two devices on one case are all kept, never in conflict', () => {
    const actor = { userId: officerId, login: 'sato', role: 'officer' as const };
    const { caseId } = insertCase(office.ctx(actor), { officerId });
    exchange(laptop, office);
    expect(laptop.db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(caseId)).toEqual({ n: 1 });
    const contact = (dev: Device, date: string) =>
      mutate(dev.ctx(actor), 'test.contact', (tx) =>
        tx.insert('contacts', {
          id: randomUUID(),
          case_id: caseId,
          kind: 'home_visit',
          contact_date: date,
          by_user_id: officerId,
          outcome: 'held',
          created_at: tx.at,
          updated_at: tx.at,
        }),
      );
    contact(laptop, '2026-11-20');
    contact(laptop, '2026-11-21');
    contact(office, '2026-11-21');
    exchange(laptop, office);
    exchange(laptop, office);
    for (const dev of [office, laptop]) {
      expect(dev.db.prepare('SELECT count(*) AS n FROM contacts WHERE case_id = ?').get(caseId)).toEqual({ n: 3 });
      expect(conflicts(dev)).toHaveLength(0);
    }
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
  });

  it('a child whose parent comes later in the stream waits, then is written', () => {
    const actor = { userId: officerId, login: 'sato', role: 'officer' as const };
    const { caseId } = insertCase(laptop.ctx(actor), { officerId });
    const batch = outgoing(laptop, office);
    const child = batch.ops.filter((o) => o.entity === 'case_phases');
    const rest = batch.ops.filter((o) => o.entity !== 'case_phases');
    const first = deliver(office, laptop, { ...batch, ops: child, ranges: new Map() });
    expect(first.applied).toBe(child.length);
    expect(office.db.prepare('SELECT reason FROM sync_pending').all()).toEqual([{ reason: 'parent' }]);
    deliver(office, laptop, { ...batch, ops: rest });
    expect(office.db.prepare('SELECT count(*) AS n FROM case_phases WHERE case_id = ?').get(caseId)).toEqual({ n: 1 });
    expect(office.db.prepare('SELECT count(*) AS n FROM sync_pending').get()).toEqual({ n: 0 });
  });

  it('a clock far ahead is flagged, does not move the local clock, and loses to a later local edit everywhere', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    const laptopSeq = Number((laptop.db.prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string } | undefined)?.value ?? 1);
    const yearAhead = formatHlc({ ms: clock.now() + 365 * 86_400_000, counter: 0, device: laptop.deviceId });
    const future: SyncOp = {
      origin: laptop.deviceId,
      seq: laptopSeq,
      hlc: yearAhead,
      entity: 'employers',
      row: id,
      fields: { phone: 'future' },
      bases: {},
    };
    // The laptop's own log carries the op too, as if its clock had been a year ahead.
    laptop.db
      .prepare('INSERT INTO change_log (device_id, seq, hlc, entity, row_id, fields, bases) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(future.origin, future.seq, future.hlc, future.entity, future.row, JSON.stringify(future.fields));
    laptop.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_seq', ?)").run(String(laptopSeq + 1));
    const r = office.db.transaction(() => applyIncoming(office.ctx(), laptop.deviceId, [future], { purgeCases: [] }))();
    expect(r).toMatchObject({ applied: 1, clockAhead: 1 });
    expect(field(office, id, 'phone')).toBe('future');
    expect(office.db.prepare('SELECT origin, seq FROM sync_clock_flags').all()).toEqual([{ origin: laptop.deviceId, seq: laptopSeq }]);
    expect(office.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.clock_ahead'").get()).toEqual({ n: 1 });
    // The office's clock was not dragged a year ahead: its next op on another field is near now.
    editEmployer(office, id, { industry: '製造' });
    const industryHlc = (office.db.prepare("SELECT hlc FROM field_clock WHERE row_id = ? AND field = 'industry'").get(id) as { hlc: string }).hlc;
    expect(parseHlc(industryHlc).ms - clock.now()).toBeLessThan(1000);
    // A later local edit of the flagged field wins, here and on the laptop.
    editEmployer(office, id, { phone: '03-0000-0000' });
    expect(field(office, id, 'phone')).toBe('03-0000-0000');
    laptop.db.prepare("UPDATE employers SET phone = 'future' WHERE id = ?").run(id);
    laptop.db
      .prepare("INSERT INTO field_clock (entity, row_id, field, hlc, device, seq) VALUES ('employers', ?, 'phone', ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device, seq = excluded.seq")
      .run(id, future.hlc, future.origin, future.seq);
    exchange(laptop, office);
    expect(field(laptop, id, 'phone')).toBe('03-0000-0000');
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
  });

  it('refuses a malformed op, or an office-bound op the sender did not write, and changes nothing', () => {
    const id = addEmployer(laptop);
    const { ops } = outgoing(laptop, office);
    const before = contentHash(office.db);
    const stranger = randomUUID();
    const cases: [string, SyncOp][] = [
      ['entity', { ...ops[0]!, entity: 'audit_log' }],
      ['field', { ...ops[0]!, fields: { 'officer_id; DROP TABLE users': 'x' } }],
      ['unknown column', { ...ops[0]!, fields: { ...ops[0]!.fields, no_such_column: 1 } }],
      ['id as a field', { ...ops[0]!, fields: { ...ops[0]!.fields, id: randomUUID() } }],
      ['no fields', { ...ops[0]!, fields: {} }],
      ['base of a field not set', { ...ops[0]!, bases: { phone: ops[0]!.hlc } }],
      ['base clock', { ...ops[0]!, bases: { name: 'yesterday' } }],
      ['clock', { ...ops[0]!, hlc: 'yesterday' }],
      ['clock device', { ...ops[0]!, hlc: formatHlc({ ms: 1, counter: 0, device: 'someone-else' }) }],
      ['value', { ...ops[0]!, fields: { name: { nested: true } } as unknown as SyncOp['fields'] }],
      ['value type', { ...ops[0]!, fields: { name: true } as unknown as SyncOp['fields'] }],
      ['value not finite', { ...ops[0]!, fields: { capacity: Number.POSITIVE_INFINITY } }],
      ['relays', { ...ops[0]!, origin: stranger, hlc: formatHlc({ ms: 1, counter: 0, device: stranger }) }],
      // The office takes back its own ops only under sequence numbers it handed out (after a restore).
      ['office op it never wrote', { ...ops[0]!, origin: office.deviceId, seq: 1_000_000, hlc: formatHlc({ ms: 1, counter: 0, device: office.deviceId }) }],
    ];
    for (const [why, bad] of cases) {
      expect(() => deliver(office, laptop, { ops: [...ops, bad], purgeCases: [], ranges: new Map() }), why).toThrow(
        expect.objectContaining({ code: 'SYNC_PAYLOAD_MALFORMED' }),
      );
    }
    expect(() => deliver(office, laptop, { ops, purgeCases: ['x'], ranges: new Map() })).toThrow(
      expect.objectContaining({ code: 'SYNC_WRONG_ROLE' }),
    );
    expect(contentHash(office.db)).toBe(before);
    expect(office.db.prepare('SELECT count(*) AS n FROM change_log WHERE device_id = ?').get(laptop.deviceId)).toEqual({ n: 0 });
    expect(field(office, id, 'name')).toBeUndefined();
  });

  it('an own op coming back never has its sequence number reused', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    const own: SyncOp = {
      origin: laptop.deviceId,
      seq: 500,
      hlc: formatHlc({ ms: clock.now(), counter: 9, device: laptop.deviceId }),
      entity: 'employers',
      row: id,
      fields: { notes: 'from before a restore' },
      bases: {},
    };
    // Inside mutate, as db/sync/import.ts runs it: the Tx that wraps the import must not write back
    // the next_seq it read before the import raised it.
    mutate(laptop.ctx(), 'sync.import', () => applyIncoming(laptop.ctx(), office.deviceId, [own], { purgeCases: [] }));
    expect(laptop.db.prepare("SELECT value FROM meta WHERE key = 'next_seq'").get()).toEqual({ value: '501' });
    editEmployer(laptop, id, { phone: '1' });
    expect(laptop.db.prepare('SELECT max(seq) AS s FROM change_log WHERE device_id = ?').get(laptop.deviceId)).toEqual({ s: 501 });
  });

  it('the office refuses staff-only changes from an officer’s laptop', () => {
    // A laptop that makes its officer an administrator, through its own write path.
    mutate(laptop.ctx(), 'users.update', (tx) => tx.update('users', officerId, { role: 'administrator' }));
    const id = addEmployer(laptop);
    const r = deliver(office, laptop, outgoing(laptop, office));
    expect(r.refused).toBe(1);
    expect(office.db.prepare('SELECT role FROM users WHERE id = ?').get(officerId)).toEqual({ role: 'officer' });
    expect(field(office, id, 'name')).toBe('株式会社テスト');
    expect(office.db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'users' AND device_id = ?").get(laptop.deviceId)).toEqual({ n: 0 });
    expect(office.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.refused'").get()).toEqual({ n: 1 });
  });

  it('a later edit that arrives before the row it edits is not overwritten by the row’s first values', () => {
    const id = addEmployer(laptop);
    const inserted = outgoing(laptop, office);
    deliver(office, laptop, inserted);
    clock.advance(1000);
    editEmployer(office, id, { capacity: 7 });
    addEmployer(office, '別の雇用主');
    const fromOffice = outgoing(office, laptop).ops.filter((o) => o.entity === 'employers');
    expect(fromOffice.filter((o) => o.row === id)).toHaveLength(1);
    // A third device gets the office's ops first (the edit, then another row), then the laptop's insert.
    const third = openDevice(t.dir, 'third', 'laptop', clock.now, officerId);
    const r = third.db.transaction(() => applyIncoming(third.ctx(), office.deviceId, [...fromOffice, ...inserted.ops], { purgeCases: [] }))();
    expect(r.conflicts).toBe(0);
    expect(field(third, id, 'capacity')).toBe(7);
    expect(third.db.prepare('SELECT count(*) AS n FROM sync_pending').get()).toEqual({ n: 0 });
    third.db.close();
  });

  it('a trusted clock a little ahead moves the local clock, so later local edits order after it', () => {
    const id = addEmployer(office);
    exchange(laptop, office);
    const ahead = clock.now() + 3_600_000;
    const op: SyncOp = {
      origin: laptop.deviceId,
      seq: 1,
      hlc: formatHlc({ ms: ahead, counter: 0, device: laptop.deviceId }),
      entity: 'employers',
      row: id,
      fields: { notes: '一時間先' },
      bases: {},
    };
    const r = office.db.transaction(() => applyIncoming(office.ctx(), laptop.deviceId, [op], { purgeCases: [] }))();
    expect(r.clockAhead).toBe(0);
    editEmployer(office, id, { industry: '農業' });
    const hlc = (office.db.prepare("SELECT hlc FROM field_clock WHERE row_id = ? AND field = 'industry'").get(id) as { hlc: string }).hlc;
    expect(parseHlc(hlc).ms).toBeGreaterThanOrEqual(ahead);
  });
});
