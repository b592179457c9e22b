import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableInfo } from '../../db/sync/rows';
import { PERSON_TABLES, scopeOf, TABLE_SCOPES } from '../../db/sync/scope';
import { mutate } from '../../db/write';
import { insertCase } from '../helpers/casework';
import { fakeClock, tempDir } from '../helpers/office';
import { addUserRow, contentHash, deliver, exchange, openDevice, outgoing, type Device } from '../helpers/sync-devices';

let t: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof fakeClock>;
let office: Device;
let laptopA: Device;
let laptopB: Device;
let officerA: string;
let officerB: string;

beforeEach(() => {
  t = tempDir('hogo-relay-');
  clock = fakeClock();
  office = openDevice(t.dir, 'office', 'office', clock.now);
  officerA = addUserRow(office, 'officer', 'sato');
  officerB = addUserRow(office, 'officer', 'suzuki');
  laptopA = openDevice(t.dir, 'laptopA', 'laptop', clock.now, officerA);
  laptopB = openDevice(t.dir, 'laptopB', 'laptop', clock.now, officerB);
});
afterEach(() => {
  for (const d of [office, laptopA, laptopB]) d.db.close();
  t.cleanup();
});

const actorOf = (userId: string) => ({ userId, login: 'x', role: 'officer' as const });
const count = (dev: Device, sql: string, ...args: unknown[]) => (dev.db.prepare(sql).get(...args) as { n: number }).n;

function contact(dev: Device, caseId: string, notes = ''): string {
  const id = randomUUID();
  mutate(dev.ctx(), 'test.contact', (tx) =>
    tx.insert('contacts', {
      id,
      case_id: caseId,
      kind: 'office_interview',
      contact_date: '2026-11-20',
      outcome: 'held',
      notes,
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return id;
}

describe('scope', () => {
  it('maps every table the migrations create, and each mapping is valid SQL', () => {
    const tables = (office.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unmapped = tables.filter((n) => scopeOf(n) === undefined);
    expect(unmapped).toEqual([]);
    expect(TABLE_SCOPES.map(([n]) => n).filter((n) => !tables.includes(n))).toEqual([]);
    for (const [table, s] of PERSON_TABLES) {
      expect(() => office.db.prepare(`SELECT ${s.person} FROM ${s.from} WHERE x.id = ?`).get('x'), table).not.toThrow();
    }
    for (const [table, s] of TABLE_SCOPES) {
      if (s.kind !== 'local') expect(tableInfo(office.db, table).columns.has('id'), table).toBe(true);
    }
  });
});

describe('relay through the office', () => {
  it('sends each laptop its officer’s people and the shared directories, nothing else', () => {
    const a = insertCase(office.ctx(actorOf(officerA)), { officerId: officerA });
    const b = insertCase(office.ctx(actorOf(officerB)), { officerId: officerB });
    contact(office, a.caseId);
    contact(office, b.caseId);
    exchange(laptopA, office);
    exchange(laptopB, office);
    expect(count(laptopA, 'SELECT count(*) AS n FROM supervisees')).toBe(1);
    expect(count(laptopA, 'SELECT count(*) AS n FROM cases WHERE id = ?', a.caseId)).toBe(1);
    expect(count(laptopA, 'SELECT count(*) AS n FROM cases WHERE id = ?', b.caseId)).toBe(0);
    expect(count(laptopA, 'SELECT count(*) AS n FROM contacts')).toBe(1);
    expect(count(laptopA, 'SELECT count(*) AS n FROM change_log WHERE row_id IN (?, ?)', b.caseId, b.superviseeId)).toBe(0);
    expect(count(laptopA, 'SELECT count(*) AS n FROM users')).toBe(2);
    expect(count(laptopB, 'SELECT count(*) AS n FROM cases WHERE id = ?', b.caseId)).toBe(1);
    // A laptop's contact reaches the office, and through it no other laptop.
    const fromA = contact(laptopA, a.caseId, '就労状況を確認');
    exchange(laptopA, office);
    exchange(laptopB, office);
    expect(count(office, 'SELECT count(*) AS n FROM contacts WHERE id = ?', fromA)).toBe(1);
    expect(count(laptopB, 'SELECT count(*) AS n FROM contacts WHERE id = ?', fromA)).toBe(0);
    // A laptop sends only its own ops.
    const up = outgoing(laptopA, office);
    expect(up.ops.every((o) => o.origin === laptopA.deviceId)).toBe(true);
  });

  it('moves a reassigned person: the new laptop gets a snapshot, the old one deletes every trace', () => {
    const a = insertCase(office.ctx(actorOf(officerA)), { officerId: officerA });
    exchange(laptopA, office);
    exchange(laptopB, office);
    const fromA = contact(laptopA, a.caseId, '面接メモ');
    exchange(laptopA, office);
    // Further office-side history laptop A already acknowledged, so B needs it as a snapshot.
    mutate(office.ctx(), 'test.edit', (tx) => tx.update('cases', a.caseId, { guidelines: '週1回の面接' }));
    exchange(laptopA, office);
    exchange(laptopB, office);
    const unsent = contact(laptopA, a.caseId, 'まだ送っていない');

    mutate(office.ctx(), 'supervisees.reassign', (tx) => tx.update('supervisees', a.superviseeId, { officer_id: officerB }));
    const down = outgoing(office, laptopA);
    expect(down.purgeCases).toEqual([a.caseId]);
    // Laptop A's unsent contact goes up first (the usual order: export, then import).
    exchange(laptopA, office);
    expect(count(office, 'SELECT count(*) AS n FROM contacts WHERE id = ?', unsent)).toBe(1);
    const result = deliver(laptopA, office, down);
    expect(result.purged).toBe(1);
    for (const table of ['supervisees', 'cases', 'case_phases', 'contacts', 'search_terms']) {
      expect(count(laptopA, `SELECT count(*) AS n FROM ${table}`), table).toBe(0);
    }
    expect(count(laptopA, "SELECT count(*) AS n FROM field_clock WHERE entity <> 'users'")).toBe(0);
    expect(count(laptopA, 'SELECT count(*) AS n FROM change_log WHERE entity NOT IN (?)', 'users')).toBe(0);
    expect(count(laptopA, "SELECT count(*) AS n FROM audit_log WHERE action = 'sync.purge'")).toBe(1);
    const audit = laptopA.db.prepare("SELECT after_json FROM audit_log WHERE action = 'sync.purge'").get() as { after_json: string };
    expect(audit.after_json).not.toContain('山田');

    exchange(laptopB, office);
    expect(count(laptopB, 'SELECT count(*) AS n FROM cases WHERE id = ?', a.caseId)).toBe(1);
    expect(count(laptopB, 'SELECT count(*) AS n FROM contacts WHERE case_id = ?', a.caseId)).toBe(2);
    expect(count(laptopB, 'SELECT count(*) AS n FROM contacts WHERE id = ?', fromA)).toBe(1);
    expect((laptopB.db.prepare('SELECT guidelines FROM cases WHERE id = ?').get(a.caseId) as { guidelines: string }).guidelines).toBe('週1回の面接');
    const personTables = PERSON_TABLES.map(([n]) => n);
    expect(contentHash(laptopB.db, personTables)).toBe(contentHash(office.db, personTables));
    // Nothing more to send once B holds the person; A is not told again.
    expect(outgoing(office, laptopB).ops).toHaveLength(0);
    expect(outgoing(office, laptopA).purgeCases).toEqual([]);
  });
});
