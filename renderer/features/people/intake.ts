/**
 * The intake form's state, the checks made before sending, and the service input built from it.
 * Pure, so it is unit-testable. The person part is here; the case part is caseForm.ts, shared
 * with "open a new case". Field names are the service's (details.field), so an error from the
 * service lands on the same control as one found here.
 */
import type { DrugType, InputOf, Sex } from '../../../db/contract';
import { buildCase, CASE_FORM_FIELDS, checkCase, EMPTY_CASE_FORM, wholeNumber, type CaseFormState } from './caseForm';
import { isIsoDate, isKana, isRomaji } from './personFormat';

export { buildRule, ruleFields } from './caseForm';

export interface IntakeState extends CaseFormState {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  familyRomaji: string;
  givenRomaji: string;
  birthDate: string;
  sex: Sex | '';
  address: string;
  phone: string;
  languageNeeds: string;
  drugTypes: DrugType[];
  offences: string;
  priorConvictions: string;
  /** '' = the acting user. */
  officerId: string;
  /** '' = none yet. */
  vpoId: string;
}

export const EMPTY_INTAKE: IntakeState = {
  familyName: '',
  givenName: '',
  familyKana: '',
  givenKana: '',
  familyRomaji: '',
  givenRomaji: '',
  birthDate: '',
  sex: '',
  address: '',
  phone: '',
  languageNeeds: '',
  drugTypes: [],
  offences: '',
  priorConvictions: '0',
  officerId: '',
  vpoId: '',
  ...EMPTY_CASE_FORM,
};

/** Form order of the fields, for moving focus to the first with a problem. */
export const INTAKE_FIELDS = [
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'familyRomaji',
  'givenRomaji',
  'birthDate',
  'sex',
  'address',
  'phone',
  'languageNeeds',
  'drugTypes',
  'offences',
  'priorConvictions',
  'officerId',
  'vpoId',
  ...CASE_FORM_FIELDS,
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/**
 * Problems found before sending, as i18n keys by field. The service checks everything again
 * (the date rules, duplicates, the suspension term); this catches what is missing or malformed.
 */
export function checkIntake(s: IntakeState, today: string): Partial<Record<IntakeField, string>> {
  const e: Partial<Record<IntakeField, string>> = {};
  if (!s.familyName.trim()) e.familyName = 'peopleErrors.familyNameRequired';
  if (!s.familyKana.trim()) e.familyKana = 'peopleErrors.familyKanaRequired';
  else if (!isKana(s.familyKana)) e.familyKana = 'peopleErrors.kanaOnly';
  if (!isKana(s.givenKana)) e.givenKana = 'peopleErrors.kanaOnly';
  if (!isRomaji(s.familyRomaji)) e.familyRomaji = 'peopleErrors.romajiOnly';
  if (!isRomaji(s.givenRomaji)) e.givenRomaji = 'peopleErrors.romajiOnly';
  if (!s.birthDate) e.birthDate = 'peopleErrors.birthDateRequired';
  else if (!isIsoDate(s.birthDate)) e.birthDate = 'peopleErrors.dateInvalid';
  else if (s.birthDate > today) e.birthDate = 'peopleErrors.birthFuture';
  if (!s.sex) e.sex = 'peopleErrors.sexRequired';
  if (wholeNumber(s.priorConvictions, 0, 99) === null) e.priorConvictions = 'peopleErrors.priorConvictions';
  return { ...e, ...checkCase(s) };
}

export function buildIntake(s: IntakeState): InputOf<'supervisees.create'> {
  return {
    familyName: s.familyName.trim(),
    givenName: s.givenName.trim(),
    familyKana: s.familyKana.trim(),
    givenKana: s.givenKana.trim(),
    familyRomaji: s.familyRomaji.trim(),
    givenRomaji: s.givenRomaji.trim(),
    birthDate: s.birthDate,
    sex: s.sex as Sex,
    address: s.address.trim(),
    phone: s.phone.trim(),
    languageNeeds: s.languageNeeds.trim(),
    drugTypes: s.drugTypes,
    offences: s.offences.trim(),
    priorConvictions: Number(s.priorConvictions.trim()),
    ...(s.officerId ? { officerId: s.officerId } : {}),
    vpoId: s.vpoId || null,
    ...buildCase(s),
  };
}
