/**
 * The caseload dashboard ("my caseload" for officers, the whole office for supervisors) and the
 * person timeline (one list of everything that happened to a supervisee).
 */
import { z } from 'zod';
import { CASE_CATEGORIES, DRUG_TYPES, type CaseStatus, type DrugType, type PhaseKind } from './casework';
import { channel, uuid } from './define';

// ---------------------------------------------------------------------------------------------
// Caseload

export const CASELOAD_FLAGS = [
  'overdueContact',
  'missingVpoReport',
  'positiveTest',
  'endingSoon',
  'appointmentNeedsOutcome',
  'programMissed',
] as const;
export type CaseloadFlag = (typeof CASELOAD_FLAGS)[number];
export type CaseloadFlags = Record<CaseloadFlag, boolean>;

export const CASELOAD_SORT_KEYS = [
  'name',
  'caseNumber',
  'category',
  'intensity',
  'endDate',
  'officer',
  'lastContact',
  'flagCount',
] as const;
export type CaseloadSortKey = (typeof CASELOAD_SORT_KEYS)[number];

/** 'all' includes terminated cases; 'open' is active and suspended (absconded) together. */
export const CASELOAD_STATUSES = ['active', 'suspended', 'open', 'terminated', 'all'] as const;
export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number];

export const CASELOAD_MAX_LIMIT = 500;

export interface CaseloadRow {
  caseId: string;
  superviseeId: string;
  /** Family and given name in kanji, and in kana, each joined by a space. */
  name: string;
  kana: string;
  caseNumber: string;
  status: CaseStatus;
  /** Category (号種) of the phase running today: the first phase before it starts, the last after. */
  category: Exclude<(typeof CASE_CATEGORIES)[number], 'partial'>;
  phaseKind: PhaseKind;
  /** A partial suspended sentence (刑の一部執行猶予). */
  partial: boolean;
  intensity: string;
  drugTypes: DrugType[];
  officerId: string | null;
  officerName: string | null;
  vpoId: string | null;
  vpoName: string | null;
  startDate: string;
  /** null while supervision is suspended (the end is not known until it resumes). */
  plannedEndDate: string | null;
  terminationDate: string | null;
  /** Last contact held, monthly reports excluded. */
  lastContactDate: string | null;
  flags: CaseloadFlags;
  flagCount: number;
  /**
   * False when the viewer may not see this case's drug tests (only the case's officer,
   * supervisors and administrators may): positiveTest is then always false.
   */
  drugTestsVisible: boolean;
}

export interface CaseloadPage {
  /** Japan calendar date the flags were computed for. */
  today: string;
  /** Rows matching the filters, before paging. */
  total: number;
  offset: number;
  rows: CaseloadRow[];
}

const levelCode = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'level: 1–16 letters or digits');

const caseloadFilters = z
  .object({
    /** '1'–'5' match the category of the phase running today; 'partial' any partial suspended sentence. */
    category: z.enum(CASE_CATEGORIES).optional(),
    drugType: z.enum(DRUG_TYPES).optional(),
    intensity: levelCode.optional(),
    /** Cases with every one of these flags. */
    flags: z
      .array(z.enum(CASELOAD_FLAGS))
      .max(CASELOAD_FLAGS.length)
      .refine((a) => new Set(a).size === a.length, 'each flag once')
      .optional(),
    status: z.enum(CASELOAD_STATUSES).default('active'),
    /** Unit scope only: one officer's cases. */
    officerId: uuid.optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Timeline

/**
 * What a timeline item is about. `data` carries codes and values only; the renderer words them.
 * - phase_start / phase_end: {phaseKind, category, seq}
 * - suspension_start: {reason}; suspension_end: {daysStopped}
 * - condition_set / condition_changed / condition_lifted: {conditionKind, catalogueCode, text}
 * - assessment: {overallRisk, intensityLevel}
 * - contact: {contactKind, outcome, byUserName, byVpoName, reportMonth, notes (null when hidden), sensitive}
 * - appointment: {appointmentKind, status, place, needsOutcome, upcoming}
 * - drug_test: {method, result, substances (comma-separated codes), consent, followUp}
 * - measure: {measureKind, decision, needsSignoff, signedOff}
 * - termination: {reason, employmentAtTermination}
 * - program_enrolled / program_core_completed / program_completed: {programCode, programName, programKind}
 * - program_withdrawn: {programCode, programName, programKind, reason}
 * - program_session: {programCode, programName, stage, sessionNo, attendance, deliveryMode}
 * - employment_support_start: {supportKind, office, employerName, months, subsidyStatus, outcome};
 *   employment_support_end: {supportKind, outcome}
 * - job_start: {jobKind, employerName}; job_end: {jobKind, employerName, leavingReason}
 * - employment_status: {status (WorkStatus)}
 * - seminar_invited: {topic, heldOn, memberName, relation, guardianInstructed, attendance}
 * - seminar_attended: {topic, memberName, relation, followUp}
 * - placement_start: {facilityName, facilityKind, plannedEndOn}
 * - placement_end: {facilityName, facilityKind, exitReason, exitDestination, stayDays}
 * - support_link_start / support_link_end: {orgName, orgKind}
 */
export const TIMELINE_KINDS = [
  'phase_start',
  'phase_end',
  'suspension_start',
  'suspension_end',
  'condition_set',
  'condition_changed',
  'condition_lifted',
  'assessment',
  'contact',
  'appointment',
  'drug_test',
  'measure',
  'termination',
  'program_enrolled',
  'program_session',
  'program_core_completed',
  'program_completed',
  'program_withdrawn',
  'employment_support_start',
  'employment_support_end',
  'job_start',
  'job_end',
  'employment_status',
  'seminar_invited',
  'seminar_attended',
  'placement_start',
  'placement_end',
  'support_link_start',
  'support_link_end',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineValue = string | number | boolean | null;

export interface TimelineItem {
  /** Japan calendar date. */
  date: string;
  /** HH:MM in Japan, when known. */
  time: string | null;
  kind: TimelineKind;
  caseId: string;
  caseNumber: string;
  /** Id of the row the item comes from (phase, contact, test…; the case for a termination; `conditionId#n` for a condition's n-th change). */
  refId: string;
  data: Record<string, TimelineValue>;
}

export interface PersonTimeline {
  superviseeId: string;
  today: string;
  /** False when the viewer may not see this person's drug tests: none are listed. */
  drugTestsVisible: boolean;
  /** Newest first; future appointments come first. */
  items: TimelineItem[];
}

// ---------------------------------------------------------------------------------------------
// Channels

export const caseloadChannels = {
  /** Officers may ask only for 'mine'; supervisors and administrators also for 'unit' (the whole office). */
  'caseload.list': channel<CaseloadPage>()(
    z
      .object({
        scope: z.enum(['mine', 'unit']).default('mine'),
        filters: caseloadFilters.prefault({}),
        sort: z
          .object({ key: z.enum(CASELOAD_SORT_KEYS).default('name'), dir: z.enum(['asc', 'desc']).default('asc') })
          .strict()
          .prefault({}),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(CASELOAD_MAX_LIMIT).default(100),
      })
      .strict(),
  ),
  'timeline.forPerson': channel<PersonTimeline>()(z.object({ superviseeId: uuid }).strict()),
} as const;
