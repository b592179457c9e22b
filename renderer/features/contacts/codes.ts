/**
 * The contract's code lists for daily casework, repeated here because the renderer may import only
 * types from db/. Each list fails to compile if the contract gains a code that is missing here.
 */
import type {
  AppointmentKind,
  InputOf,
  ContactKind,
  ContactOutcome,
  ContactReason,
  DrugTestMethod,
  DrugTestResult,
  DrugType,
  MeasureKind,
  StandardStatus,
} from '../../../db/contract';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

export const CONTACT_KIND_OPTIONS = [
  'office_interview',
  'home_visit',
  'duty_station_interview',
  'phone',
  'vpo_meeting',
  'vpo_monthly_report',
  'family_contact',
] as const satisfies readonly ContactKind[];

/** Kinds recorded with the quick-entry form, in the order of their number keys (1–6). */
export const QUICK_CONTACT_KINDS = [
  'office_interview',
  'home_visit',
  'duty_station_interview',
  'phone',
  'vpo_meeting',
  'family_contact',
] as const satisfies readonly Exclude<ContactKind, 'vpo_monthly_report'>[];
export type QuickContactKind = (typeof QUICK_CONTACT_KINDS)[number];

export const APPOINTMENT_KIND_OPTIONS = [
  'office_interview',
  'home_visit',
  'duty_station_interview',
  'phone',
  'vpo_meeting',
  'family_contact',
] as const satisfies readonly AppointmentKind[];

export const CONTACT_OUTCOME_OPTIONS = ['held', 'missed_acceptable', 'missed_unacceptable'] as const satisfies readonly ContactOutcome[];

export const CONTACT_REASON_OPTIONS = [
  'vpo_report_not_meeting',
  'outside_month',
  'before_case_start',
  'after_case_end',
  'during_suspension',
  'kind_not_counted',
  'missed',
  'counts_po',
  'counts_vpo',
] as const satisfies readonly ContactReason[];

export const STANDARD_STATUS_OPTIONS = ['not_active', 'met', 'on_track', 'past_due', 'overdue'] as const satisfies readonly StandardStatus[];

export type Recurrence = NonNullable<InputOf<'appointments.create'>['recurrence']>['every'];
export const RECURRENCE_OPTIONS = ['week', '2weeks', 'month'] as const satisfies readonly Recurrence[];

export const DRUG_TEST_METHOD_OPTIONS = ['urine_kit', 'saliva', 'laboratory', 'other'] as const satisfies readonly DrugTestMethod[];
export const DRUG_TEST_RESULT_OPTIONS = ['negative', 'positive', 'invalid', 'refused'] as const satisfies readonly DrugTestResult[];
export const DRUG_TYPE_OPTIONS = [
  'stimulants',
  'cannabis',
  'mdma_synthetics',
  'organic_solvents',
  'opioids',
  'cocaine',
  'dangerous_drugs',
  'other',
] as const satisfies readonly DrugType[];

export const MEASURE_KIND_OPTIONS = [
  'warning',
  'compulsory_appearance',
  'detention',
  'revocation_application',
  'provisional_cancellation',
  'suspension',
] as const satisfies readonly MeasureKind[];

/** Results that flag the case (a positive test, or a refusal to be tested). */
export function isFlaggedResult(result: DrugTestResult): boolean {
  return result === 'positive' || result === 'refused';
}

const exhaustive: [
  Exhaustive<ContactKind, (typeof CONTACT_KIND_OPTIONS)[number]>,
  Exhaustive<Exclude<ContactKind, 'vpo_monthly_report'>, QuickContactKind>,
  Exhaustive<AppointmentKind, (typeof APPOINTMENT_KIND_OPTIONS)[number]>,
  Exhaustive<ContactOutcome, (typeof CONTACT_OUTCOME_OPTIONS)[number]>,
  Exhaustive<ContactReason, (typeof CONTACT_REASON_OPTIONS)[number]>,
  Exhaustive<StandardStatus, (typeof STANDARD_STATUS_OPTIONS)[number]>,
  Exhaustive<DrugTestMethod, (typeof DRUG_TEST_METHOD_OPTIONS)[number]>,
  Exhaustive<DrugTestResult, (typeof DRUG_TEST_RESULT_OPTIONS)[number]>,
  Exhaustive<DrugType, (typeof DRUG_TYPE_OPTIONS)[number]>,
  Exhaustive<MeasureKind, (typeof MEASURE_KIND_OPTIONS)[number]>,
  Exhaustive<Recurrence, (typeof RECURRENCE_OPTIONS)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true];
void exhaustive;
