import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAudit } from '../../db/audit';
import { DEMO_CREDENTIALS } from '../../db/contract';
import { DEMO_TABLES, generateDemoOffice } from '../../db/demo/generate';
import { createDemoOffice, fillDemoOffice } from '../../db/demo/office';
import { Rng } from '../../db/demo/prng';
import type { Db } from '../../db/open';
import { fakeClock, setupOffice, tempDir, TEST_KDF } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const TODAY = '2026-11-26';

/** SHA-256 over every generated table, rows in id order; the office's own administrator is left out. */
function contentHash(db: Db, adminLogin: string): string {
  const h = createHash('sha256');
  for (const table of DEMO_TABLES) {
    const where = table === 'users' ? 'WHERE login <> @admin' : '';
    for (const row of db.prepare(`SELECT * FROM ${table} ${where} ORDER BY id`).iterate(table === 'users' ? { admin: adminLogin } : {})) {
      h.update(`${table}\u0000${JSON.stringify(row)}\n`);
    }
  }
  return h.digest('hex');
}

async function demoOffice(dir: string, opts: { scale: number; seed?: string; writer?: 'audited' | 'bulk' }) {
  const clock = fakeClock();
  return createDemoOffice(join(t.dir, dir), { ...opts, today: TODAY, kdf: TEST_KDF, now: clock.now });
}

describe('demo office generator', () => {
  it('is deterministic: the same seed gives the same content, whichever way it is written; another seed does not', async () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used by the demo generator');
    });
    const a = await demoOffice('a', { scale: 1, seed: 'same', writer: 'audited' });
    const b = await demoOffice('b', { scale: 1, seed: 'same', writer: 'bulk' });
    const c = await demoOffice('c', { scale: 1, seed: 'other', writer: 'bulk' });
    expect(random).not.toHaveBeenCalled();
    const hash = (o: typeof a) => contentHash(o.core.context().db, DEMO_CREDENTIALS.login);
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash(c));
    expect(a.summary.rows).toEqual(b.summary.rows);
    // The audited writer leaves one audit entry per row and change-log ops; the bulk one a summary per chunk.
    const db = (o: typeof a) => o.core.context().db;
    const count = (o: typeof a, sql: string) => db(o).prepare(sql).pluck().get() as number;
    expect(count(a, "SELECT count(*) FROM audit_log WHERE action = 'demo.generate'")).toBe(
      Object.values(a.summary.rows).reduce((x, y) => x + y, 0),
    );
    // One op per contact written (each was inserted once), carrying all of its fields.
    expect(count(a, "SELECT count(*) FROM change_log WHERE entity = 'contacts'")).toBe(a.summary.rows.contacts);
    expect(count(a, "SELECT count(*) FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'contacts' AND l.row_id = c.id AND json_extract(l.fields, '$.contact_date') = c.contact_date)")).toBe(0);
    expect(count(b, "SELECT count(*) FROM audit_log WHERE action = 'demo.bulkInsert'")).toBeGreaterThan(0);
    expect(count(b, "SELECT count(*) FROM change_log WHERE entity = 'contacts'")).toBe(0);
    for (const o of [a, b]) expect(verifyAudit(db(o)).ok).toBe(true);
    for (const o of [a, b, c]) o.core.close();
  });

  it('builds one office at scale 1 within the ranges of DOMAIN.md and the brief', async () => {
    const { core, summary } = await demoOffice('one', { scale: 1 });
    const db = core.context().db;
    const one = (sql: string) => db.prepare(sql).get() as Record<string, number>;
    expect(summary).toMatchObject({ activeCases: 250, today: TODAY, writer: 'audited' });
    const active = "c.status IN ('active', 'suspended')";
    const mix = one(
      `SELECT count(*) AS n,
              sum(s.drug_types <> '[]') AS drug,
              sum(c.employment_at_start = 'employed') AS employed,
              sum(c.employment_at_start <> 'student') AS adults,
              sum(c.partial_suspension) AS partial
         FROM cases c JOIN supervisees s ON s.id = c.supervisee_id WHERE ${active}`,
    );
    expect(mix.n).toBe(250);
    expect(mix.drug! / mix.n!).toBeGreaterThanOrEqual(0.3); // DOMAIN: 35–45% drug-related
    expect(mix.drug! / mix.n!).toBeLessThanOrEqual(0.5);
    expect(mix.employed! / mix.adults!).toBeGreaterThanOrEqual(0.35); // DOMAIN: 40–50% employed at the start
    expect(mix.employed! / mix.adults!).toBeLessThanOrEqual(0.55);
    expect(mix.partial! / mix.n!).toBeGreaterThan(0.1); // SOURCE: ~21% of the adult stock is partial suspension
    expect(mix.partial! / mix.n!).toBeLessThan(0.32);

    // Categories of the phase running today: 3号 and 4号 dominate, some juveniles, no 5号.
    const categories = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT p.category, count(*) AS n FROM cases c JOIN case_phases p ON p.case_id = c.id
              WHERE ${active} AND p.start_date <= @t AND p.end_date >= @t GROUP BY p.category`,
          )
          .all({ t: TODAY }) as { category: string; n: number }[]
      ).map((r) => [r.category, r.n]),
    );
    expect(categories['4']).toBeGreaterThan(120);
    expect(categories['3']).toBeGreaterThan(35);
    expect((categories['1'] ?? 0) + (categories['2'] ?? 0)).toBeGreaterThan(5);
    expect(categories['5']).toBeUndefined();

    // VPOs: one per case, 1–3 active cases each.
    const perVpo = db
      .prepare(`SELECT count(*) AS n FROM cases c JOIN supervisees s ON s.id = c.supervisee_id WHERE ${active} GROUP BY s.vpo_id`)
      .pluck()
      .all() as number[];
    expect(Math.max(...perVpo)).toBeLessThanOrEqual(3);
    expect(Math.min(...perVpo)).toBeGreaterThanOrEqual(1);

    // About 10,000 contacts and 1,000 drug tests an office (1M and 100k at scale 100).
    expect(summary.rows.contacts).toBeGreaterThan(8_000);
    expect(summary.rows.contacts).toBeLessThan(18_000);
    expect(summary.rows.drug_tests).toBeGreaterThan(600);
    expect(summary.rows.drug_tests).toBeLessThan(2_000);
    const tests = one(`SELECT count(*) AS n, sum(result IN ('positive', 'refused')) AS flagged FROM drug_tests`);
    expect(tests.flagged! / tests.n!).toBeLessThan(0.1); // ASSUMPTION: 3% positive, 1% refused
    // Only drug-related people are tested; missed contacts and every kind occur.
    expect(
      one(`SELECT count(*) AS n FROM drug_tests t JOIN cases c ON c.id = t.case_id JOIN supervisees s ON s.id = c.supervisee_id
            WHERE s.drug_types = '[]'`).n,
    ).toBe(0);
    const kinds = db.prepare('SELECT DISTINCT kind FROM contacts').pluck().all();
    expect(new Set(kinds)).toEqual(
      new Set(['office_interview', 'home_visit', 'duty_station_interview', 'phone', 'vpo_meeting', 'vpo_monthly_report', 'family_contact']),
    );
    expect(one("SELECT count(*) AS n FROM contacts WHERE outcome <> 'held'").n).toBeGreaterThan(200);
    // Nothing is dated in the future but appointments.
    expect(one(`SELECT count(*) AS n FROM contacts WHERE contact_date >= '${TODAY}'`).n).toBe(0);
    expect(one(`SELECT count(*) AS n FROM drug_tests WHERE tested_on >= '${TODAY}'`).n).toBe(0);
    // Every terminated case ended within the year of history; the others have not ended.
    expect(summary.terminatedCases).toBeGreaterThan(100);
    expect(one(`SELECT count(*) AS n FROM cases WHERE status = 'terminated' AND (termination_date < '2025-11-01' OR termination_date >= '${TODAY}')`).n).toBe(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE status <> 'terminated' AND planned_end_date < '${TODAY}'`).n).toBe(0);
    // Case numbers are unique (the schema says so) and staff fit the assumed caseloads.
    expect(summary.rows.users).toBe(7 + 1);
    core.close();
  });

  it('lets the demo officer and supervisor sign in with the public passphrase, and only fills a demo office', async () => {
    const { core, summary } = await demoOffice('signin', { scale: 0.1 });
    core.lock('manual');
    for (const s of [summary.signIns.officer, summary.signIns.supervisor]) {
      await core.unlock({ login: s.login, passphrase: DEMO_CREDENTIALS.passphrase });
      expect(core.context().actor.userId).toBe(s.id);
      core.lock('manual');
    }
    expect(core.status()).toMatchObject({ state: 'locked', demo: true, officeName: 'デモ保護観察所' });

    const real = await setupOffice(join(t.dir, 'real'));
    await expect(fillDemoOffice(real.core, 0.1)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(generateDemoOffice(real.core.context(), { scale: 0 })).rejects.toThrow(RangeError);
    real.core.close();
  });

  it('uses no unseeded randomness in its source', () => {
    const dir = join(__dirname, '../../db/demo');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/Math\.random|randomUUID|randomBytes|crypto\.getRandomValues/);
    }
    // The generator's stream: same seed, same numbers; a different seed, different ones.
    const draw = (seed: string) => {
      const r = new Rng(seed);
      return [r.u32(), r.u32(), r.uuid()];
    };
    expect(draw('x')).toEqual(draw('x'));
    expect(draw('x')).not.toEqual(draw('y'));
    expect(draw('x')[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
