import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api';
import { fieldError } from '../../renderer/features/people/formErrors';
import { buildIntake, checkIntake, EMPTY_INTAKE, ruleFields, type IntakeState } from '../../renderer/features/people/intake';
import { ageOn, daysBetween, isKana, isRomaji, kanaName, kanjiName, romajiName, todayInJapan } from '../../renderer/features/people/personFormat';

const TODAY = '2026-11-26';

function valid(overrides: Partial<IntakeState> = {}): IntakeState {
  return {
    ...EMPTY_INTAKE,
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'タロウ',
    familyRomaji: 'Yamada',
    givenRomaji: 'Taro',
    birthDate: '1990-05-05',
    sex: 'male',
    caseNumber: ' R8-0001 ',
    category: 'partial',
    paroleReleaseDate: '2026-06-15',
    unsuspendedEndDate: '2026-12-20',
    suspensionYears: '2',
    intensityLevel: 'B',
    ...overrides,
  };
}

describe('people: names, ages, dates', () => {
  it('writes names as officers read them, family name first', () => {
    const p = { familyName: '山田', givenName: '太郎', familyKana: 'やまだ', givenKana: 'たろう', familyRomaji: 'Yamada', givenRomaji: 'Taro' };
    expect(kanjiName(p)).toBe('山田 太郎');
    expect(kanaName(p)).toBe('やまだ たろう');
    expect(romajiName(p)).toBe('YAMADA Taro');
    expect(kanjiName({ familyName: 'NGUYEN VAN A', givenName: '' })).toBe('NGUYEN VAN A');
    expect(romajiName({ familyRomaji: '', givenRomaji: '' })).toBe('');
  });

  it('counts the age in completed years, a 29 February birthday from 1 March', () => {
    expect(ageOn('1990-05-05', '2026-05-04')).toBe(35);
    expect(ageOn('1990-05-05', '2026-05-05')).toBe(36);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2030-01-01', TODAY)).toBeNull();
    expect(ageOn('not a date', TODAY)).toBeNull();
    expect(ageOn('2026-02-30', TODAY)).toBeNull();
  });

  it('gives today in Japan whatever the machine zone', () => {
    expect(todayInJapan(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-26');
    expect(todayInJapan(new Date('2026-11-25T14:59:00Z'))).toBe('2026-11-25');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-10-27', '2026-11-16')).toBe(20);
    expect(daysBetween('2029-03-26', '2029-04-15')).toBe(20);
  });

  it('accepts kana (half-width folded) and romaji as the service does', () => {
    expect(isKana('やまだ')).toBe(true);
    expect(isKana('ヤマダ・タロウ')).toBe(true);
    expect(isKana('ﾔﾏﾀﾞ')).toBe(true);
    expect(isKana('山田')).toBe(false);
    expect(isRomaji("O'Brien-Smith")).toBe(true);
    expect(isRomaji('やまだ')).toBe(false);
  });
});

describe('people: intake checks', () => {
  it('finds nothing wrong in a complete intake', () => {
    expect(checkIntake(valid(), TODAY)).toEqual({});
  });

  it('names every missing field', () => {
    expect(checkIntake({ ...EMPTY_INTAKE }, TODAY)).toEqual({
      familyName: 'peopleErrors.familyNameRequired',
      familyKana: 'peopleErrors.familyKanaRequired',
      birthDate: 'peopleErrors.birthDateRequired',
      sex: 'peopleErrors.sexRequired',
      caseNumber: 'peopleErrors.caseNumberRequired',
      'rule.category': 'peopleErrors.categoryRequired',
      intensityLevel: 'peopleErrors.levelRequired',
    });
    expect(checkIntake(valid({ paroleReleaseDate: '', unsuspendedEndDate: '', suspensionYears: '' }), TODAY)).toEqual({
      'rule.paroleReleaseDate': 'peopleErrors.dateRequired',
      'rule.unsuspendedEndDate': 'peopleErrors.dateRequired',
      'rule.suspensionYears': 'peopleErrors.suspensionRequired',
    });
  });

  it('refuses a future birth date, an end before the start, and a term outside 1–5 years', () => {
    expect(checkIntake(valid({ birthDate: '2026-11-27' }), TODAY)).toEqual({ birthDate: 'peopleErrors.birthFuture' });
    expect(checkIntake(valid({ unsuspendedEndDate: '2026-06-14' }), TODAY)).toEqual({
      'rule.unsuspendedEndDate': 'peopleErrors.unsuspendedBeforeParole',
    });
    expect(checkIntake(valid({ category: '3', releaseDate: '2026-06-15', sentenceEndDate: '2026-06-01' }), TODAY)).toEqual({
      'rule.sentenceEndDate': 'peopleErrors.endBeforeStart',
    });
    expect(checkIntake(valid({ suspensionYears: '6' }), TODAY)).toEqual({ 'rule.suspensionYears': 'peopleErrors.suspensionTerm' });
    expect(checkIntake(valid({ suspensionYears: '0', suspensionMonths: '11' }), TODAY)).toEqual({
      'rule.suspensionYears': 'peopleErrors.suspensionTerm',
    });
    expect(checkIntake(valid({ suspensionYears: '0', suspensionMonths: '12' }), TODAY)).toEqual({
      'rule.suspensionMonths': 'peopleErrors.suspensionTerm',
    });
    expect(checkIntake(valid({ familyKana: '山田', givenRomaji: '太郎' }), TODAY)).toEqual({
      familyKana: 'peopleErrors.kanaOnly',
      givenRomaji: 'peopleErrors.romajiOnly',
    });
  });

  it('asks only for the rule inputs of the chosen category', () => {
    expect(ruleFields('1', true)).toEqual(['rule.decisionDate', 'rule.juvenileTerm']);
    expect(ruleFields('4', true)).toEqual(['rule.judgmentFinalDate', 'rule.suspensionYears', 'rule.suspensionMonths']);
    expect(ruleFields('partial', false)).toEqual(['rule.unsuspendedEndDate', 'rule.suspensionYears', 'rule.suspensionMonths']);
    // A partial sentence served in full has no parole date to check.
    expect(checkIntake(valid({ paroled: false, paroleReleaseDate: '' }), TODAY)).toEqual({});
  });

  it('builds the service input, trimmed, with the rule of the category', () => {
    const input = buildIntake(valid({ vpoId: '', employmentAtStart: 'unemployed', priorConvictions: '2' }));
    expect(input).toMatchObject({
      familyName: '山田',
      caseNumber: 'R8-0001',
      priorConvictions: 2,
      vpoId: null,
      employmentAtStart: 'unemployed',
      rule: { category: 'partial', paroleReleaseDate: '2026-06-15', unsuspendedEndDate: '2026-12-20', suspensionYears: 2, suspensionMonths: 0 },
    });
    expect(input).not.toHaveProperty('officerId');
    expect(buildIntake(valid({ paroled: false })).rule).toMatchObject({ category: 'partial', paroleReleaseDate: null });
    expect(buildIntake(valid({ category: '1', decisionDate: '2026-04-01', juvenileTerm: 'specified_2_years' })).rule).toEqual({
      category: '1',
      decisionDate: '2026-04-01',
      juvenileTerm: 'specified_2_years',
    });
  });
});

describe('people: service errors at their field', () => {
  it('puts a field-specific sentence at the field the service names', () => {
    expect(fieldError(new ApiError('DUPLICATE', 'x', { field: 'caseNumber' }))).toEqual({ field: 'caseNumber', key: 'peopleErrors.caseNumberTaken' });
    expect(fieldError(new ApiError('DATE_IN_FUTURE', 'x', { field: 'birthDate' }))).toEqual({ field: 'birthDate', key: 'peopleErrors.birthFuture' });
    expect(fieldError(new ApiError('VALIDATION', 'x', { field: 'rule.suspensionYears' }))).toEqual({
      field: 'rule.suspensionYears',
      key: 'peopleErrors.suspensionTerm',
    });
    expect(fieldError(new ApiError('END_BEFORE_START', 'x', { field: 'rule.unsuspendedEndDate' }))).toEqual({
      field: 'rule.unsuspendedEndDate',
      key: 'peopleErrors.unsuspendedBeforeParole',
    });
  });

  it('words input the schema refused by the kind of field', () => {
    expect(fieldError(new ApiError('INVALID_INPUT', 'x', { field: 'familyKana' })).key).toBe('peopleErrors.kanaOnly');
    expect(fieldError(new ApiError('INVALID_INPUT', 'x', { field: 'givenRomaji' })).key).toBe('peopleErrors.romajiOnly');
    expect(fieldError(new ApiError('INVALID_INPUT', 'x', { field: 'rule.releaseDate' })).key).toBe('peopleErrors.dateInvalid');
    expect(fieldError(new ApiError('INVALID_INPUT', 'x', { field: 'phone' })).key).toBe('peopleErrors.invalidValue');
  });

  it('falls back to the generic sentence, above the buttons when no field is named', () => {
    expect(fieldError(new ApiError('OVERLAP', 'x', { field: 'caseNumber' }))).toEqual({ field: 'caseNumber', key: 'errors.OVERLAP' });
    expect(fieldError(new ApiError('FORBIDDEN', 'x'))).toEqual({ field: null, key: 'errors.FORBIDDEN' });
    expect(fieldError(new Error('boom'))).toEqual({ field: null, key: 'errors.INTERNAL' });
  });
});
