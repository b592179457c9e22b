/**
 * The programs contract's code lists, repeated here because the renderer may import only types
 * from db/. Each list fails to compile if the contract gains a code that is missing here.
 */
import type { Attendance, DeliveryMode, EnrolmentStage, ProgramKind, SessionStage } from '../../../db/contract';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

/** In the order of their number keys on the roster (1–4). */
export const ATTENDANCE_OPTIONS = ['attended', 'late', 'absent_acceptable', 'absent_unacceptable'] as const satisfies readonly Attendance[];
export const DELIVERY_MODE_OPTIONS = ['group', 'individual', 'phone', 'self_study'] as const satisfies readonly DeliveryMode[];
export const SESSION_STAGE_OPTIONS = ['core', 'step_up'] as const satisfies readonly SessionStage[];
export const ENROLMENT_STAGE_OPTIONS = ['core', 'step_up', 'outside'] as const satisfies readonly EnrolmentStage[];
export const PROGRAM_KIND_OPTIONS = [
  'relapse_prevention',
  'psychiatric_outpatient',
  'psychiatric_inpatient',
  'mhwc_counselling',
  'darc_day_program',
  'self_help_group',
  'other',
] as const satisfies readonly ProgramKind[];

/** Attendance that counts as present (a drug test may be recorded). */
export function isPresent(a: Attendance | 'pending'): boolean {
  return a === 'attended' || a === 'late';
}

const exhaustive: [
  Exhaustive<Attendance, (typeof ATTENDANCE_OPTIONS)[number]>,
  Exhaustive<DeliveryMode, (typeof DELIVERY_MODE_OPTIONS)[number]>,
  Exhaustive<SessionStage, (typeof SESSION_STAGE_OPTIONS)[number]>,
  Exhaustive<EnrolmentStage, (typeof ENROLMENT_STAGE_OPTIONS)[number]>,
  Exhaustive<ProgramKind, (typeof PROGRAM_KIND_OPTIONS)[number]>,
] = [true, true, true, true, true];
void exhaustive;
