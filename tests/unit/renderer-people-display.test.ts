import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CasePhase } from '../../db/contract';
import { caseShift, currentPhase, maySuspend, phaseShift } from '../../renderer/features/person/caseFormat';
import { historyActionKey, historyChanges, historyValue, type ValueContext } from '../../renderer/features/person/historyFormat';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';

function phase(p: Partial<CasePhase>): CasePhase {
  return {
    id: 'p1',
    seq: 1,
    category: '3',
    kind: 'partial_parole',
    startDate: '2026-06-15',
    baseEndDate: '2026-12-20',
    endDate: '2026-12-20',
    rule: {},
    ...p,
  };
}

function kase(c: Partial<CaseDetail>): CaseDetail {
  return {
    id: 'c1',
    superviseeId: 's1',
    caseNumber: 'R8-0001',
    partialSuspension: true,
    status: 'active',
    intensityLevel: 'B',
    startDate: '2026-06-15',
    plannedEndDate: '2028-12-20',
    terminationDate: null,
    terminationReason: null,
    employmentAtStart: null,
    employmentAtTermination: null,
    guidelines: '',
    phases: [
      phase({}),
      phase({ id: 'p2', seq: 2, category: '4', kind: 'partial_probation', startDate: '2026-12-21', baseEndDate: '2028-12-20', endDate: '2028-12-20' }),
    ],
    currentPhaseId: 'p1',
    suspensions: [],
    conditions: [],
    latestAssessment: null,
    assessmentCount: 0,
    createdAt: '',
    updatedAt: '',
    ...c,
  };
}

describe('people: case display', () => {
  it('shows how far suspensions moved each end, and nothing while suspended', () => {
    expect(phaseShift(phase({}))).toBe(0);
    expect(phaseShift(phase({ endDate: '2027-01-09' }))).toBe(20);
    expect(phaseShift(phase({ endDate: null }))).toBeNull();
    expect(caseShift(kase({}))).toBe(0);
    expect(caseShift(kase({ plannedEndDate: '2029-01-09' }))).toBe(20);
    expect(caseShift(kase({ plannedEndDate: null, status: 'suspended' }))).toBeNull();
  });

  it('offers suspension only in an active parole phase', () => {
    expect(currentPhase(kase({}))?.kind).toBe('partial_parole');
    expect(maySuspend(kase({}))).toBe(true);
    expect(maySuspend(kase({ currentPhaseId: 'p2' }))).toBe(false);
    expect(maySuspend(kase({ status: 'suspended' }))).toBe(false);
    expect(maySuspend(kase({ status: 'terminated' }))).toBe(false);
  });
});

describe('people: change history in words', () => {
  async function context(lng: 'ja' | 'en'): Promise<ValueContext> {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { ja: { translation: ja }, en: { translation: en } }, interpolation: { escapeValue: false } });
    return {
      t: i18n.t,
      style: { lang: lng, era: false },
      names: new Map([['11111111-2222-3333-4444-555555555555', '高橋 一郎']]),
      catalogue: new Map([['keep_working', lng === 'ja' ? '就労の継続' : 'Keep working or looking for work']]),
    };
  }

  it('hides ids and row times, and lists fields in the order of the forms', () => {
    const lines = historyChanges({
      before: null,
      after: { id: 'x', supervisee_id: 'y', created_at: 't', sex: 'male', family_name: '山田', birth_date: '1990-05-05' },
    });
    expect(lines.map((l) => l.field)).toEqual(['family_name', 'birth_date', 'sex']);
    expect(lines.every((l) => l.kind === 'set')).toBe(true);
    const changed = historyChanges({ before: { end_date: '2028-12-20' }, after: { end_date: '2029-01-09' } });
    expect(changed).toEqual([{ field: 'end_date', kind: 'change', before: '2028-12-20', after: '2029-01-09' }]);
  });

  it('words dates, codes, lists, yes/no, people and catalogue entries', async () => {
    const j = await context('ja');
    expect(historyValue('cases', 'planned_end_date', '2029-01-09', j)).toBe('2029年1月9日');
    expect(historyValue('cases', 'status', 'suspended', j)).toBe('停止中');
    expect(historyValue('case_phases', 'kind', 'partial_parole', j)).toBe('一部執行猶予者の仮釈放（3号）');
    expect(historyValue('conditions', 'kind', 'prohibited_conduct', j)).toBe('特定の行動の禁止');
    expect(historyValue('supervisees', 'drug_types', '["stimulants","cannabis"]', j)).toBe('覚醒剤、大麻');
    expect(historyValue('family_members', 'is_guarantor', 1, j)).toBe('はい');
    expect(historyValue('supervisees', 'vpo_id', '11111111-2222-3333-4444-555555555555', j)).toBe('高橋 一郎');
    expect(historyValue('supervisees', 'officer_id', 'abcdef01-0000-0000-0000-000000000000', j)).toBe('（ID abcdef01）');
    expect(historyValue('conditions', 'catalogue_code', 'keep_working', j)).toBe('就労の継続');
    expect(historyValue('cases', 'guidelines', '', j)).toBe('—');
    const e = await context('en');
    expect(historyValue('case_phases', 'rule', JSON.stringify({ category: 'partial', paroleReleaseDate: '2026-06-15', unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 }), e)).toBe(
      'Release on parole: 15 Jun 2026, End of the unsuspended part: 20 Dec 2026, Suspension: 2 years 0 months',
    );
    expect(historyValue('assessments', 'domains', JSON.stringify({ family: { risk: 1, strength: 2 } }), e)).toBe('Family risk 1 / strength 2');
  });

  it('has a sentence for every action the person services record', () => {
    const actions = [
      'supervisees.create',
      'supervisees.update',
      'family.add',
      'family.update',
      'cases.open',
      'cases.suspend',
      'cases.resume',
      'cases.terminate',
      'cases.setIntensity',
      'cases.setGuidelines',
      'conditions.add',
      'conditions.change',
      'conditions.lift',
      'assessments.record',
    ];
    for (const lang of [ja, en]) {
      const table = lang.personHistory.actions as Record<string, string>;
      for (const a of actions) expect(table[historyActionKey(a).split('.').pop()!], a).toBeTruthy();
    }
  });
});
