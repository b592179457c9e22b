/** The case part shared by intake and "open a new case": its checks and the input built from it. */
import { describe, expect, it } from 'vitest';
import { contract } from '../../db/contract';
import { buildCase, checkCase, EMPTY_CASE_FORM, type CaseFormState } from '../../renderer/features/people/caseForm';

const PAROLE: CaseFormState = { ...EMPTY_CASE_FORM, caseNumber: ' R8-0200 ', category: '3', releaseDate: '2026-11-01', sentenceEndDate: '2027-10-31', intensityLevel: 'B' };

describe('the case form', () => {
  it('names what is missing or malformed, by the service’s field names', () => {
    expect(checkCase(EMPTY_CASE_FORM)).toEqual({
      caseNumber: 'peopleErrors.caseNumberRequired',
      'rule.category': 'peopleErrors.categoryRequired',
      intensityLevel: 'peopleErrors.levelRequired',
    });
    expect(checkCase({ ...PAROLE, sentenceEndDate: '2026-10-31' })).toEqual({ 'rule.sentenceEndDate': 'peopleErrors.endBeforeStart' });
    expect(checkCase({ ...PAROLE, category: '4', judgmentFinalDate: '2026-13-01', suspensionYears: '6' })).toEqual({
      'rule.judgmentFinalDate': 'peopleErrors.dateInvalid',
      'rule.suspensionYears': 'peopleErrors.suspensionTerm',
    });
    expect(checkCase(PAROLE)).toEqual({});
  });

  it('builds the case part that cases.open accepts, as supervisees.create does', () => {
    const input = { superviseeId: '00000000-0000-4000-8000-000000000001', ...buildCase({ ...PAROLE, guidelines: ' 早寝早起き ' }) };
    expect(input).toMatchObject({ caseNumber: 'R8-0200', rule: { category: '3', releaseDate: '2026-11-01', sentenceEndDate: '2027-10-31' }, employmentAtStart: null, guidelines: '早寝早起き' });
    expect(contract['cases.open'].input.safeParse(input).success).toBe(true);
    const partial = buildCase({ ...PAROLE, category: 'partial', paroled: false, unsuspendedEndDate: '2026-12-20', suspensionYears: '2' });
    expect(partial.rule).toEqual({ category: 'partial', paroleReleaseDate: null, unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 });
  });
});
