/**
 * Support pathways besides treatment programs: vocational support (cooperating employers, Hello
 * Work and other supports, jobs, employment status), family seminars, facility placements (委託)
 * and links to medical and NGO support. Schema: db/migrations/0006_pathways.sql.
 */
import { z } from 'zod';
import type { EmploymentStatus, FamilyRelation, TerminationReason } from './casework';
import { channel, empty, isoDate, uuid } from './define';

// ---------------------------------------------------------------------------------------------
// Codes

export const SUPPORT_KINDS = ['hello_work_referral', 'job_counselling', 'work_experience', 'trial_employment'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
/** Trial employment (トライアル雇用) subsidy to the employer. */
export const SUBSIDY_STATUSES = ['not_applied', 'applied', 'approved', 'paid', 'rejected'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];
export const SUPPORT_OUTCOMES = ['pending', 'job_found', 'no_job', 'completed', 'withdrawn'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export const JOB_KINDS = ['full_time', 'part_time', 'day_labour', 'self_employed', 'other'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The employment status history; the case's own employment at start/termination is coarser (EmploymentStatus). */
export const WORK_STATUSES = ['full_time', 'part_time', 'unemployed_seeking', 'not_seeking', 'student'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
/** How a detailed status reads in the case's coarse employment code. */
export const WORK_STATUS_AS_EMPLOYMENT: Record<WorkStatus, EmploymentStatus> = {
  full_time: 'employed',
  part_time: 'employed',
  unemployed_seeking: 'unemployed',
  not_seeking: 'unemployed',
  student: 'student',
};

export const SEMINAR_ATTENDANCE = ['invited', 'attended', 'absent', 'declined'] as const;
export type SeminarAttendance = (typeof SEMINAR_ATTENDANCE)[number];
export const RECORDED_ATTENDANCE = ['attended', 'absent', 'declined'] as const;

export const FACILITY_KINDS = ['rehabilitation_facility', 'self_reliance_home', 'darc_residence', 'other'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const EXIT_DESTINATIONS = ['rented_housing', 'employer_housing', 'family', 'other'] as const;
export type ExitDestination = (typeof EXIT_DESTINATIONS)[number];

export const SUPPORT_ORG_KINDS = [
  'psychiatric_hospital',
  'medical_clinic',
  'mental_health_centre',
  'public_health_centre',
  'self_help_group',
  'darc',
  'other',
] as const;
export type SupportOrgKind = (typeof SUPPORT_ORG_KINDS)[number];

/** SOURCE (DOMAIN.md): share of drug supervisees linked to medical or NGO support nationally, FY2023. */
export const NATIONAL_LINKED_SHARE = { share: 0.091, period: 'FY2023' } as const;

export const PATHWAY_LIST_MAX = 1000;

// ---------------------------------------------------------------------------------------------
// Outputs

/** The case (and person) a row of an office-wide list belongs to. */
export interface CaseRef {
  caseId: string;
  caseNumber: string;
  superviseeId: string;
  /** Family and given name in kanji, and in kana, each joined by a space. */
  name: string;
  kana: string;
  officerId: string | null;
}

export interface Employer {
  id: string;
  name: string;
  nameKana: string;
  industry: string;
  address: string;
  municipality: string;
  contactName: string;
  phone: string;
  /** How many supervisees the employer is willing to take on. */
  capacity: number;
  acceptsDrugOffences: boolean;
  active: boolean;
  notes: string;
  /** Supervisees in an open job with this employer. */
  employingNow: number;
  createdAt: string;
  updatedAt: string;
}

export interface EmployerPage {
  total: number;
  offset: number;
  rows: Employer[];
}

export interface EmployerFacets {
  industries: string[];
  municipalities: string[];
}

export interface EmploymentSupport {
  id: string;
  caseId: string;
  kind: SupportKind;
  startedOn: string;
  endedOn: string | null;
  /** The Hello Work office. */
  office: string;
  employerId: string | null;
  employerName: string | null;
  /** Trial employment only. */
  months: number | null;
  subsidyStatus: SubsidyStatus | null;
  outcome: SupportOutcome;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Job {
  id: string;
  caseId: string;
  employerId: string | null;
  /** The registered employer's name, or the name typed for an employer not in the registry. */
  employerName: string;
  kind: JobKind;
  startedOn: string;
  endedOn: string | null;
  leavingReason: string | null;
  supportId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkStatusEntry {
  id: string;
  caseId: string;
  status: WorkStatus;
  since: string;
  createdAt: string;
}

export interface EmploymentAt {
  date: string;
  /** What the case recorded (cases.employment_at_start / _at_termination). */
  recorded: EmploymentStatus | null;
  /** The status history's entry in force that day. */
  fromHistory: WorkStatus | null;
  /** `recorded`, else the history's status read as the case's code. */
  status: EmploymentStatus | null;
}

export interface EmploymentForCase {
  caseId: string;
  /** Newest first. */
  supports: EmploymentSupport[];
  jobs: Job[];
  statusHistory: WorkStatusEntry[];
  currentStatus: WorkStatus | null;
  atStart: EmploymentAt;
  /** null while the case has not been terminated. */
  atTermination: EmploymentAt | null;
}

export type SupportRow = EmploymentSupport & CaseRef;
export type JobRow = Job & CaseRef;

export interface Seminar {
  id: string;
  heldOn: string;
  startTime: string | null;
  place: string;
  topic: string;
  facilitator: string;
  capacity: number;
  notes: string;
  /** Invitations not declined: they hold a seat. */
  seatsTaken: number;
  invited: number;
  attended: number;
  absent: number;
  declined: number;
  guardiansInstructed: number;
  createdAt: string;
  updatedAt: string;
}

export interface SeminarInvitation {
  id: string;
  seminarId: string;
  familyMemberId: string;
  memberName: string;
  memberKana: string;
  relation: FamilyRelation;
  isGuarantor: boolean;
  contact: string;
  superviseeId: string;
  superviseeName: string;
  caseId: string | null;
  caseNumber: string | null;
  invitedOn: string;
  guardianInstructed: boolean;
  attendance: SeminarAttendance;
  followUp: string;
  updatedAt: string;
}

export interface SeminarDetail {
  seminar: Seminar;
  invitations: SeminarInvitation[];
}

/** A family member of someone whose supervision has ended (地域援助: the office may keep advising them). */
export interface ReachableFamilyMember {
  familyMemberId: string;
  name: string;
  nameKana: string;
  relation: FamilyRelation;
  isGuarantor: boolean;
  contact: string;
  superviseeId: string;
  superviseeName: string;
  /** The person's most recently terminated case. */
  caseId: string;
  caseNumber: string;
  terminationDate: string;
  terminationReason: TerminationReason | null;
  lastSeminar: { seminarId: string; heldOn: string; topic: string; attendance: SeminarAttendance } | null;
}

export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  address: string;
  phone: string;
  capacity: number;
  drugFocused: boolean;
  active: boolean;
  /** Residents today. */
  occupiedToday: number;
  /** capacity − occupiedToday (negative when over capacity). */
  available: number;
  createdAt: string;
  updatedAt: string;
}

export interface Placement extends CaseRef {
  id: string;
  facilityId: string;
  facilityName: string;
  facilityKind: FacilityKind;
  startedOn: string;
  plannedEndOn: string | null;
  endedOn: string | null;
  exitReason: string | null;
  exitDestination: ExitDestination | null;
  /** Days from the start to the end (or to today while open). */
  stayDays: number;
  createdAt: string;
  updatedAt: string;
}

export interface OccupancyMonth {
  facilityId: string;
  facilityName: string;
  facilityKind: FacilityKind;
  /** YYYY-MM */
  month: string;
  /** The facility's capacity today (capacity history is not kept). */
  capacity: number;
  /** Days of the month counted: the part inside the asked range and not after today. */
  days: number;
  /** Placements that occupied a bed on at least one counted day. */
  placementsActive: number;
  /** Resident-days on the counted days. */
  bedDays: number;
  /** bedDays / days. */
  averageResidents: number;
  /** bedDays / (capacity × days); null when the capacity is 0. */
  occupancyRate: number | null;
  /** Placements that ended on a counted day. */
  placementsEnded: number;
  /** Mean stay (days) of those; null when none ended. */
  averageStayDays: number | null;
}

export interface Occupancy {
  from: string;
  /** The asked end, or today when that is later. */
  to: string;
  months: string[];
  /** Per facility (by name), per month (oldest first). */
  rows: OccupancyMonth[];
}

export interface SupportOrg {
  id: string;
  name: string;
  kind: SupportOrgKind;
  address: string;
  phone: string;
  notes: string;
  active: boolean;
  /** Cases with an open link to it. */
  linkedNow: number;
  createdAt: string;
  updatedAt: string;
}

export interface SupportLink extends CaseRef {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: SupportOrgKind;
  startedOn: string;
  endedOn: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface LinkShare {
  asOf: string;
  /** Drug-related cases under supervision on asOf (supervisee with any drug type). */
  denominator: number;
  /** Of those, cases with a link to medical or NGO support open on asOf. */
  numerator: number;
  /** numerator / denominator, or null when there are no such cases. */
  share: number | null;
  /** Linked cases per kind of organisation (a case linked to two kinds counts in both). */
  byKind: Record<SupportOrgKind, number>;
  national: { share: number; period: string };
}

// ---------------------------------------------------------------------------------------------
// Inputs

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'required').max(max);
/** Width-folded (NFKC), so that filters and search match whatever width was typed. */
const folded = (max: number) =>
  z
    .string()
    .trim()
    .overwrite((s) => s.normalize('NFKC').replace(/\s+/g, ' '))
    .max(max);
const kana = z
  .string()
  .trim()
  .overwrite((s) => s.normalize('NFKC'))
  .max(80)
  .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]*$/u, 'kana only');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM');
const notes = text(4000).default('');
const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(PATHWAY_LIST_MAX).default(200),
};
const dateRange = { from: isoDate.optional(), to: isoDate.optional() };
const uniqueIds = z
  .array(uuid)
  .min(1)
  .max(200)
  .refine((a) => new Set(a).size === a.length, 'each family member once');

const supportFields = {
  endedOn: isoDate.nullable().optional(),
  office: text(120).optional(),
  employerId: uuid.nullable().optional(),
  /** Trial employment: usually 1–3 months, at most 12. */
  months: z.number().int().min(1).max(12).nullable().optional(),
  subsidyStatus: z.enum(SUBSIDY_STATUSES).nullable().optional(),
  outcome: z.enum(SUPPORT_OUTCOMES).optional(),
  notes: text(4000).optional(),
};

const seminarFields = {
  heldOn: isoDate,
  startTime: hhmm.nullable().default(null),
  place: required(200),
  topic: required(200),
  facilitator: text(200).default(''),
  capacity: z.number().int().min(1).max(1000),
  notes,
};

// ---------------------------------------------------------------------------------------------
// Channels

export const pathwaysChannels = {
  // --- vocational support ---------------------------------------------------------------------
  /** query: name or reading, folded like the person search (width, katakana/hiragana, romaji). */
  'employers.list': channel<EmployerPage>()(
    z
      .object({
        query: text(80).optional(),
        industry: folded(80).optional(),
        municipality: folded(80).optional(),
        acceptsDrugOffences: z.boolean().optional(),
        activeOnly: z.boolean().default(false),
        offset: paging.offset,
        limit: z.number().int().min(1).max(PATHWAY_LIST_MAX).default(100),
      })
      .strict(),
  ),
  /** The industries and municipalities in the registry, for the list's filters. */
  'employers.facets': channel<EmployerFacets>()(empty),
  /** Any staff role. Adds an employer, or (with id) replaces one's details. */
  'employers.save': channel<Employer>()(
    z
      .object({
        id: uuid.optional(),
        name: folded(120).pipe(z.string().min(1, 'required')),
        nameKana: kana.default(''),
        industry: folded(80).default(''),
        address: text(200).default(''),
        municipality: folded(80).default(''),
        contactName: text(80).default(''),
        phone: text(40).default(''),
        capacity: z.number().int().min(0).max(10_000).default(0),
        acceptsDrugOffences: z.boolean().default(false),
        active: z.boolean().default(true),
        notes: text(2000).default(''),
      })
      .strict(),
  ),

  'employment.recordSupport': channel<EmploymentSupport>()(
    z
      .object({
        caseId: uuid,
        kind: z.enum(SUPPORT_KINDS),
        startedOn: isoDate,
        ...supportFields,
        outcome: z.enum(SUPPORT_OUTCOMES).default('pending'),
      })
      .strict(),
  ),
  /** Changes the given fields; null clears an optional one. */
  'employment.updateSupport': channel<EmploymentSupport>()(
    z.object({ id: uuid, startedOn: isoDate.optional(), ...supportFields }).strict(),
  ),
  'employment.recordJob': channel<Job>()(
    z
      .object({
        caseId: uuid,
        /** A registered cooperating employer, or the name of one outside the registry. */
        employerId: uuid.optional(),
        employerName: text(120).optional(),
        kind: z.enum(JOB_KINDS),
        startedOn: isoDate,
        endedOn: isoDate.optional(),
        leavingReason: text(1000).optional(),
        /** The support that led to the job; a pending one is marked job_found. */
        supportId: uuid.optional(),
        /**
         * The employment status from the job's start, recorded in the same transaction (the rules
         * of employment.setStatus; a refused status records no job either).
         */
        status: z.enum(WORK_STATUSES).optional(),
      })
      .strict(),
  ),
  'employment.endJob': channel<Job>()(
    z.object({ id: uuid, endedOn: isoDate, leavingReason: text(1000).default('') }).strict(),
  ),
  'employment.setStatus': channel<WorkStatusEntry>()(
    z.object({ caseId: uuid, status: z.enum(WORK_STATUSES), since: isoDate }).strict(),
  ),
  'employment.forCase': channel<EmploymentForCase>()(z.object({ caseId: uuid }).strict()),
  /** Office-wide list of supports started in the range (newest first). */
  'employment.supports': channel<SupportRow[]>()(
    z
      .object({
        kind: z.enum(SUPPORT_KINDS).optional(),
        outcome: z.enum(SUPPORT_OUTCOMES).optional(),
        employerId: uuid.optional(),
        openOnly: z.boolean().default(false),
        ...dateRange,
        ...paging,
      })
      .strict(),
  ),
  /** Office-wide list of jobs that overlap the range (newest first). */
  'employment.jobs': channel<JobRow[]>()(
    z
      .object({
        kind: z.enum(JOB_KINDS).optional(),
        employerId: uuid.optional(),
        openOnly: z.boolean().default(false),
        ...dateRange,
        ...paging,
      })
      .strict(),
  ),

  // --- family seminars ------------------------------------------------------------------------
  'seminars.create': channel<Seminar>()(z.object(seminarFields).strict()),
  /** Lowering the capacity below the seats taken needs allowOverCapacity. */
  'seminars.update': channel<Seminar>()(
    z.object({ id: uuid, ...seminarFields, allowOverCapacity: z.boolean().default(false) }).strict(),
  ),
  /**
   * One transaction. guardianInstructed: the invitation is a measure for the guardian of a juvenile
   * (保護者に対する措置); every member invited must then be a guardian of a juvenile supervisee.
   */
  'seminars.invite': channel<SeminarDetail>()(
    z
      .object({
        seminarId: uuid,
        familyMemberIds: uniqueIds,
        guardianInstructed: z.boolean().default(false),
        allowOverCapacity: z.boolean().default(false),
      })
      .strict(),
  ),
  /** One transaction: every entry must be an invited member, or nothing is saved. */
  'seminars.recordAttendance': channel<SeminarDetail>()(
    z
      .object({
        seminarId: uuid,
        entries: z
          .array(
            z
              .object({
                familyMemberId: uuid,
                attendance: z.enum(RECORDED_ATTENDANCE),
                followUp: text(2000).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(200)
          .refine((a) => new Set(a.map((e) => e.familyMemberId)).size === a.length, 'each family member once'),
      })
      .strict(),
  ),
  'seminars.list': channel<Seminar[]>()(z.object({ ...dateRange }).strict()),
  'seminars.get': channel<SeminarDetail>()(z.object({ id: uuid }).strict()),
  /** Family members of people with no open case left, newest termination first. */
  'family.reachable': channel<ReachableFamilyMember[]>()(
    z.object({ terminatedFrom: isoDate.optional(), terminatedTo: isoDate.optional(), ...paging }).strict(),
  ),

  // --- facilities and placements --------------------------------------------------------------
  'facilities.list': channel<Facility[]>()(
    z
      .object({ kind: z.enum(FACILITY_KINDS).optional(), drugFocused: z.boolean().optional(), activeOnly: z.boolean().default(false) })
      .strict(),
  ),
  'facilities.save': channel<Facility>()(
    z
      .object({
        id: uuid.optional(),
        name: folded(120).pipe(z.string().min(1, 'required')),
        kind: z.enum(FACILITY_KINDS),
        address: text(200).default(''),
        phone: text(40).default(''),
        capacity: z.number().int().min(0).max(1000),
        drugFocused: z.boolean().default(false),
        active: z.boolean().default(true),
      })
      .strict(),
  ),
  /**
   * Refuses a placement overlapping another of the same person (OVERLAP) and, when the facility
   * is full on any day of the new placement, OVER_CAPACITY {capacity, occupied, date} unless the
   * officer has confirmed it (confirmOverCapacity).
   */
  'placements.create': channel<Placement>()(
    z
      .object({
        caseId: uuid,
        facilityId: uuid,
        startedOn: isoDate,
        plannedEndOn: isoDate.optional(),
        confirmOverCapacity: z.boolean().default(false),
      })
      .strict(),
  ),
  'placements.end': channel<Placement>()(
    z
      .object({
        id: uuid,
        endedOn: isoDate,
        exitReason: text(1000).default(''),
        exitDestination: z.enum(EXIT_DESTINATIONS),
      })
      .strict(),
  ),
  /** Placements overlapping the range, newest start first. */
  'placements.list': channel<Placement[]>()(
    z
      .object({
        caseId: uuid.optional(),
        facilityId: uuid.optional(),
        status: z.enum(['open', 'ended', 'all']).default('all'),
        exitDestination: z.enum(EXIT_DESTINATIONS).optional(),
        ...dateRange,
        ...paging,
      })
      .strict(),
  ),
  /** Per facility per month of [from, to] (at most 60 months; days after today are not counted). */
  'facilities.occupancy': channel<Occupancy>()(z.object({ facilityId: uuid.optional(), from: isoDate, to: isoDate }).strict()),

  // --- medical and NGO support ----------------------------------------------------------------
  'supportOrgs.list': channel<SupportOrg[]>()(
    z.object({ kind: z.enum(SUPPORT_ORG_KINDS).optional(), activeOnly: z.boolean().default(false) }).strict(),
  ),
  'supportOrgs.save': channel<SupportOrg>()(
    z
      .object({
        id: uuid.optional(),
        name: folded(120).pipe(z.string().min(1, 'required')),
        kind: z.enum(SUPPORT_ORG_KINDS),
        address: text(200).default(''),
        phone: text(40).default(''),
        notes: text(2000).default(''),
        active: z.boolean().default(true),
      })
      .strict(),
  ),
  'supportLinks.create': channel<SupportLink>()(
    z.object({ caseId: uuid, orgId: uuid, startedOn: isoDate, notes }).strict(),
  ),
  'supportLinks.end': channel<SupportLink>()(z.object({ id: uuid, endedOn: isoDate }).strict()),
  /** Links open on some day of the range (all when no range), newest start first. */
  'supportLinks.list': channel<SupportLink[]>()(
    z
      .object({
        caseId: uuid.optional(),
        orgId: uuid.optional(),
        kind: z.enum(SUPPORT_ORG_KINDS).optional(),
        openOnly: z.boolean().default(false),
        ...dateRange,
        ...paging,
      })
      .strict(),
  ),
  /** The office's share of drug-related cases linked to support on asOf (default today). */
  'supportLinks.share': channel<LinkShare>()(z.object({ asOf: isoDate.optional() }).strict()),
} as const;
