/**
 * The case part of a form: intake's case section and "open a new case" on the person page share
 * it. Its state, the checks made before sending and the service input built from it. Pure, so it
 * is unit-testable. Field names are the service's (details.field), so an error from the service
 * lands on the same control as one found here.
 */
import type { CaseCategory, EmploymentStatus, InputOf } from '../../../db/contract';
import type { JuvenileTerm } from './codes';
import { isIsoDate } from './personFormat';

export interface CaseFormState {
  caseNumber: string;
  category: CaseCategory | '';
  decisionDate: string;
  juvenileTerm: JuvenileTerm;
  releaseDate: string;
  endDate: string;
  sentenceEndDate: string;
  judgmentFinalDate: string;
  suspensionYears: string;
  suspensionMonths: string;
  /** Partial suspended sentence: paroled from the unsuspended part (else served in full). */
  paroled: boolean;
  paroleReleaseDate: string;
  unsuspendedEndDate: string;
  intensityLevel: string;
  employmentAtStart: EmploymentStatus | '';
  guidelines: string;
}

export const EMPTY_CASE_FORM: CaseFormState = {
  caseNumber: '',
  category: '',
  decisionDate: '',
  juvenileTerm: 'until_20',
  releaseDate: '',
  endDate: '',
  sentenceEndDate: '',
  judgmentFinalDate: '',
  suspensionYears: '',
  suspensionMonths: '0',
  paroled: true,
  paroleReleaseDate: '',
  unsuspendedEndDate: '',
  intensityLevel: '',
  employmentAtStart: '',
  guidelines: '',
};

/** Form order of the case fields, for moving focus to the first with a problem. */
export const CASE_FORM_FIELDS = [
  'caseNumber',
  'rule.category',
  'rule.decisionDate',
  'rule.juvenileTerm',
  'rule.releaseDate',
  'rule.paroleReleaseDate',
  'rule.unsuspendedEndDate',
  'rule.endDate',
  'rule.sentenceEndDate',
  'rule.judgmentFinalDate',
  'rule.suspensionYears',
  'rule.suspensionMonths',
  'intensityLevel',
  'employmentAtStart',
  'guidelines',
] as const;
export type CaseFormField = (typeof CASE_FORM_FIELDS)[number];

/** Which rule inputs a category asks for, in form order. */
export function ruleFields(category: CaseCategory | '', paroled: boolean): CaseFormField[] {
  switch (category) {
    case '1':
      return ['rule.decisionDate', 'rule.juvenileTerm'];
    case '2':
    case '5':
      return ['rule.releaseDate', 'rule.endDate'];
    case '3':
      return ['rule.releaseDate', 'rule.sentenceEndDate'];
    case '4':
      return ['rule.judgmentFinalDate', 'rule.suspensionYears', 'rule.suspensionMonths'];
    case 'partial':
      return [
        ...(paroled ? (['rule.paroleReleaseDate'] as const) : []),
        'rule.unsuspendedEndDate',
        'rule.suspensionYears',
        'rule.suspensionMonths',
      ];
    default:
      return [];
  }
}

export function wholeNumber(s: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(s.trim())) return null;
  const n = Number(s.trim());
  return n >= min && n <= max ? n : null;
}

/** Rule input field → the state key holding it. */
const RULE_STATE: Partial<Record<CaseFormField, keyof CaseFormState>> = {
  'rule.decisionDate': 'decisionDate',
  'rule.releaseDate': 'releaseDate',
  'rule.endDate': 'endDate',
  'rule.sentenceEndDate': 'sentenceEndDate',
  'rule.judgmentFinalDate': 'judgmentFinalDate',
  'rule.paroleReleaseDate': 'paroleReleaseDate',
  'rule.unsuspendedEndDate': 'unsuspendedEndDate',
};

/**
 * Problems of the case part found before sending, as i18n keys by field. The service checks
 * everything again (the date rules, duplicates, the suspension term, overlapping cases); this
 * catches what is missing or malformed.
 */
export function checkCase(s: CaseFormState): Partial<Record<CaseFormField, string>> {
  const e: Partial<Record<CaseFormField, string>> = {};
  if (!s.caseNumber.trim()) e.caseNumber = 'peopleErrors.caseNumberRequired';
  if (!s.category) e['rule.category'] = 'peopleErrors.categoryRequired';
  for (const f of ruleFields(s.category, s.paroled)) {
    const key = RULE_STATE[f];
    if (!key) continue;
    const v = s[key] as string;
    if (!v) e[f] = 'peopleErrors.dateRequired';
    else if (!isIsoDate(v)) e[f] = 'peopleErrors.dateInvalid';
  }
  const before = (start: CaseFormField, end: CaseFormField, key: string) => {
    const a = RULE_STATE[start] && (s[RULE_STATE[start]!] as string);
    const b = RULE_STATE[end] && (s[RULE_STATE[end]!] as string);
    if (!e[start] && !e[end] && a && b && b < a) e[end] = key;
  };
  if (s.category === '2' || s.category === '5') before('rule.releaseDate', 'rule.endDate', 'peopleErrors.endBeforeStart');
  if (s.category === '3') before('rule.releaseDate', 'rule.sentenceEndDate', 'peopleErrors.endBeforeStart');
  if (s.category === 'partial' && s.paroled) {
    before('rule.paroleReleaseDate', 'rule.unsuspendedEndDate', 'peopleErrors.unsuspendedBeforeParole');
  }
  if (s.category === '4' || s.category === 'partial') {
    const years = wholeNumber(s.suspensionYears, 0, 99);
    const months = wholeNumber(s.suspensionMonths || '0', 0, 11);
    if (years === null) e['rule.suspensionYears'] = s.suspensionYears.trim() ? 'peopleErrors.suspensionTerm' : 'peopleErrors.suspensionRequired';
    else if (months === null) e['rule.suspensionMonths'] = 'peopleErrors.suspensionTerm';
    else if (years * 12 + months < 12 || years * 12 + months > 60) e['rule.suspensionYears'] = 'peopleErrors.suspensionTerm';
  }
  if (!s.intensityLevel) e.intensityLevel = 'peopleErrors.levelRequired';
  return e;
}

type OpenInput = InputOf<'cases.open'>;
/** The case part of the input, as intake (`supervisees.create`) and `cases.open` both take it. */
export type CaseInput = Pick<OpenInput, 'caseNumber' | 'rule' | 'intensityLevel' | 'employmentAtStart' | 'guidelines'>;

/** The rule inputs of the chosen category; call only once checkCase found nothing. */
export function buildRule(s: CaseFormState): OpenInput['rule'] {
  const years = Number(s.suspensionYears.trim() || '0');
  const months = Number(s.suspensionMonths.trim() || '0');
  switch (s.category) {
    case '1':
      return { category: '1', decisionDate: s.decisionDate, juvenileTerm: s.juvenileTerm };
    case '2':
      return { category: '2', releaseDate: s.releaseDate, endDate: s.endDate };
    case '5':
      return { category: '5', releaseDate: s.releaseDate, endDate: s.endDate };
    case '3':
      return { category: '3', releaseDate: s.releaseDate, sentenceEndDate: s.sentenceEndDate };
    case '4':
      return { category: '4', judgmentFinalDate: s.judgmentFinalDate, suspensionYears: years, suspensionMonths: months };
    case 'partial':
      return {
        category: 'partial',
        paroleReleaseDate: s.paroled ? s.paroleReleaseDate : null,
        unsuspendedEndDate: s.unsuspendedEndDate,
        suspensionYears: years,
        suspensionMonths: months,
      };
    default:
      throw new Error('no category chosen');
  }
}

export function buildCase(s: CaseFormState): CaseInput {
  return {
    caseNumber: s.caseNumber.trim(),
    rule: buildRule(s),
    intensityLevel: s.intensityLevel,
    employmentAtStart: s.employmentAtStart || null,
    guidelines: s.guidelines.trim(),
  };
}
