import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listConflicts, resolveConflict } from '../../db/services/sync-conflicts';
import { mutate } from '../../db/write';
import { insertCase } from '../helpers/casework';
import { fakeClock, tempDir } from '../helpers/office';
import { addUserRow, contentHash, exchange, openDevice, type Device } from '../helpers/sync-devices';

let t: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof fakeClock>;
let office: Device;
let laptop: Device;
let officerA: string;
let officerB: string;
let supervisor: string;
let caseId: string;

const as = (userId: string, role: 'officer' | 'supervisor' | 'administrator') => ({ userId, login: role, role });
const guidelines = (dev: Device) => (dev.db.prepare('SELECT guidelines FROM cases WHERE id = ?').get(caseId) as { guidelines: string }).guidelines;
const setGuidelines = (dev: Device, text: string) =>
  mutate(dev.ctx(), 'cases.update', (tx) => tx.update('cases', caseId, { guidelines: text }));

beforeEach(() => {
  t = tempDir('hogo-conflicts-');
  clock = fakeClock();
  office = openDevice(t.dir, 'office', 'office', clock.now);
  officerA = addUserRow(office, 'officer', 'sato');
  officerB = addUserRow(office, 'officer', 'suzuki');
  supervisor = addUserRow(office, 'supervisor', 'tanaka');
  laptop = openDevice(t.dir, 'laptop', 'laptop', clock.now, officerA);
  caseId = insertCase(office.ctx(as(officerA, 'officer')), { officerId: officerA }).caseId;
  exchange(laptop, office);
  // The same field edited on both sides before either saw the other.
  setGuidelines(laptop, '飲酒を控える');
  clock.advance(10);
  setGuidelines(office, '夜間の外出を控える');
  exchange(laptop, office);
});
afterEach(() => {
  office.db.close();
  laptop.db.close();
  t.cleanup();
});

describe('sync conflicts', () => {
  it('lists the conflict to the supervisor and the assigned officer only', () => {
    const [c] = listConflicts(office.ctx(as(supervisor, 'supervisor')));
    expect(c).toMatchObject({ entity: 'cases', rowId: caseId, field: 'guidelines', caseId, status: 'open', resolution: null });
    expect(c!.local.value).toBe('"夜間の外出を控える"');
    expect(c!.remote.value).toBe('"飲酒を控える"');
    expect(listConflicts(office.ctx(as(officerA, 'officer')))).toHaveLength(1);
    expect(listConflicts(office.ctx(as(officerB, 'officer')))).toHaveLength(0);
    expect(() => resolveConflict(office.ctx(as(officerB, 'officer')), { id: c!.id, choice: 'local' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => listConflicts(office.ctx())).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('flipping to the losing value is an edit that syncs and settles the other device’s copy', () => {
    expect(guidelines(laptop)).toBe('夜間の外出を控える');
    const [c] = listConflicts(office.ctx(as(supervisor, 'supervisor')));
    const done = resolveConflict(office.ctx(as(supervisor, 'supervisor')), { id: c!.id, choice: 'remote' });
    expect(done).toMatchObject({ status: 'resolved', resolution: 'remote', resolvedBy: 'tanaka' });
    expect(guidelines(office)).toBe('飲酒を控える');
    expect(office.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.conflicts.resolve'").get()).toEqual({ n: 2 });
    expect(() => resolveConflict(office.ctx(as(supervisor, 'supervisor')), { id: c!.id, choice: 'local' })).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
    exchange(laptop, office);
    expect(guidelines(laptop)).toBe('飲酒を控える');
    expect(laptop.db.prepare('SELECT status, resolution FROM sync_conflicts').all()).toEqual([{ status: 'resolved', resolution: 'superseded' }]);
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
    expect(office.db.prepare("SELECT count(*) AS n FROM sync_conflicts WHERE status = 'open'").get()).toEqual({ n: 0 });
  });

  it('confirming the winner on the laptop also reaches the office', () => {
    const [c] = listConflicts(laptop.ctx(as(officerA, 'officer')));
    expect(c!.local.value).toBe('"飲酒を控える"');
    // The laptop's officer keeps the office's value (the LWW winner): no value changes, the decision syncs.
    resolveConflict(laptop.ctx(as(officerA, 'officer')), { id: c!.id, choice: 'remote' });
    expect(guidelines(laptop)).toBe('夜間の外出を控える');
    exchange(laptop, office);
    expect(office.db.prepare('SELECT status, resolution FROM sync_conflicts').all()).toEqual([{ status: 'resolved', resolution: 'superseded' }]);
    expect(guidelines(office)).toBe('夜間の外出を控える');
    expect(contentHash(laptop.db)).toBe(contentHash(office.db));
  });

  it('an unknown conflict id is NOT_FOUND', () => {
    expect(() =>
      resolveConflict(office.ctx(as(supervisor, 'supervisor')), { id: '00000000-0000-4000-8000-00000000dead', choice: 'local' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('bookkeeping fields in sync', () => {
  it('concurrent updated_at values resolve by last writer silently; only the fields people wrote are queued', () => {
    const employer = '00000000-0000-4000-8000-0000000000e1';
    mutate(office.ctx(), 'seed', (tx) => tx.insert('employers', { id: employer, name: '協力雇用主', capacity: 1, created_at: tx.at, updated_at: tx.at }));
    exchange(laptop, office);
    // Both sides edit the employer the way the services do (a field and updated_at), unseen by the other.
    mutate(laptop.ctx(), 'employers.update', (tx) => tx.update('employers', employer, { phone: '03-1111-1111', updated_at: tx.at }));
    clock.advance(10);
    mutate(office.ctx(), 'employers.update', (tx) => tx.update('employers', employer, { phone: '03-2222-2222', updated_at: tx.at }));
    clock.advance(10);
    // Only the timestamp on both sides (a save that changed nothing else): no conflict at all.
    mutate(laptop.ctx(), 'employers.update', (tx) => tx.update('employers', employer, { capacity: 1, updated_at: tx.at }));
    clock.advance(10);
    mutate(office.ctx(), 'employers.update', (tx) => tx.update('employers', employer, { capacity: 1, updated_at: tx.at }));
    exchange(laptop, office);
    exchange(laptop, office);

    for (const d of [office, laptop]) {
      const fields = d.db.prepare("SELECT field FROM sync_conflicts WHERE entity = 'employers' ORDER BY field").all() as { field: string }[];
      expect(fields, d.name).toEqual([{ field: 'phone' }]);
    }
    const row = (d: Device) => d.db.prepare('SELECT phone, updated_at FROM employers WHERE id = ?').get(employer) as { phone: string; updated_at: string };
    expect(row(laptop)).toEqual(row(office));
    // The office's save came last, so its timestamp wins on both devices.
    expect(row(office).updated_at).toBe(new Date(clock.now()).toISOString());
  });
});
