/**
 * cases.open: a second case for a person already registered, under intake's rules, in one
 * transaction; periods of one person may not overlap; every refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERAL_CONDITIONS } from '../../db/casework/catalogue';
import type { InputOf } from '../../db/contract';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

/** Parole from a new prison term: released 2026-11-01, the remaining sentence ends 2027-10-31. */
const PAROLE: InputOf<'cases.open'>['rule'] = { category: '3', releaseDate: '2026-11-01', sentenceEndDate: '2027-10-31' };

/** An officer's person whose partial suspended sentence (2026-06-15 – 2028-12-20) was revoked on 2026-09-30. */
async function personWithRevokedCase() {
  const office = await caseworkOffice(t.dir);
  await office.as('officer');
  const first = await office.call('supervisees.create', partialIntake());
  await office.as('supervisor');
  await office.call('cases.terminate', {
    caseId: first.cases[0]!.id,
    terminationDate: '2026-09-30',
    reason: 'revocation',
    employmentAtTermination: 'unemployed',
  });
  await office.as('officer');
  return { office, personId: first.person.id, firstCaseId: first.cases[0]!.id };
}

function expectRefused(r: unknown, code: string, details?: Record<string, unknown>) {
  expect(r).toMatchObject({ ok: false, error: { code, ...(details ? { details } : {}) } });
}

describe('opening a new case for a registered person', () => {
  it('opens the case, its phases and the general conditions in one audited write; the person page and the caseload show it', async () => {
    const { office, personId, firstCaseId } = await personWithRevokedCase();
    const before = office.counts();
    const opened = await office.call('cases.open', { superviseeId: personId, caseNumber: 'R8-0200', rule: PAROLE, employmentAtStart: 'employed', guidelines: '毎朝決まった時間に起きる' });

    expect(opened).toMatchObject({
      superviseeId: personId,
      caseNumber: 'R8-0200',
      status: 'active',
      partialSuspension: false,
      intensityLevel: 'B',
      startDate: '2026-11-01',
      plannedEndDate: '2027-10-31',
      employmentAtStart: 'employed',
      guidelines: '毎朝決まった時間に起きる',
      phases: [{ seq: 1, category: '3', kind: 'parole', startDate: '2026-11-01', endDate: '2027-10-31' }],
    });
    expect(opened.conditions.map((c) => c.catalogueCode)).toEqual(GENERAL_CONDITIONS.map((g) => g.code));
    expect(opened.conditions.every((c) => c.kind === 'general' && c.setOn === '2026-11-01')).toBe(true);

    const after = office.counts();
    expect(after).toMatchObject({
      people: before.people,
      cases: before.cases + 1,
      phases: before.phases + 1,
      conditions: before.conditions + GENERAL_CONDITIONS.length,
    });
    // One audit entry and one change-log op per written row, all under the one action.
    const written = 1 + 1 + GENERAL_CONDITIONS.length;
    expect(after.audit - before.audit).toBe(written);
    expect(after.changes - before.changes).toBe(written);
    const actions = office
      .db()
      .prepare('SELECT DISTINCT action FROM audit_log WHERE id > (SELECT max(id) - ? FROM audit_log)')
      .all(written) as { action: string }[];
    expect(actions).toEqual([{ action: 'cases.open' }]);

    const page = await office.call('supervisees.get', { id: personId });
    expect(page.cases.map((c) => c.id)).toEqual([opened.id, firstCaseId]);
    const history = await office.call('supervisees.history', { id: personId });
    expect(history.find((h) => h.action === 'cases.open' && h.entity === 'cases')).toMatchObject({ entityId: opened.id, actorRole: 'officer' });

    const caseload = await office.call('caseload.list', { scope: 'mine' });
    expect(caseload.rows.map((r) => r.caseNumber)).toEqual(['R8-0200']);
    const all = await office.call('caseload.list', { scope: 'mine', filters: { status: 'all' } });
    expect(all.rows.map((r) => r.caseNumber).sort()).toEqual(['R8-0001', 'R8-0200']);
  });

  it('refuses a period that overlaps another case of the person: open, suspended or terminated', async () => {
    const office = await caseworkOffice(t.dir);
    await office.as('officer');
    const person = await office.call('supervisees.create', partialIntake());
    const id = person.person.id;
    const before = office.counts();

    // The partial sentence runs until 2028-12-20: a new parole inside it is refused at its start date.
    expectRefused(await office.dispatch('cases.open', { superviseeId: id, caseNumber: 'R8-0200', rule: PAROLE }), 'OVERLAP', {
      field: 'rule.releaseDate',
      caseNumber: 'R8-0001',
      startDate: '2026-06-15',
      endDate: '2028-12-20',
    });
    // A new case before the old one, reaching into it, is refused too.
    expectRefused(
      await office.dispatch('cases.open', { superviseeId: id, caseNumber: 'R8-0200', rule: { category: '4', judgmentFinalDate: '2025-07-01', suspensionYears: 1 } }),
      'OVERLAP',
      { field: 'rule.judgmentFinalDate', caseNumber: 'R8-0001' },
    );
    // One wholly before it is history, and allowed (checked below, after the refusals).
    expect(office.counts()).toEqual(before);

    // Supervision suspended: the end is unknown, so any later period overlaps.
    await office.call('cases.suspend', { caseId: person.cases[0]!.id, fromDate: '2026-09-01', reason: '所在不明' });
    const suspended = office.counts();
    expectRefused(
      await office.dispatch('cases.open', { superviseeId: id, caseNumber: 'R8-0200', rule: { category: '3', releaseDate: '2030-01-10', sentenceEndDate: '2030-12-31' } }),
      'OVERLAP',
      { field: 'rule.releaseDate', caseNumber: 'R8-0001', endDate: null },
    );
    expect(office.counts()).toEqual(suspended);

    // Terminated: the case ran until its termination date, not its planned end.
    await office.as('supervisor');
    await office.call('cases.terminate', { caseId: person.cases[0]!.id, terminationDate: '2026-10-15', reason: 'revocation', employmentAtTermination: 'unknown' });
    await office.as('officer');
    expectRefused(
      await office.dispatch('cases.open', { superviseeId: id, caseNumber: 'R8-0200', rule: { category: '3', releaseDate: '2026-10-15', sentenceEndDate: '2027-10-31' } }),
      'OVERLAP',
      { field: 'rule.releaseDate', endDate: '2026-10-15' },
    );
    const opened = await office.call('cases.open', { superviseeId: id, caseNumber: 'R8-0200', rule: { category: '3', releaseDate: '2026-10-16', sentenceEndDate: '2027-10-31' } });
    expect(opened.startDate).toBe('2026-10-16');
    const earlier = await office.call('cases.open', {
      superviseeId: id,
      caseNumber: 'H30-0001',
      rule: { category: '4', judgmentFinalDate: '2019-04-01', suspensionYears: 3 },
    });
    expect(earlier).toMatchObject({ startDate: '2019-04-01', plannedEndDate: '2022-03-31' });
    expect((await office.call('supervisees.get', { id })).cases.map((c) => c.caseNumber)).toEqual(['R8-0200', 'R8-0001', 'H30-0001']);
  });

  it('applies intake’s input and date rules, and a refusal writes nothing', async () => {
    const { office, personId } = await personWithRevokedCase();
    const inactiveVpo = await office.call('vpos.save', { name: '高橋 正', active: false });
    const before = office.counts();
    const base = { superviseeId: personId, caseNumber: 'R8-0200', rule: PAROLE };
    const refusals: [Record<string, unknown>, string, Record<string, unknown>?][] = [
      [{ ...base, caseNumber: 'R8-0001' }, 'DUPLICATE', { field: 'caseNumber' }],
      [{ ...base, rule: { ...PAROLE, sentenceEndDate: '2026-10-31' } }, 'END_BEFORE_START', { field: 'rule.sentenceEndDate' }],
      [{ ...base, rule: { category: '4', judgmentFinalDate: '2026-10-01', suspensionYears: 6 } }, 'VALIDATION', { field: 'rule.suspensionYears' }],
      [{ ...base, rule: { category: '1', decisionDate: '2026-10-01', juvenileTerm: 'until_20' } }, 'VALIDATION', { field: 'rule.juvenileTerm' }],
      [{ ...base, rule: { category: '3', releaseDate: '1989-01-01', sentenceEndDate: '1989-12-31' } }, 'VALIDATION', { field: 'birthDate' }],
      [{ ...base, intensityLevel: 'Z' }, 'VALIDATION', { field: 'intensityLevel' }],
      [{ ...base, vpoId: inactiveVpo.id }, 'VALIDATION', { field: 'vpoId' }],
      [{ ...base, superviseeId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      [{ superviseeId: personId, caseNumber: 'R8-0200' }, 'INVALID_INPUT', { field: 'rule' }],
      [{ ...base, rule: { category: '3', releaseDate: '2026-11-01' } }, 'INVALID_INPUT', { field: 'rule.sentenceEndDate' }],
      [{ ...base, familyName: '山田' }, 'INVALID_INPUT'],
    ];
    for (const [input, code, details] of refusals) {
      expectRefused(await office.dispatch('cases.open', input), code, details);
    }
    expect(office.counts()).toEqual(before);
  });

  it('keeps intake’s assignment rules: an officer takes only an unassigned person, a supervisor reassigns in the same write', async () => {
    const { office, personId } = await personWithRevokedCase();
    const vpo = await office.call('vpos.save', { name: '高橋 正', nameKana: 'たかはし ただし' });
    const base = { superviseeId: personId, caseNumber: 'R8-0200', rule: PAROLE };

    // The person is the officer's: a case for someone else is a reassignment, even for that someone.
    for (const who of ['officer', 'officer2'] as const) {
      await office.as(who);
      const before = office.counts();
      expectRefused(await office.dispatch('cases.open', { ...base, officerId: office.officer2.id }), 'FORBIDDEN');
      expect(office.counts()).toEqual(before);
    }

    // A supervisor reassigns the person and names a VPO with the new case: one write.
    await office.as('supervisor');
    const opened = await office.call('cases.open', { ...base, officerId: office.officer2.id, vpoId: vpo.id });
    const person = await office.call('supervisees.get', { id: personId });
    expect(person.officer).toEqual({ id: office.officer2.id, displayName: '鈴木 一郎' });
    expect(person.vpo).toMatchObject({ id: vpo.id });
    const rows = office
      .db()
      .prepare("SELECT entity, entity_id FROM audit_log WHERE action = 'cases.open' ORDER BY id")
      .all() as { entity: string; entity_id: string }[];
    expect(rows[0]).toEqual({ entity: 'supervisees', entity_id: personId });
    expect(rows.filter((r) => r.entity === 'cases')).toEqual([{ entity: 'cases', entity_id: opened.id }]);

    // Unassigned (the officer field cleared), the person may be taken on by an officer, as at intake.
    await office.call('cases.terminate', { caseId: opened.id, terminationDate: '2026-11-20', reason: 'other', employmentAtTermination: 'unknown' });
    await office.call('supervisees.update', { id: personId, officerId: null });
    await office.as('officer');
    expectRefused(
      await office.dispatch('cases.open', { superviseeId: personId, caseNumber: 'R8-0300', rule: { category: '4', judgmentFinalDate: '2026-11-21', suspensionYears: 3 }, officerId: office.officer2.id }),
      'FORBIDDEN',
    );
    await office.call('cases.open', { superviseeId: personId, caseNumber: 'R8-0300', rule: { category: '4', judgmentFinalDate: '2026-11-21', suspensionYears: 3 } });
    expect((await office.call('supervisees.get', { id: personId })).person.officerId).toBe(office.officer.id);
  });

  it('rolls the whole write back when a row of it fails: no case, no reassignment, no audit', async () => {
    const { office, personId } = await personWithRevokedCase();
    await office.as('supervisor');
    // A failure on the last rows written (the general conditions), after the person and the case rows.
    office.db().exec("CREATE TEMP TRIGGER fail_conditions BEFORE INSERT ON main.conditions BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    const before = office.counts();
    const r = await office.dispatch('cases.open', { superviseeId: personId, caseNumber: 'R8-0200', rule: PAROLE, officerId: office.officer2.id });
    expect(r.ok).toBe(false);
    expect(office.counts()).toEqual(before);
    expect((await office.call('supervisees.get', { id: personId })).person.officerId).toBe(office.officer.id);
  });
});
