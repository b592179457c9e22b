import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CFP_LOW, caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function officeWithPartialCase() {
  const office = await caseworkOffice(t.dir);
  await office.as('officer');
  const detail = await office.call('supervisees.create', partialIntake());
  return { office, person: detail.person, kase: detail.cases[0]! };
}

describe('suspension of supervision (保護観察の停止)', () => {
  it('suspends a parole phase, leaves the end open, and on resumption moves both phases by the days stopped', async () => {
    const { office, kase } = await officeWithPartialCase();
    const suspended = await office.call('cases.suspend', { caseId: kase.id, fromDate: '2026-09-01', reason: '所在不明' });
    expect(suspended).toMatchObject({ status: 'suspended', plannedEndDate: null });
    expect(suspended.phases.map((p) => p.endDate)).toEqual([null, null]);
    expect(suspended.suspensions).toMatchObject([
      { phaseId: kase.phases[0]!.id, fromDate: '2026-09-01', resumedOn: null, reason: '所在不明', daysStopped: null },
    ]);

    const resumed = await office.call('cases.resume', { caseId: kase.id, resumedOn: '2026-10-01' });
    expect(resumed).toMatchObject({ status: 'active', startDate: '2026-06-15', plannedEndDate: '2029-01-19' });
    expect(resumed.suspensions[0]).toMatchObject({ resumedOn: '2026-10-01', daysStopped: 30 });
    expect(resumed.phases).toMatchObject([
      { kind: 'partial_parole', startDate: '2026-06-15', baseEndDate: '2026-12-20', endDate: '2027-01-19' },
      { kind: 'partial_probation', startDate: '2027-01-20', baseEndDate: '2028-12-20', endDate: '2029-01-19' },
    ]);

    // A second suspension adds up; it may not start inside the first one.
    expect(await office.dispatch('cases.suspend', { caseId: kase.id, fromDate: '2026-09-15' })).toMatchObject({
      ok: false,
      error: { code: 'OVERLAP', details: { field: 'fromDate' } },
    });
    await office.call('cases.suspend', { caseId: kase.id, fromDate: '2026-11-01' });
    const again = await office.call('cases.resume', { caseId: kase.id, resumedOn: '2026-11-08' });
    expect(again).toMatchObject({ plannedEndDate: '2029-01-26' });
    expect(again.phases.map((p) => [p.startDate, p.endDate])).toEqual([
      ['2026-06-15', '2027-01-26'],
      ['2027-01-27', '2029-01-26'],
    ]);

    const history = await office.call('supervisees.history', { id: kase.superviseeId });
    const phaseMove = history.find((h) => h.action === 'cases.resume' && h.entity === 'case_phases' && h.entityId === kase.phases[1]!.id);
    expect(phaseMove).toMatchObject({
      before: { start_date: '2027-01-20', end_date: '2029-01-19' },
      after: { start_date: '2027-01-27', end_date: '2029-01-26' },
    });
  });

  it('refuses to suspend a probationer, outside the period, twice, or in the future; and to resume wrongly', async () => {
    const { office, kase } = await officeWithPartialCase();
    const probation = await office.call(
      'supervisees.create',
      partialIntake({ caseNumber: 'P-1', rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 } }),
    );
    const before = office.counts();
    const refusals: [string, unknown, string, Record<string, unknown>?][] = [
      ['cases.suspend', { caseId: probation.cases[0]!.id, fromDate: '2026-09-01' }, 'INVALID_STATE'],
      ['cases.suspend', { caseId: kase.id, fromDate: '2026-06-14' }, 'VALIDATION', { field: 'fromDate' }],
      ['cases.suspend', { caseId: kase.id, fromDate: '2026-12-01' }, 'DATE_IN_FUTURE', { field: 'fromDate' }],
      ['cases.resume', { caseId: kase.id, resumedOn: '2026-10-01' }, 'INVALID_STATE'],
      ['cases.suspend', { caseId: '00000000-0000-4000-8000-000000000000', fromDate: '2026-09-01' }, 'NOT_FOUND'],
      ['cases.suspend', { caseId: kase.id }, 'INVALID_INPUT', { field: 'fromDate' }],
    ];
    for (const [channel, input, code, details] of refusals) {
      expect(await office.dispatch(channel, input), `${channel} ${code}`).toMatchObject({
        ok: false,
        error: { code, ...(details ? { details } : {}) },
      });
    }
    expect(office.counts()).toEqual(before);

    await office.call('cases.suspend', { caseId: kase.id, fromDate: '2026-09-01' });
    const suspended = office.counts();
    expect(await office.dispatch('cases.suspend', { caseId: kase.id, fromDate: '2026-10-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await office.dispatch('cases.resume', { caseId: kase.id, resumedOn: '2026-08-31' })).toMatchObject({
      ok: false,
      error: { code: 'END_BEFORE_START', details: { field: 'resumedOn' } },
    });
    expect(await office.dispatch('cases.resume', { caseId: kase.id, resumedOn: '2026-11-27' })).toMatchObject({
      ok: false,
      error: { code: 'DATE_IN_FUTURE', details: { field: 'resumedOn' } },
    });
    expect(office.counts()).toEqual(suspended);
  });
});

describe('termination', () => {
  it('only supervisors and administrators terminate; a terminated case is read-only', async () => {
    const { office, kase } = await officeWithPartialCase();
    const input = { caseId: kase.id, terminationDate: '2026-11-20', reason: 'revocation', employmentAtTermination: 'unemployed' } as const;
    const before = office.counts();
    expect(await office.dispatch('cases.terminate', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.counts()).toEqual(before);

    await office.as('supervisor');
    const asSupervisor = office.counts(); // signing in is itself audited
    for (const [bad, code] of [
      [{ terminationDate: '2026-06-14' }, 'END_BEFORE_START'],
      [{ terminationDate: '2026-11-27' }, 'DATE_IN_FUTURE'],
    ] as const) {
      expect(await office.dispatch('cases.terminate', { ...input, ...bad })).toMatchObject({
        ok: false,
        error: { code, details: { field: 'terminationDate' } },
      });
    }
    expect(await office.dispatch('cases.terminate', { ...input, reason: 'death' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'reason' } },
    });
    expect(office.counts()).toEqual(asSupervisor);

    const done = await office.call('cases.terminate', input);
    expect(done).toMatchObject({
      status: 'terminated',
      terminationDate: '2026-11-20',
      terminationReason: 'revocation',
      employmentAtStart: 'unemployed',
      employmentAtTermination: 'unemployed',
    });
    const terminated = office.counts();
    for (const [channel, call] of [
      ['cases.terminate', input],
      ['cases.setIntensity', { caseId: kase.id, level: 'A' }],
      ['cases.setGuidelines', { caseId: kase.id, text: 'x' }],
      ['cases.suspend', { caseId: kase.id, fromDate: '2026-09-01' }],
      ['conditions.add', { caseId: kase.id, kind: 'prohibited_conduct', text: 'x', setOn: '2026-09-01' }],
      ['assessments.record', { caseId: kase.id, assessedOn: '2026-09-01', overallRisk: 'low', intensityLevel: 'C', domains: CFP_LOW }],
    ] as const) {
      expect(await office.dispatch(channel, call), channel).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    }
    expect(office.counts()).toEqual(terminated);
  });

  it('lets an administrator terminate at expiry', async () => {
    const { office, kase } = await officeWithPartialCase();
    await office.as('admin');
    expect(
      await office.call('cases.terminate', {
        caseId: kase.id,
        terminationDate: '2026-11-26',
        reason: 'expiry',
        employmentAtTermination: 'employed',
      }),
    ).toMatchObject({ status: 'terminated', terminationReason: 'expiry' });
  });
});

describe('intensity and guidelines', () => {
  it('sets the intensity level from the configured table and records guidelines', async () => {
    const { office, kase } = await officeWithPartialCase();
    expect((await office.call('cases.setIntensity', { caseId: kase.id, level: 'A' })).intensityLevel).toBe('A');
    const before = office.counts();
    expect(await office.dispatch('cases.setIntensity', { caseId: kase.id, level: 'Q' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'level' } },
    });
    expect(office.counts()).toEqual(before);
    const g = await office.call('cases.setGuidelines', { caseId: kase.id, text: '毎日日記をつけ、面接時に持参すること。' });
    expect(g.guidelines).toBe('毎日日記をつけ、面接時に持参すること。');
  });
});

describe('conditions', () => {
  it('adds a special condition from the catalogue, changes and lifts it, with the history in the audit trail', async () => {
    const { office, kase } = await officeWithPartialCase();
    const catalogue = await office.call('conditions.catalogue', {});
    expect(catalogue.filter((c) => c.kind === 'general')).toHaveLength(4);
    expect(new Set(catalogue.filter((c) => c.kind !== 'general').map((c) => c.kind))).toEqual(
      new Set(['prohibited_conduct', 'required_conduct', 'prior_reporting', 'specialised_treatment', 'facility_residence']),
    );
    const program = catalogue.find((c) => c.code === 'drug_relapse_prevention_program')!;

    const added = await office.call('conditions.add', {
      caseId: kase.id,
      kind: 'specialised_treatment',
      catalogueCode: program.code,
      text: program.text,
      setOn: '2026-06-15',
    });
    expect(added).toMatchObject({ kind: 'specialised_treatment', setOn: '2026-06-15', changedOn: null, liftedOn: null });
    const changed = await office.call('conditions.change', {
      id: added.id,
      text: '薬物再乱用防止プログラム(ステップアッププログラム)を受けること。',
      changedOn: '2026-09-20',
    });
    expect(changed).toMatchObject({ changedOn: '2026-09-20', text: expect.stringContaining('ステップアップ') });
    const lifted = await office.call('conditions.lift', { id: added.id, liftedOn: '2026-11-01' });
    expect(lifted.liftedOn).toBe('2026-11-01');

    const detail = await office.call('supervisees.get', { id: kase.superviseeId });
    expect(detail.cases[0]!.conditions.map((c) => c.kind)).toEqual(['general', 'general', 'general', 'general', 'specialised_treatment']);

    const trail = (await office.call('supervisees.history', { id: kase.superviseeId })).filter((h) => h.entityId === added.id);
    expect(trail.map((h) => h.action)).toEqual(['conditions.lift', 'conditions.change', 'conditions.add']);
    expect(trail[1]).toMatchObject({ before: { text: program.text, changed_on: null }, after: { changed_on: '2026-09-20' } });
    expect(trail[0]).toMatchObject({ before: { lifted_on: null }, after: { lifted_on: '2026-11-01' } });
  });

  it('refuses to lift or change a general condition, to touch a lifted one, and dates out of order', async () => {
    const { office, kase } = await officeWithPartialCase();
    const general = kase.conditions[0]!;
    const special = await office.call('conditions.add', {
      caseId: kase.id,
      kind: 'prohibited_conduct',
      catalogueCode: 'no_association_with_drug_users',
      text: '覚醒剤の使用者と交際しないこと。',
      setOn: '2026-07-01',
    });
    const before = office.counts();
    const refusals: [string, unknown, string, string?][] = [
      ['conditions.lift', { id: general.id, liftedOn: '2026-10-01' }, 'INVALID_STATE'],
      ['conditions.change', { id: general.id, text: 'x', changedOn: '2026-10-01' }, 'INVALID_STATE'],
      ['conditions.lift', { id: special.id, liftedOn: '2026-06-30' }, 'END_BEFORE_START', 'liftedOn'],
      ['conditions.change', { id: special.id, text: 'x', changedOn: '2026-06-30' }, 'END_BEFORE_START', 'changedOn'],
      ['conditions.change', { id: special.id, text: ' ', changedOn: '2026-08-01' }, 'INVALID_INPUT', 'text'],
      [
        'conditions.add',
        { caseId: kase.id, kind: 'required_conduct', catalogueCode: 'no_association_with_drug_users', text: 'x', setOn: '2026-07-01' },
        'VALIDATION',
        'catalogueCode',
      ],
      ['conditions.add', { caseId: kase.id, kind: 'general', text: 'x', setOn: '2026-07-01' }, 'INVALID_INPUT', 'kind'],
      ['conditions.lift', { id: '00000000-0000-4000-8000-000000000000', liftedOn: '2026-10-01' }, 'NOT_FOUND'],
    ];
    for (const [channel, input, code, field] of refusals) {
      expect(await office.dispatch(channel, input), `${channel} ${code}`).toMatchObject({
        ok: false,
        error: { code, ...(field ? { details: { field } } : {}) },
      });
    }
    expect(office.counts()).toEqual(before);

    await office.call('conditions.lift', { id: special.id, liftedOn: '2026-10-01' });
    const lifted = office.counts();
    expect(await office.dispatch('conditions.lift', { id: special.id, liftedOn: '2026-10-02' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await office.dispatch('conditions.change', { id: special.id, text: 'y', changedOn: '2026-10-02' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(office.counts()).toEqual(lifted);
  });
});

describe('CFP assessments', () => {
  it('keeps reassessments as history and sets the intensity level in the same transaction', async () => {
    const { office, kase } = await officeWithPartialCase();
    const before = office.counts();
    const first = await office.call('assessments.record', {
      caseId: kase.id,
      assessedOn: '2026-06-20',
      overallRisk: 'high',
      intensityLevel: 'A',
      domains: { ...CFP_LOW, substance_use: { risk: 3, strength: 0, notes: '再使用の危険が高い' } },
      notes: '初回',
    });
    expect(first).toMatchObject({
      overallRisk: 'high',
      intensityLevel: 'A',
      assessedByName: '佐藤 花子',
      domains: { substance_use: { risk: 3, strength: 0 }, family: { risk: 1, strength: 2, notes: '' } },
    });
    const after = office.counts();
    expect(after.audit - before.audit).toBe(2); // the assessment and the case's level
    expect(office.db().prepare('SELECT DISTINCT action FROM audit_log WHERE id > ?').all(before.audit)).toEqual([
      { action: 'assessments.record' },
    ]);

    const second = await office.call('assessments.record', {
      caseId: kase.id,
      assessedOn: '2026-11-20',
      overallRisk: 'medium',
      intensityLevel: 'B',
      domains: CFP_LOW,
    });
    // Keyed in late: an older assessment joins the history but does not override the current level.
    await office.call('assessments.record', {
      caseId: kase.id,
      assessedOn: '2026-09-01',
      overallRisk: 'medium',
      intensityLevel: 'C',
      domains: CFP_LOW,
    });

    const list = await office.call('assessments.list', { caseId: kase.id });
    expect(list.map((a) => a.assessedOn)).toEqual(['2026-11-20', '2026-09-01', '2026-06-20']);
    const detail = (await office.call('supervisees.get', { id: kase.superviseeId })).cases[0]!;
    expect(detail).toMatchObject({ intensityLevel: 'B', assessmentCount: 3, latestAssessment: { id: second.id } });
  });

  it('refuses incomplete domains, unknown levels and future dates, writing nothing', async () => {
    const { office, kase } = await officeWithPartialCase();
    const base = { caseId: kase.id, assessedOn: '2026-11-01', overallRisk: 'low', intensityLevel: 'C', domains: CFP_LOW };
    const { leisure: _omit, ...seven } = CFP_LOW;
    const before = office.counts();
    const refusals: [unknown, string, string][] = [
      [{ ...base, domains: seven }, 'INVALID_INPUT', 'domains.leisure'],
      [{ ...base, domains: { ...CFP_LOW, spirituality: { risk: 0, strength: 0 } } }, 'INVALID_INPUT', 'domains'],
      [{ ...base, domains: { ...CFP_LOW, family: { risk: 4, strength: 0 } } }, 'INVALID_INPUT', 'domains.family.risk'],
      [{ ...base, overallRisk: 'extreme' }, 'INVALID_INPUT', 'overallRisk'],
      [{ ...base, intensityLevel: 'S' }, 'VALIDATION', 'intensityLevel'],
      [{ ...base, assessedOn: '2026-11-27' }, 'DATE_IN_FUTURE', 'assessedOn'],
    ];
    for (const [input, code, field] of refusals) {
      expect(await office.dispatch('assessments.record', input), `${code} ${field}`).toMatchObject({
        ok: false,
        error: { code, details: { field } },
      });
    }
    expect(office.counts()).toEqual(before);
    expect(await office.call('assessments.list', { caseId: kase.id })).toEqual([]);
  });
});
