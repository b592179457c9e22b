import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchCaseFlags, overdueContacts, type FlagCase } from '../../db/casework/caseload-flags';
import { caseFlags, type CaseFlags } from '../../db/casework/flags';
import { CASELOAD_FLAGS } from '../../db/contract';
import { generateDemoOffice } from '../../db/demo/generate';
import { officeOverdue } from '../../db/services/caseload';
import { mutate } from '../../db/write';
import { caseworkOffice } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan; the demo office is generated as of that day.
const TODAY = '2026-11-26';

async function generatedOffice() {
  const o = await caseworkOffice(t.dir);
  await generateDemoOffice(o.ctx(), { scale: 0.6, seed: 'caseload-flags', today: TODAY, writer: 'bulk' });
  // Make sure some supervision is suspended (保護観察の停止), through the service.
  const parole = o
    .db()
    .prepare(
      `SELECT c.id FROM cases c JOIN case_phases p ON p.case_id = c.id
        WHERE c.status = 'active' AND p.kind = 'parole' AND p.start_date <= '2026-10-01' AND p.end_date >= @t ORDER BY c.id LIMIT 2`,
    )
    .pluck()
    .all({ t: TODAY }) as string[];
  expect(parole).toHaveLength(2);
  await o.call('cases.suspend', { caseId: parole[0]!, fromDate: '2026-11-10' });
  await o.call('cases.suspend', { caseId: parole[1]!, fromDate: '2026-10-20' });
  await o.call('cases.resume', { caseId: parole[1]!, resumedOn: '2026-11-02' });
  const cases = () =>
    o
      .db()
      .prepare(
        `SELECT id, status, intensity_level AS intensityLevel, start_date AS startDate,
                COALESCE(termination_date, planned_end_date) AS endDate
           FROM cases ORDER BY id`,
      )
      .all() as FlagCase[];
  return { o, cases };
}

function tally(flags: Iterable<CaseFlags>): Record<string, number> {
  const n: Record<string, number> = Object.fromEntries(CASELOAD_FLAGS.map((f) => [f, 0]));
  for (const f of flags) for (const k of CASELOAD_FLAGS) n[k]! += Number(f[k]);
  return n;
}

describe('batched caseload flags', () => {
  it('equal caseFlags for every case of a generated office, on several days, by both read strategies', async () => {
    const { o, cases } = await generatedOffice();
    const all = cases();
    expect(all.length).toBeGreaterThan(250);
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['active', 'suspended', 'terminated']));

    // Today, the first of next month (a whole month just closed), a month end, and a day long
    // after some planned ends; each with the default cut-off for appointments and an afternoon one.
    const days = [TODAY, '2026-12-01', '2026-11-30', '2027-02-15'];
    for (const day of days) {
      for (const now of [undefined, `${day}T06:30:00.000Z`]) {
        const expected = Object.fromEntries(all.map((c) => [c.id, caseFlags(o.db(), c.id, day, now)]));
        for (const strategy of ['window', 'ids'] as const) {
          const got = Object.fromEntries(batchCaseFlags(o.db(), all, day, { ...(now ? { now } : {}), strategy }));
          expect(got, `${day} ${now ?? 'start of day'} ${strategy}`).toEqual(expected);
        }
      }
    }

    // Not vacuous: on the generation day every flag is raised for some cases and not for others.
    const today = tally(batchCaseFlags(o.db(), all, TODAY).values());
    for (const f of CASELOAD_FLAGS) {
      expect(today[f], f).toBeGreaterThan(0);
      expect(today[f], f).toBeLessThan(all.length / 2);
    }
  });

  it('stay equal when suspensions, starts and ends fall inside the months, and on a changed standard', async () => {
    const { o, cases } = await generatedOffice();
    const db = o.db();
    const active = db.prepare("SELECT id FROM cases WHERE status = 'active' ORDER BY id LIMIT 60").pluck().all() as string[];
    const phaseOf = db.prepare('SELECT id FROM case_phases WHERE case_id = ? ORDER BY seq LIMIT 1').pluck();
    mutate(o.ctx(), 'test.edges', (tx) => {
      active.forEach((caseId, i) => {
        if (i % 3 === 0) {
          tx.insert('supervision_suspensions', {
            id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            case_id: caseId,
            phase_id: phaseOf.get(caseId) as string,
            from_date: `2026-1${i % 2}-${String(5 + (i % 20)).padStart(2, '0')}`,
            resumed_on: i % 2 === 0 ? '2026-11-18' : null,
            created_at: tx.at,
            updated_at: tx.at,
          });
        } else if (i % 3 === 1) {
          tx.update('cases', caseId, { start_date: `2026-1${i % 2}-${String(3 + (i % 25)).padStart(2, '0')}` });
        } else {
          tx.update('cases', caseId, { planned_end_date: `2026-1${i % 2}-${String(2 + (i % 27)).padStart(2, '0')}` });
        }
      });
      tx.update('contact_standards', 'C', { po_per_month: 1, po_kinds: '["phone","vpo_monthly_report"]' });
      // Level B: a monthly report counts for the PO, and a VPO meeting counts for whoever recorded
      // it (the service refuses a kind on both sides; the computation still defines it).
      tx.update('contact_standards', 'B', { po_per_month: 1, po_kinds: '["vpo_monthly_report","vpo_meeting"]' });
    });
    // Some October reports go missing (September's, received in October, still dates in October),
    // and some VPO meetings are recorded by the officer instead of the VPO.
    const b = db.prepare("SELECT id FROM cases WHERE status = 'active' AND intensity_level = 'B' ORDER BY id DESC LIMIT 40").pluck().all() as string[];
    b.slice(0, 20).forEach((id) => db.prepare("DELETE FROM contacts WHERE case_id = ? AND kind = 'vpo_monthly_report' AND report_month = '2026-10'").run(id));
    b.slice(20).forEach((id) =>
      db.prepare("UPDATE contacts SET by_vpo_id = NULL, by_user_id = ? WHERE case_id = ? AND kind = 'vpo_meeting'").run(o.ids.admin, id),
    );
    const all = cases();
    for (const day of [TODAY, '2026-12-01']) {
      const expected = Object.fromEntries(all.map((c) => [c.id, caseFlags(db, c.id, day)]));
      expect(Object.fromEntries(batchCaseFlags(db, all, day, { strategy: 'window' }))).toEqual(expected);
      expect(Object.fromEntries(batchCaseFlags(db, all, day, { strategy: 'ids' }))).toEqual(expected);
    }
  });

  it("keeps the office's overdue set until something is written, then recomputes it", async () => {
    const { o, cases } = await generatedOffice();
    const db = o.db();
    const first = officeOverdue(db, TODAY);
    expect(officeOverdue(db, TODAY)).toBe(first);
    expect([...first].sort()).toEqual([...overdueContacts(db, cases(), TODAY)].sort());
    expect(first.size).toBeGreaterThan(0);

    // Meet an overdue case's standard for both months: it leaves the set.
    const caseId = [...first].find((id) => cases().find((c) => c.id === id)!.startDate < '2026-09-01')!;
    for (const date of ['2026-10-05', '2026-10-15', '2026-10-25', '2026-11-05', '2026-11-12', '2026-11-20']) {
      await o.call('contacts.record', { caseId, kind: 'office_interview', outcome: 'held', date });
      await o.call('contacts.record', { caseId, kind: 'vpo_meeting', outcome: 'held', date });
    }
    const after = officeOverdue(db, TODAY);
    expect(after).not.toBe(first);
    expect(after.has(caseId)).toBe(false);
    expect([...after].sort()).toEqual([...overdueContacts(db, cases(), TODAY)].sort());
    // Another day is another set.
    expect([...officeOverdue(db, '2026-12-01')].sort()).toEqual([...overdueContacts(db, cases(), '2026-12-01')].sort());
  });

  it('returns nothing for no cases, and refuses an unknown intensity level like caseFlags', async () => {
    const o = await caseworkOffice(t.dir);
    expect(batchCaseFlags(o.db(), [], TODAY).size).toBe(0);
    const { caseId } = o.newCase();
    const c: FlagCase = { id: caseId, status: 'active', intensityLevel: 'Z', startDate: '2026-04-01', endDate: '2029-03-31' };
    expect(() => batchCaseFlags(o.db(), [c], TODAY)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
