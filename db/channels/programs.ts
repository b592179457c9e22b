/**
 * Treatment programs (support pathway 1): the configurable program catalogue, enrolments tied to
 * the special condition that requires them with their planned schedule, and program sessions
 * (group or individual) with a roster on which attendance and drug tests are recorded in one pass.
 */
import { z } from 'zod';
import { DRUG_TYPES } from './casework';
import { DRUG_TEST_METHODS, DRUG_TEST_RESULTS, type DrugTestMethod, type DrugTestResult } from './contacts';
import type { DrugType } from './casework';
import { channel, isoDate, uuid } from './define';

// ---------------------------------------------------------------------------------------------
// Codes

/** The drug relapse prevention program seeded by db/migrations/0006_pathways.sql (code 'drp'). */
export const RELAPSE_PREVENTION_PROGRAM_ID = '00000000-0000-4000-8000-000000000001';

/** The kinds of the programs table (db/migrations/0006_pathways.sql). */
export const PROGRAM_KINDS = [
  'relapse_prevention',
  'psychiatric_outpatient',
  'psychiatric_inpatient',
  'mhwc_counselling',
  'darc_day_program',
  'self_help_group',
  'other',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** 'outside': a program without a core/step-up structure (outside treatment): no schedule. */
export const ENROLMENT_STAGES = ['core', 'step_up', 'outside'] as const;
export type EnrolmentStage = (typeof ENROLMENT_STAGES)[number];
export const ENROLMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const SESSION_STAGES = ['core', 'step_up'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
export const DELIVERY_MODES = ['group', 'individual', 'phone', 'self_study'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const FACILITATOR_KINDS = ['officer', 'darc_staff', 'other'] as const;
export type FacilitatorKind = (typeof FACILITATOR_KINDS)[number];
export const PROGRAM_SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ProgramSessionStatus = (typeof PROGRAM_SESSION_STATUSES)[number];

/** What can be recorded for a participant; 'pending' is the state before anything is recorded. */
export const ATTENDANCE = ['attended', 'late', 'absent_acceptable', 'absent_unacceptable'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export type AttendanceState = Attendance | 'pending';

/**
 * A planned session of an enrolment: attended (a session was linked), upcoming, overdue (a core
 * session past its date and still owed), missed (a step-up session past its date, not attended),
 * cancelled (after the enrolment ended).
 */
export const SCHEDULE_STATES = ['attended', 'upcoming', 'overdue', 'missed', 'cancelled'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

// ---------------------------------------------------------------------------------------------
// The program's rules (stored as JSON in programs.rules)

const coreRules = z
  .object({
    /** Days between core sessions (DOMAIN.md: about every two weeks). */
    intervalDays: z.number().int().min(1).max(90),
    sessions: z
      .array(z.object({ no: z.number().int().min(1).max(20), title: z.string().trim().min(1).max(200) }).strict())
      .min(1)
      .max(20)
      .refine((a) => a.every((s, i) => s.no === i + 1), 'sessions are numbered 1, 2, 3… in order'),
  })
  .strict();

export const programRules = z
  .object({
    core: coreRules.optional(),
    /** Days between step-up sessions (DOMAIN.md: about monthly until supervision ends). */
    stepUp: z.object({ intervalDays: z.number().int().min(1).max(180) }).strict().optional(),
  })
  .strict()
  .refine((r) => r.stepUp === undefined || r.core !== undefined, { message: 'a step-up stage follows a core stage', path: ['stepUp'] });
export type ProgramRules = z.output<typeof programRules>;

// ---------------------------------------------------------------------------------------------
// Outputs

export interface Program {
  id: string;
  code: string;
  name: string;
  kind: ProgramKind;
  provider: string;
  rules: ProgramRules;
  active: boolean;
  /** The rules define a core stage: enrolments get a planned schedule and sessions are held. */
  scheduled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleItem {
  id: string;
  stage: SessionStage;
  /** Core session number; null for step-up sessions. */
  sessionNo: number | null;
  dueOn: string;
  /** The session attended for it, and the day it was held. */
  sessionId: string | null;
  attendedOn: string | null;
  state: ScheduleState;
}

export interface MissedSession {
  /** An unacceptable absence from a held session, or a core session more than the grace days overdue. */
  kind: 'absent_unacceptable' | 'core_overdue';
  date: string;
  sessionId: string | null;
  sessionNo: number | null;
}

export interface EnrolmentProgress {
  coreAttended: number;
  coreTotal: number;
  /** Step-up sessions in the fiscal year (April–March) containing today. */
  stepUp: { fiscalYear: number; from: string; to: string; attended: number; planned: number };
  /** The next session owed: the first core session not attended, else the next step-up date. */
  nextDue: { stage: SessionStage; sessionNo: number | null; dueOn: string; overdue: boolean } | null;
  missed: MissedSession[];
  /** The caseload's programMissed flag, for this enrolment: a possible breach of the condition. */
  possibleBreach: boolean;
}

export interface Enrolment {
  id: string;
  caseId: string;
  programId: string;
  programCode: string;
  programName: string;
  programKind: ProgramKind;
  conditionId: string | null;
  enrolledOn: string;
  stage: EnrolmentStage;
  status: EnrolmentStatus;
  coreCompletedOn: string | null;
  completedOn: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  schedule: ScheduleItem[];
  progress: EnrolmentProgress;
  createdAt: string;
  updatedAt: string;
}

export interface EnrolmentPage {
  /** Enrolments matching the filters, before paging. */
  total: number;
  offset: number;
  rows: EnrolmentRow[];
}

/** A row of the enrolments list (the program's list screen and the roster picker). */
export interface EnrolmentRow {
  id: string;
  caseId: string;
  caseNumber: string;
  superviseeId: string;
  name: string;
  kana: string;
  officerId: string | null;
  officerName: string | null;
  programId: string;
  programName: string;
  enrolledOn: string;
  stage: EnrolmentStage;
  status: EnrolmentStatus;
  coreAttended: number;
  coreTotal: number;
  nextDueOn: string | null;
  possibleBreach: boolean;
}

export interface Facilitator {
  kind: FacilitatorKind;
  userId: string | null;
  name: string;
}

export interface ProgramSession {
  id: string;
  programId: string;
  programName: string;
  stage: SessionStage;
  sessionNo: number | null;
  /** The core session's title from the catalogue; null for step-up sessions. */
  title: string | null;
  heldOn: string;
  startTime: string | null;
  place: string;
  deliveryMode: DeliveryMode;
  facilitators: Facilitator[];
  status: ProgramSessionStatus;
  notes: string;
  participants: number;
  /** Participants recorded as attended or late. */
  attended: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionDrugTest {
  id: string;
  method: DrugTestMethod;
  substances: DrugType[];
  result: DrugTestResult;
  consent: boolean;
  followUp: string;
}

export interface RosterRow {
  participantId: string;
  enrolmentId: string;
  caseId: string;
  caseNumber: string;
  superviseeId: string;
  name: string;
  kana: string;
  officerId: string | null;
  attendance: AttendanceState;
  notes: string;
  /**
   * False when the viewer may not see this case's drug tests (only the case's officer,
   * supervisors and administrators may): drugTest is then null whether or not one was recorded.
   */
  drugTestVisible: boolean;
  drugTest: SessionDrugTest | null;
}

export interface SessionDetail extends ProgramSession {
  roster: RosterRow[];
}

// ---------------------------------------------------------------------------------------------
// Inputs

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM');
const eachOnce = <T>(a: readonly T[]) => new Set(a).size === a.length;

/** The most participants a session takes (groups are about 10). */
export const ROSTER_MAX = 40;

const saveProgram = z
  .object({
    /** Absent: a new program. */
    id: uuid.optional(),
    code: z.string().regex(/^[a-z0-9_]{1,32}$/, 'code: 1–32 lower-case letters, digits or _'),
    name: z.string().trim().min(1, 'required').max(120),
    kind: z.enum(PROGRAM_KINDS),
    provider: z.string().trim().max(200).default(''),
    rules: programRules.prefault({}),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'relapse_prevention' && (!p.rules.core || !p.rules.stepUp)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', p.rules.core ? 'stepUp' : 'core'],
        message: 'the relapse prevention program has a core and a step-up stage',
      });
    }
  });

const drugTestEntry = z
  .object({
    method: z.enum(DRUG_TEST_METHODS),
    substances: z.array(z.enum(DRUG_TYPES)).min(1).max(DRUG_TYPES.length).refine(eachOnce, 'each substance once'),
    result: z.enum(DRUG_TEST_RESULTS),
    consent: z.boolean(),
    followUp: z.string().max(2000).default(''),
  })
  .strict();

export const programsChannels = {
  'programs.list': channel<Program[]>()(z.object({ activeOnly: z.boolean().default(false) }).strict()),
  /** Supervisors and administrators. Changed rules apply to enrolments made afterwards. */
  'programs.save': channel<Program>()(saveProgram),

  /**
   * Enrols a case and plans its schedule. A relapse prevention enrolment needs an active special
   * condition of kind specialised_treatment (conditionId, or the case's own when omitted).
   */
  'enrolments.create': channel<Enrolment>()(
    z.object({ caseId: uuid, programId: uuid, enrolledOn: isoDate, conditionId: uuid.optional() }).strict(),
  ),
  'enrolments.complete': channel<Enrolment>()(z.object({ id: uuid, on: isoDate }).strict()),
  'enrolments.withdraw': channel<Enrolment>()(
    z.object({ id: uuid, on: isoDate, reason: z.string().trim().min(1, 'required').max(1000) }).strict(),
  ),
  /** Every enrolment of the case, newest first, with its schedule and progress. */
  'enrolments.forCase': channel<Enrolment[]>()(z.object({ caseId: uuid }).strict()),
  /** The program's list screen, and the candidates for a session's roster; by name, in pages. */
  'enrolments.list': channel<EnrolmentPage>()(
    z
      .object({
        programId: uuid.optional(),
        stage: z.enum(ENROLMENT_STAGES).optional(),
        status: z.enum(ENROLMENT_STATUSES).optional(),
        officerId: uuid.optional(),
        /** With (true) or without (false) a missed required session, as the caseload's programMissed. */
        possibleBreach: z.boolean().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
  ),

  'sessions.create': channel<SessionDetail>()(
    z
      .object({
        programId: uuid,
        stage: z.enum(SESSION_STAGES),
        /** Required for a core session (1…N of the program's rules); absent for step-up. */
        sessionNo: z.number().int().min(1).max(20).optional(),
        heldOn: isoDate,
        startTime: hhmm.optional(),
        place: z.string().trim().max(200).default(''),
        deliveryMode: z.enum(DELIVERY_MODES).default('group'),
        facilitators: z
          .array(
            z
              .object({
                kind: z.enum(FACILITATOR_KINDS),
                /** Required for an officer; the name then defaults to the user's display name. */
                userId: uuid.optional(),
                name: z.string().trim().max(80).default(''),
              })
              .strict(),
          )
          .max(10)
          .default([]),
        /** Enrolment ids: the roster. */
        participants: z.array(uuid).min(1).max(ROSTER_MAX).refine(eachOnce, 'each participant once'),
        notes: z.string().max(4000).default(''),
      })
      .strict(),
  ),
  'sessions.get': channel<SessionDetail>()(z.object({ id: uuid }).strict()),
  'sessions.list': channel<ProgramSession[]>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        programId: uuid.optional(),
        stage: z.enum(SESSION_STAGES).optional(),
        status: z.enum(PROGRAM_SESSION_STATUSES).optional(),
      })
      .strict(),
  ),
  /**
   * The whole roster in one transaction: attendance, each participant's drug test, the schedule,
   * core completion. Every participant on the roster needs exactly one entry. Marks the session held.
   */
  'sessions.recordAttendance': channel<SessionDetail>()(
    z
      .object({
        sessionId: uuid,
        entries: z
          .array(
            z
              .object({
                enrolmentId: uuid,
                attendance: z.enum(ATTENDANCE),
                notes: z.string().max(2000).default(''),
                drugTest: drugTestEntry.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(ROSTER_MAX)
          .refine((a) => eachOnce(a.map((e) => e.enrolmentId)), 'each participant once'),
      })
      .strict(),
  ),
} as const;
