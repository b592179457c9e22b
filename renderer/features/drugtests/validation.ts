/** Checks of the drug test form before it is sent. Pure. */
import type { DrugTestResult } from '../../../db/contract';
import { isIsoDate } from '../contacts/japanDates';

export type DrugTestField = 'date' | 'method' | 'substances' | 'result' | 'consent' | 'followUp';
type FieldName = DrugTestField;

/** Client checks of a drug test, as message keys per field. Pure. */
export function drugTestProblems(input: {
  date: string;
  today: string;
  substances: readonly string[];
  result: DrugTestResult | null;
  consent: boolean;
}): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  if (!isIsoDate(input.date)) out.date = 'daily.common.dateInvalid';
  else if (input.date > input.today) out.date = 'daily.common.dateFuture';
  if (input.substances.length === 0) out.substances = 'daily.drugTests.substancesRequired';
  if (input.result === null) out.result = 'daily.drugTests.resultRequired';
  else if (!input.consent && input.result !== 'refused') out.consent = 'daily.drugTests.consentRequired';
  return out;
}
