import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERAL_CONDITIONS } from '../../db/casework/catalogue';
import type { InputOf } from '../../db/contract';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('supervisee intake', () => {
  it('creates the person, a partial suspended sentence as two phases and the general conditions in one transaction', async () => {
    const office = await caseworkOffice(t.dir);
    await office.as('officer');
    const vpo = await office.call('vpos.save', { name: '高橋 正', nameKana: 'たかはし ただし', district: '千代田区', phone: '03-0000-0000' });
    const before = office.counts();
    const detail = await office.call('supervisees.create', partialIntake({ vpoId: vpo.id, familyKana: 'ﾔﾏﾀﾞ' }));

    expect(detail.person).toMatchObject({
      familyName: '山田',
      familyKana: 'ヤマダ', // half-width folded to full-width
      familyRomaji: 'Yamada',
      birthDate: '1990-05-05',
      drugTypes: ['stimulants'],
      priorConvictions: 2,
      officerId: office.officer.id,
      vpoId: vpo.id,
    });
    expect(detail.today).toBe('2026-11-26');
    expect(detail.age).toBe(36);
    expect(detail.officer).toEqual({ id: office.officer.id, displayName: '佐藤 花子' });
    expect(detail.vpo).toMatchObject({ name: '高橋 正', district: '千代田区' });

    expect(detail.cases).toHaveLength(1);
    const kase = detail.cases[0]!;
    expect(kase).toMatchObject({
      caseNumber: 'R8-0001',
      partialSuspension: true,
      status: 'active',
      intensityLevel: 'B',
      startDate: '2026-06-15',
      plannedEndDate: '2028-12-20',
      employmentAtStart: 'unemployed',
      suspensions: [],
      latestAssessment: null,
      assessmentCount: 0,
    });
    expect(kase.phases).toMatchObject([
      { seq: 1, category: '3', kind: 'partial_parole', startDate: '2026-06-15', baseEndDate: '2026-12-20', endDate: '2026-12-20' },
      { seq: 2, category: '4', kind: 'partial_probation', startDate: '2026-12-21', baseEndDate: '2028-12-20', endDate: '2028-12-20' },
    ]);
    expect(kase.currentPhaseId).toBe(kase.phases[0]!.id);
    expect(kase.conditions.map((c) => [c.kind, c.catalogueCode, c.setOn])).toEqual(
      GENERAL_CONDITIONS.map((g) => ['general', g.code, '2026-06-15']),
    );
    expect(kase.conditions[0]!.text).toContain('健全な生活態度');

    // One person, one case, two phases, four conditions: eight rows, eight audit entries, one action.
    const after = office.counts();
    expect(after.people - before.people).toBe(1);
    expect(after.phases - before.phases).toBe(2);
    expect(after.conditions - before.conditions).toBe(4);
    expect(after.audit - before.audit).toBe(8);
    const actions = office
      .db()
      .prepare('SELECT DISTINCT action FROM audit_log WHERE id > ?')
      .all(before.audit) as { action: string }[];
    expect(actions).toEqual([{ action: 'supervisees.create' }]);

    expect(await office.call('supervisees.get', { id: detail.person.id })).toEqual(detail);
    expect((await office.call('vpos.list', {}))[0]).toMatchObject({ id: vpo.id, caseCount: 1 });
  });

  it('creates single-phase cases for the other categories', async () => {
    const office = await caseworkOffice(t.dir);
    const juvenile = await office.call(
      'supervisees.create',
      partialIntake({
        caseNumber: 'J-1',
        birthDate: '2011-06-10',
        rule: { category: '1', decisionDate: '2026-09-01', juvenileTerm: 'until_20' },
      }),
    );
    expect(juvenile.age).toBe(15);
    expect(juvenile.cases[0]).toMatchObject({
      partialSuspension: false,
      startDate: '2026-09-01',
      plannedEndDate: '2031-06-09',
      phases: [{ category: '1', kind: 'juvenile_probation' }],
    });
    const probation = await office.call(
      'supervisees.create',
      partialIntake({ caseNumber: 'P-1', rule: { category: '4', judgmentFinalDate: '2026-10-01', suspensionYears: 2 } }),
    );
    expect(probation.cases[0]).toMatchObject({ plannedEndDate: '2028-09-30', phases: [{ category: '4', kind: 'probation' }] });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const office = await caseworkOffice(t.dir);
    await office.as('officer');
    await office.call('supervisees.create', partialIntake());
    const before = office.counts();
    const refusals: [InputOf<'supervisees.create'> | Record<string, unknown>, string, string][] = [
      [partialIntake({ caseNumber: 'R8-0002', birthDate: '2026-11-27' }), 'DATE_IN_FUTURE', 'birthDate'],
      [partialIntake({ caseNumber: 'R8-0001' }), 'DUPLICATE', 'caseNumber'],
      [partialIntake({ caseNumber: ' R8-0001 ' }), 'DUPLICATE', 'caseNumber'],
      [partialIntake({ caseNumber: 'Ｒ８-０００１' }), 'DUPLICATE', 'caseNumber'], // full-width digits folded
      [
        partialIntake({ caseNumber: 'R8-0002', rule: { category: '3', releaseDate: '2026-10-01', sentenceEndDate: '2026-09-30' } }),
        'END_BEFORE_START',
        'rule.sentenceEndDate',
      ],
      [
        partialIntake({
          caseNumber: 'R8-0002',
          rule: { category: 'partial', paroleReleaseDate: '2026-06-15', unsuspendedEndDate: '2026-12-20', suspensionYears: 6 },
        }),
        'VALIDATION',
        'rule.suspensionYears',
      ],
      [
        partialIntake({
          caseNumber: 'R8-0002',
          birthDate: '2010-01-01',
          rule: { category: '1', decisionDate: '2026-09-01', juvenileTerm: 'specified_2_years' },
        }),
        'VALIDATION',
        'rule.juvenileTerm',
      ],
      [partialIntake({ caseNumber: 'R8-0002', intensityLevel: 'Z' }), 'VALIDATION', 'intensityLevel'],
      [partialIntake({ caseNumber: 'R8-0002', vpoId: '00000000-0000-4000-8000-000000000000' }), 'VALIDATION', 'vpoId'],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), familyName: '  ' }, 'INVALID_INPUT', 'familyName'],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), familyName: undefined }, 'INVALID_INPUT', 'familyName'],
      [{ ...partialIntake(), caseNumber: undefined }, 'INVALID_INPUT', 'caseNumber'],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), birthDate: '1990-02-30' }, 'INVALID_INPUT', 'birthDate'],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), familyKana: 'yamada' }, 'INVALID_INPUT', 'familyKana'],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), drugTypes: ['heroin'] }, 'INVALID_INPUT', 'drugTypes.0'],
      [
        { ...partialIntake({ caseNumber: 'R8-0002' }), rule: { category: '3', releaseDate: '2026-10-01' } },
        'INVALID_INPUT',
        'rule.sentenceEndDate',
      ],
      [{ ...partialIntake({ caseNumber: 'R8-0002' }), nickname: 'x' }, 'INVALID_INPUT', ''],
    ];
    for (const [input, code, field] of refusals) {
      const r = await office.dispatch('supervisees.create', input);
      expect(r, `${code} ${field}`).toMatchObject({ ok: false, error: { code, details: { field } } });
    }
    expect(office.counts()).toEqual(before);
  });

  it('lets an officer take a new case on only themself; assigning others needs a supervisor', async () => {
    const office = await caseworkOffice(t.dir);
    await office.as('officer');
    const before = office.counts();
    expect(
      await office.dispatch('supervisees.create', partialIntake({ officerId: office.officer2.id })),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.counts()).toEqual(before);
    const mine = await office.call('supervisees.create', partialIntake());
    // An officer may edit the person but not reassign the case, not even to themself.
    const edited = await office.call('supervisees.update', { id: mine.person.id, phone: '080-1111-2222', address: '新住所' });
    expect(edited.person).toMatchObject({ phone: '080-1111-2222', address: '新住所', familyName: '山田' });
    const afterEdit = office.counts();
    expect(
      await office.dispatch('supervisees.update', { id: mine.person.id, officerId: office.officer2.id }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.counts()).toEqual(afterEdit);

    await office.as('supervisor');
    const moved = await office.call('supervisees.update', { id: mine.person.id, officerId: office.officer2.id });
    expect(moved.officer).toEqual({ id: office.officer2.id, displayName: '鈴木 一郎' });
    const assigned = await office.call('supervisees.create', partialIntake({ caseNumber: 'R8-0099', officerId: office.officer.id }));
    expect(assigned.person.officerId).toBe(office.officer.id);
    expect(
      await office.dispatch('supervisees.update', { id: mine.person.id, officerId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'officerId' } } });
  });

  it('refuses a future birth date on update too, and writes nothing for an unchanged form', async () => {
    const office = await caseworkOffice(t.dir);
    const p = await office.call('supervisees.create', partialIntake());
    const before = office.counts();
    expect(await office.dispatch('supervisees.update', { id: p.person.id, birthDate: '2030-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'DATE_IN_FUTURE', details: { field: 'birthDate' } },
    });
    // Saving the form unchanged writes nothing either.
    await office.call('supervisees.update', { id: p.person.id, phone: p.person.phone, familyName: '山田', drugTypes: ['stimulants'] });
    expect(await office.dispatch('supervisees.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(office.counts()).toEqual(before);
  });
});

describe('family and change history', () => {
  it('adds and edits family members and shows every change in the history', async () => {
    const office = await caseworkOffice(t.dir);
    await office.as('officer');
    const p = await office.call('supervisees.create', partialIntake());
    const mother = await office.call('family.save', {
      superviseeId: p.person.id,
      name: '山田 花子',
      nameKana: 'やまだ はなこ',
      relation: 'parent',
      isGuarantor: true,
      contact: '090-2222-3333',
    });
    expect(mother).toMatchObject({ relation: 'parent', isGuarantor: true, seminarParticipation: 'none', guardianInstructed: false });
    const updated = await office.call('family.save', {
      superviseeId: p.person.id,
      id: mother.id,
      name: '山田 花子',
      nameKana: 'やまだ はなこ',
      relation: 'parent',
      isGuarantor: true,
      contact: '090-2222-3333',
      seminarParticipation: 'attending',
    });
    expect(updated.seminarParticipation).toBe('attending');
    await office.call('family.save', { superviseeId: p.person.id, name: '山田 次郎', relation: 'sibling' });
    const detail = await office.call('supervisees.update', { id: p.person.id, phone: '080-9999-0000' });
    expect(detail.family.map((f) => f.name)).toEqual(['山田 花子', '山田 次郎']);

    // Another person's rows stay out of this history.
    await office.call('supervisees.create', partialIntake({ caseNumber: 'R8-0002', familyName: '佐々木' }));

    const history = await office.call('supervisees.history', { id: p.person.id });
    expect(history.map((h) => h.action).slice(0, 4)).toEqual(['supervisees.update', 'family.add', 'family.update', 'family.add']);
    expect(history[0]).toMatchObject({
      entity: 'supervisees',
      entityId: p.person.id,
      actorLogin: 'sato',
      actorRole: 'officer',
      before: { phone: '090-0000-0000' },
      after: { phone: '080-9999-0000' },
    });
    expect(history[2]).toMatchObject({ before: { seminar_participation: 'none' }, after: { seminar_participation: 'attending' } });
    const created = history.filter((h) => h.action === 'supervisees.create');
    expect(created).toHaveLength(8);
    expect(new Set(created.map((h) => h.entity))).toEqual(new Set(['supervisees', 'cases', 'case_phases', 'conditions']));
    expect(history.every((h, i) => i === 0 || h.id < history[i - 1]!.id)).toBe(true);
    expect(await office.call('supervisees.history', { id: p.person.id, limit: 2 })).toHaveLength(2);
  });

  it("refuses a family member of another person, or one that doesn't exist", async () => {
    const office = await caseworkOffice(t.dir);
    const a = await office.call('supervisees.create', partialIntake());
    const b = await office.call('supervisees.create', partialIntake({ caseNumber: 'R8-0002' }));
    const m = await office.call('family.save', { superviseeId: a.person.id, name: '母', relation: 'parent' });
    const before = office.counts();
    expect(
      await office.dispatch('family.save', { superviseeId: b.person.id, id: m.id, name: '母', relation: 'parent' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { field: 'id' } } });
    expect(await office.dispatch('family.save', { superviseeId: a.person.id, name: '', relation: 'parent' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'name' } },
    });
    expect(await office.dispatch('family.save', { superviseeId: a.person.id, name: '母', relation: 'aunt' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'relation' } },
    });
    expect(office.counts()).toEqual(before);
  });
});

describe('VPO registry', () => {
  it('registers, edits, filters and counts current cases', async () => {
    const office = await caseworkOffice(t.dir);
    const a = await office.call('vpos.save', { name: '高橋 正', nameKana: 'たかはし ただし', district: '千代田区' });
    const b = await office.call('vpos.save', { name: '伊藤 恵子', nameKana: 'いとう けいこ', district: '港区' });
    expect(a).toMatchObject({ active: true, caseCount: 0, phone: '' });
    await office.call('supervisees.create', partialIntake({ vpoId: a.id }));
    await office.call('supervisees.create', partialIntake({ caseNumber: 'R8-0002', vpoId: a.id }));
    const off = await office.call('vpos.save', { id: b.id, name: '伊藤 恵子', nameKana: 'いとう けいこ', district: '港区', active: false });
    expect(off.active).toBe(false);

    expect((await office.call('vpos.list', {})).map((v) => [v.name, v.caseCount, v.active])).toEqual([
      ['高橋 正', 2, true],
      ['伊藤 恵子', 0, false],
    ]);
    expect((await office.call('vpos.list', { activeOnly: true })).map((v) => v.id)).toEqual([a.id]);
    expect((await office.call('vpos.list', { query: '港' })).map((v) => v.id)).toEqual([b.id]);
    expect((await office.call('vpos.list', { query: 'たかはし' })).map((v) => v.id)).toEqual([a.id]);
    expect(await office.call('vpos.list', { query: '%' })).toEqual([]);

    // An inactive VPO cannot be assigned.
    expect(await office.dispatch('supervisees.create', partialIntake({ caseNumber: 'R8-0003', vpoId: b.id }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'vpoId' } },
    });
    expect(
      await office.dispatch('vpos.save', { id: '00000000-0000-4000-8000-000000000000', name: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
