/**
 * Turns a service error into a message at the form field it names (details.field), in the words
 * of that field. Pure, so it is unit-testable; the caller translates the key.
 */
import type { ErrorCode } from '../../../db/errors';
import { isApiError } from '../../api';

export interface FieldError {
  /** The form field the error belongs to, or null for a form-level message. */
  field: string | null;
  /** i18n key of the sentence. */
  key: string;
}

const KANA_FIELDS = new Set(['familyKana', 'givenKana', 'nameKana']);
const ROMAJI_FIELDS = new Set(['familyRomaji', 'givenRomaji']);

/** Field-specific sentences; a code not listed here falls back to the generic one. */
const BY_FIELD: Record<string, Partial<Record<ErrorCode, string>>> = {
  birthDate: { DATE_IN_FUTURE: 'peopleErrors.birthFuture', VALIDATION: 'peopleErrors.startBeforeBirth' },
  caseNumber: { DUPLICATE: 'peopleErrors.caseNumberTaken' },
  'rule.suspensionYears': { VALIDATION: 'peopleErrors.suspensionTerm' },
  'rule.suspensionMonths': { VALIDATION: 'peopleErrors.suspensionTerm' },
  'rule.juvenileTerm': { VALIDATION: 'peopleErrors.juvenileAge' },
  'rule.decisionDate': { END_BEFORE_START: 'peopleErrors.decisionBeforeBirth' },
  'rule.endDate': { END_BEFORE_START: 'peopleErrors.endBeforeStart' },
  'rule.sentenceEndDate': { END_BEFORE_START: 'peopleErrors.endBeforeStart' },
  'rule.unsuspendedEndDate': { END_BEFORE_START: 'peopleErrors.unsuspendedBeforeParole' },
  officerId: { VALIDATION: 'peopleErrors.officerInactive', FORBIDDEN: 'peopleErrors.officerForbidden' },
  vpoId: { VALIDATION: 'peopleErrors.vpoInactive' },
  intensityLevel: { VALIDATION: 'peopleErrors.unknownLevel' },
  level: { VALIDATION: 'peopleErrors.unknownLevel' },
  fromDate: {
    DATE_IN_FUTURE: 'peopleErrors.dateFuture',
    VALIDATION: 'peopleErrors.outsidePeriod',
    OVERLAP: 'peopleErrors.suspensionOverlap',
  },
  resumedOn: { DATE_IN_FUTURE: 'peopleErrors.dateFuture', END_BEFORE_START: 'peopleErrors.resumeBeforeSuspend' },
  terminationDate: { DATE_IN_FUTURE: 'peopleErrors.dateFuture', END_BEFORE_START: 'peopleErrors.terminationBeforeStart' },
  assessedOn: { DATE_IN_FUTURE: 'peopleErrors.dateFuture' },
  changedOn: { END_BEFORE_START: 'peopleErrors.changeBeforeSet' },
  liftedOn: { END_BEFORE_START: 'peopleErrors.liftBeforeSet' },
};

/** Sentences for input the schema refused (INVALID_INPUT), by the kind of field. */
function invalidInputKey(field: string): string {
  const leaf = field.split('.').pop() ?? field;
  if (KANA_FIELDS.has(leaf)) return 'peopleErrors.kanaOnly';
  if (ROMAJI_FIELDS.has(leaf)) return 'peopleErrors.romajiOnly';
  if (/(Date|On)$/.test(leaf)) return 'peopleErrors.dateInvalid';
  return 'peopleErrors.invalidValue';
}

export function fieldError(error: unknown): FieldError {
  if (!isApiError(error)) return { field: null, key: 'errors.INTERNAL' };
  const raw = error.details?.field;
  const field = typeof raw === 'string' && raw ? raw : null;
  if (field === null) return { field: null, key: `errors.${error.code}` };
  const specific = BY_FIELD[field]?.[error.code];
  if (specific) return { field, key: specific };
  if (error.code === 'INVALID_INPUT') return { field, key: invalidInputKey(field) };
  return { field, key: `errors.${error.code}` };
}
