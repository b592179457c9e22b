import { randomUUID } from 'node:crypto';
import { mutate, type ServiceContext } from '../../db/write';
import { insertCase } from './casework';
import { ADMIN, fakeClock, setupOffice } from './office';

/** Staff of a test office besides the administrator; passphrases are throwaway test values. */
export const STAFF = {
  sato: { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'officer sato passphrase' },
  suzuki: { login: 'suzuki', displayName: '鈴木 一郎', role: 'officer', passphrase: 'officer suzuki passphrase' },
  tanaka: { login: 'tanaka', displayName: '田中 課長', role: 'supervisor', passphrase: 'supervisor tanaka pass' },
} as const;
export type StaffLogin = keyof typeof STAFF | 'admin';

/**
 * An office at 2026-11-26 09:00 in Japan (00:00 UTC) on a controllable clock, with two officers
 * and a supervisor. `as(login)` locks and unlocks as that person.
 */
export async function caseworkOffice(dir: string) {
  const clock = fakeClock();
  const office = await setupOffice(dir, { now: clock.now });
  const ids = { admin: office.core.context().actor.userId! } as Record<StaffLogin, string>;
  for (const s of Object.values(STAFF)) ids[s.login] = (await office.call('users.add', s)).id;

  async function as(login: StaffLogin): Promise<void> {
    office.core.lock('manual');
    const passphrase = login === 'admin' ? ADMIN.passphrase : STAFF[login].passphrase;
    await office.call('session.unlock', { login, passphrase });
  }
  /** A case assigned to `officer` (sato by default), inserted as whoever is signed in. */
  function newCase(opts: Parameters<typeof insertCase>[1] = {}) {
    return insertCase(office.core.context(), { officerId: ids.sato, ...opts });
  }
  const ctx = (): ServiceContext => office.core.context();
  const db = () => ctx().db;
  /** Rows in the audit chain and the change log, and in the casework tables. */
  function counts(): Record<'audit' | 'changes' | 'contacts' | 'appointments' | 'tests' | 'measures' | 'standards', number> {
    return db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM contacts) contacts, (SELECT count(*) FROM appointments) appointments,
                (SELECT count(*) FROM drug_tests) tests, (SELECT count(*) FROM measures) measures,
                (SELECT count(*) FROM contact_standards) standards`,
      )
      .get() as ReturnType<typeof counts>;
  }
  return { ...office, clock, ids, as, newCase, ctx, db, counts };
}

/** Registers a VPO and assigns them to the supervisee, through the write path. */
export function assignVpo(ctx: ServiceContext, superviseeId: string, name = '高橋 保護司'): string {
  const id = randomUUID();
  mutate(ctx, 'test.assignVpo', (tx) => {
    tx.insert('vpos', { id, name, district: '中央', created_at: tx.at, updated_at: tx.at });
    tx.update('supervisees', superviseeId, { vpo_id: id, updated_at: tx.at });
  });
  return id;
}

/** Rejects with the error code (and optionally the field) the dispatcher answered with. */
export function failure(code: string, field?: string) {
  return field === undefined ? { code } : { code, details: { field } };
}
