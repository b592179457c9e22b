import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableInfo } from '../../db/sync/rows';
import { PERSON_TABLES, scopeOf, TABLE_SCOPES } from '../../db/sync/scope';
import { mutate } from '../../db/write';
import { insertCase } from '../helpers/casework';
import { fakeClock, tempDir } from '../helpers/office';
import { syncOffice } from '../helpers/sync';
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
    deliver(office, laptopA, outgoing(laptopA, office));
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
    // A lost bundle loses nothing: until a laptop acknowledges a bundle made after the move, every
    // bundle repeats the snapshot or the purge; afterwards neither is sent again.
    expect(outgoing(office, laptopB).ops).toHaveLength(0);
    expect(outgoing(office, laptopA).purgeCases).toEqual([]);
  });
});

describe('a person without a case', () => {
  it('moves too: named by the supervisee id in purgeCases', () => {
    const id = randomUUID();
    mutate(office.ctx(), 'supervisees.create', (tx) =>
      tx.insert('supervisees', {
        id,
        family_name: '佐々木',
        given_name: '次郎',
        family_kana: 'ささき',
        given_kana: 'じろう',
        birth_date: '1992-02-02',
        sex: 'male',
        officer_id: officerA,
        created_at: tx.at,
        updated_at: tx.at,
      }),
    );
    exchange(laptopA, office);
    expect(count(laptopA, 'SELECT count(*) AS n FROM supervisees WHERE id = ?', id)).toBe(1);
    mutate(office.ctx(), 'supervisees.reassign', (tx) => tx.update('supervisees', id, { officer_id: officerB }));
    expect(outgoing(office, laptopA).purgeCases).toEqual([id]);
    exchange(laptopA, office);
    exchange(laptopB, office);
    expect(count(laptopA, 'SELECT count(*) AS n FROM supervisees')).toBe(0);
    expect(count(laptopA, 'SELECT count(*) AS n FROM search_terms')).toBe(0);
    expect(count(laptopB, 'SELECT count(*) AS n FROM supervisees WHERE id = ?', id)).toBe(1);
  });
});

describe('a lost bundle during a move', () => {
  it('repeats the snapshot and the purge until the laptops acknowledge them', () => {
    const a = insertCase(office.ctx(actorOf(officerA)), { officerId: officerA });
    exchange(laptopA, office);
    exchange(laptopB, office);
    mutate(office.ctx(), 'supervisees.reassign', (tx) => tx.update('supervisees', a.superviseeId, { officer_id: officerB }));
    mutate(office.ctx(), 'test.later', (tx) => tx.update('cases', a.caseId, { guidelines: '後の変更' }));
    // Both bundles made now are lost.
    const lostToA = outgoing(office, laptopA);
    const lostToB = outgoing(office, laptopB);
    expect(lostToA.purgeCases).toEqual([a.caseId]);
    expect(lostToB.ops.some((o) => o.entity === 'case_phases')).toBe(true);
    exchange(laptopA, office);
    exchange(laptopB, office);
    expect(count(laptopA, 'SELECT count(*) AS n FROM cases')).toBe(0);
    expect(count(laptopB, 'SELECT count(*) AS n FROM case_phases WHERE case_id = ?', a.caseId)).toBe(1);
    expect((laptopB.db.prepare('SELECT guidelines FROM cases WHERE id = ?').get(a.caseId) as { guidelines: string }).guidelines).toBe('後の変更');
    expect(outgoing(office, laptopA).purgeCases).toEqual([]);
    expect(outgoing(office, laptopB).ops).toHaveLength(0);
    expect(office.db.prepare('SELECT peer, state, coverage FROM sync_holdings').all()).toEqual([
      { peer: laptopB.deviceId, state: 'held', coverage: null },
    ]);
  });
});

describe('through real bundles (office and two enrolled laptops)', () => {
  it('contacts go up, a conflict is resolved once for all, a reassigned case moves', async () => {
    const root = tempDir('hogo-relay-bundles-');
    const { office, a, b, syncRound } = await syncOffice(root.dir);
    try {
      const { superviseeId, caseId } = office.newCase();
      await syncRound();
      const on = (core: { core: { context(): { db: import('../../db/open').Db } } }, sql: string, ...args: unknown[]) =>
        (core.core.context().db.prepare(sql).get(...args) as { n: number }).n;
      expect(on(a, 'SELECT count(*) AS n FROM cases WHERE id = ?', caseId)).toBe(1);
      expect(on(b, 'SELECT count(*) AS n FROM cases WHERE id = ?', caseId)).toBe(0);

      // A contact recorded on laptop A reaches the office.
      const contactId = randomUUID();
      mutate(a.core.context(), 'contacts.record', (tx) =>
        tx.insert('contacts', { id: contactId, case_id: caseId, kind: 'home_visit', contact_date: '2026-11-25', outcome: 'held', created_at: tx.at, updated_at: tx.at }),
      );
      // The same field edited on the laptop and at the office before either has seen the other.
      mutate(a.core.context(), 'cases.update', (tx) => tx.update('cases', caseId, { guidelines: '毎週面接' }));
      office.clock.advance(60_000);
      mutate(office.core.context(), 'cases.update', (tx) => tx.update('cases', caseId, { guidelines: '隔週面接' }));
      await syncRound();
      await syncRound();
      expect(on(office, 'SELECT count(*) AS n FROM contacts WHERE id = ?', contactId)).toBe(1);
      await office.as('tanaka');
      const open = (await office.call('sync.conflicts.list', {})).filter((c) => c.status === 'open');
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ entity: 'cases', field: 'guidelines', caseId });
      expect((await a.call('sync.conflicts.list', {})).filter((c) => c.status === 'open')).toHaveLength(1);
      await office.call('sync.conflicts.resolve', { id: open[0]!.id, choice: 'remote' });
      await syncRound();
      const guidelines = (core: typeof a | typeof office) =>
        (core.core.context().db.prepare('SELECT guidelines FROM cases WHERE id = ?').get(caseId) as { guidelines: string }).guidelines;
      expect(guidelines(office)).toBe('毎週面接');
      expect(guidelines(a)).toBe('毎週面接');
      expect((await a.call('sync.conflicts.list', {})).filter((c) => c.status === 'open')).toHaveLength(0);

      // Reassigned from sato (laptop A) to suzuki (laptop B): it moves.
      await office.as('admin');
      await office.call('supervisees.update', { id: superviseeId, officerId: office.ids.suzuki });
      await syncRound();
      expect(on(b, 'SELECT count(*) AS n FROM cases WHERE id = ?', caseId)).toBe(1);
      expect(on(b, 'SELECT count(*) AS n FROM contacts WHERE id = ?', contactId)).toBe(1);
      expect(on(a, 'SELECT count(*) AS n FROM cases')).toBe(0);
      expect(on(a, 'SELECT count(*) AS n FROM supervisees')).toBe(0);
      expect(on(a, "SELECT count(*) AS n FROM audit_log WHERE action = 'sync.purge'")).toBe(1);
    } finally {
      for (const d of [a, b, office]) if (d.core.status().state === 'unlocked') d.core.lock('manual');
      root.cleanup();
    }
  }, 60_000);
});
