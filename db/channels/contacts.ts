import { z } from 'zod';
import { DRUG_TYPES, type DrugType } from './casework';
import { channel, empty, isoDate, uuid } from './define';

// ---------------------------------------------------------------------------------------------
// Codes

export const CONTACT_KINDS = [
  'office_interview',
  'home_visit',
  'duty_station_interview',
  'phone',
  'vpo_meeting',
  'vpo_monthly_report',
  'family_contact',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_OUTCOMES = ['held', 'missed_acceptable', 'missed_unacceptable'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Kinds an appointment can be made for: a monthly report is received, not scheduled. */
export const APPOINTMENT_KINDS = CONTACT_KINDS.filter(
  (k): k is Exclude<ContactKind, 'vpo_monthly_report'> => k !== 'vpo_monthly_report',
);
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ['scheduled', 'cancelled', 'done'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const RECURRENCE_EVERY = ['week', '2weeks', 'month'] as const;

export const DRUG_TEST_METHODS = ['urine_kit', 'saliva', 'laboratory', 'other'] as const;
export type DrugTestMethod = (typeof DRUG_TEST_METHODS)[number];
export const DRUG_TEST_RESULTS = ['negative', 'positive', 'invalid', 'refused'] as const;
export type DrugTestResult = (typeof DRUG_TEST_RESULTS)[number];

export const MEASURE_KINDS = [
  'warning',
  'compulsory_appearance',
  'detention',
  'revocation_application',
  'provisional_cancellation',
  'suspension',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * ASSUMPTION: every measure but a warning needs a supervisor's sign-off. The real approval chain
 * (unit head, office director, parole board) varies by measure and is not modelled.
 */
export const MEASURES_NEEDING_SIGNOFF: readonly MeasureKind[] = [
  'compulsory_appearance',
  'detention',
  'revocation_application',
  'provisional_cancellation',
  'suspension',
];

/**
 * Why a contact counts toward a month's standard, or why it does not. The renderer translates the
 * code; the order below is the order in which they are tested (the first that applies is given).
 */
export const CONTACT_REASONS = [
  'vpo_report_not_meeting', // a VPO monthly report is a report, not a meeting
  'outside_month',
  'before_case_start',
  'after_case_end',
  'during_suspension', // supervision was suspended (保護観察の停止) that day
  'kind_not_counted', // this kind does not count at the case's intensity level
  'missed',
  'counts_po',
  'counts_vpo',
] as const;
export type ContactReason = (typeof CONTACT_REASONS)[number];

// ---------------------------------------------------------------------------------------------
// Outputs

export interface Contact {
  id: string;
  caseId: string;
  kind: ContactKind;
  date: string;
  /** HH:MM, Japan local time, or null. */
  time: string | null;
  byUserId: string | null;
  byUserName: string | null;
  byVpoId: string | null;
  byVpoName: string | null;
  outcome: ContactOutcome;
  /** YYYY-MM: the month a VPO monthly report covers; null for other kinds. */
  reportMonth: string | null;
  appointmentId: string | null;
  /** null when the notes are sensitive and the viewer may not read them. */
  notes: string | null;
  sensitive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ContactStandard {
  /** The intensity level code (処遇区分), e.g. 'A'. */
  id: string;
  label: string;
  poPerMonth: number;
  vpoPerMonth: number;
  poKinds: ContactKind[];
  vpoKinds: ContactKind[];
  sort: number;
}

export interface StandardSide {
  /** Contacts required this month, prorated when the case was active only part of it. */
  required: number;
  done: number;
  remaining: number;
  /** Deadlines spread evenly over the month's active days: the k-th contact is due by dueDates[k-1]. */
  dueDates: string[];
  /** Deadline for the next contact still needed, or null when the month's requirement is met. */
  nextDueDate: string | null;
  /** A deadline has passed with fewer contacts than due by then. */
  pastDue: boolean;
  /** The month's active days are over and the requirement was not met. */
  overdue: boolean;
}

export interface ContactExplanation {
  contactId: string;
  kind: ContactKind;
  date: string;
  outcome: ContactOutcome;
  reportMonth: string | null;
  countsFor: 'po' | 'vpo' | null;
  reason: ContactReason;
}

export type StandardStatus = 'not_active' | 'met' | 'on_track' | 'past_due' | 'overdue';

export interface StandardComputation {
  month: string;
  level: string;
  levelLabel: string;
  /** First and last day of the month on which the case was under supervision, or null. */
  activeFrom: string | null;
  activeTo: string | null;
  activeDays: number;
  daysInMonth: number;
  po: StandardSide;
  vpo: StandardSide;
  status: StandardStatus;
  /** Earliest deadline still open: this month's, or (when this month is met) the next month's first. */
  nextDueDate: string | null;
  contacts: ContactExplanation[];
}

export interface VpoReportMissing {
  caseId: string;
  caseNumber: string;
  superviseeId: string;
  name: string;
  nameKana: string;
  officerId: string | null;
  vpoId: string | null;
  vpoName: string | null;
}

export interface Appointment {
  id: string;
  caseId: string;
  /** ISO instant, UTC. */
  startsAt: string;
  endsAt: string;
  durationMin: number;
  kind: AppointmentKind;
  place: string;
  status: AppointmentStatus;
  seriesId: string | null;
  contactId: string | null;
  notes: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaRow extends Appointment {
  /** Japan calendar date and HH:MM of the start, for grouping by day. */
  date: string;
  time: string;
  caseNumber: string;
  superviseeId: string;
  name: string;
  nameKana: string;
  officerId: string | null;
  /** Scheduled, its time has passed, and no contact has been recorded for it. */
  needsOutcome: boolean;
}

export interface DrugTest {
  id: string;
  caseId: string;
  testedOn: string;
  method: DrugTestMethod;
  substances: DrugType[];
  result: DrugTestResult;
  consent: boolean;
  followUp: string;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Measure {
  id: string;
  caseId: string;
  kind: MeasureKind;
  decidedOn: string;
  decision: string;
  notes: string;
  needsSignoff: boolean;
  signedOffBy: string | null;
  signedOffByName: string | null;
  signedOffAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM');
/** An instant with an explicit offset (Z or ±HH:MM), stored as UTC. */
const isoInstant = z.iso.datetime({ offset: true });
const notes = z.string().max(4000).default('');
const levelCode = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'level: 1–16 letters or digits');
const kinds = z
  .array(z.enum(CONTACT_KINDS))
  .max(CONTACT_KINDS.length)
  .refine((a) => new Set(a).size === a.length, 'each kind once');

const contactFields = {
  kind: z.enum(CONTACT_KINDS),
  /** Defaults to today (Japan) and, when the date is also defaulted, to the current time. */
  date: isoDate.optional(),
  time: hhmm.optional(),
  /** Defaults to the acting user, except for VPO meetings which default to the case's VPO. */
  byUserId: uuid.optional(),
  byVpoId: uuid.optional(),
  outcome: z.enum(CONTACT_OUTCOMES),
  notes,
  sensitive: z.boolean().default(false),
};

const contactRecordInput = z
  .object({ caseId: uuid, ...contactFields, appointmentId: uuid.optional() })
  .strict();

export const contactsChannels = {
  'contacts.record': channel<Contact>()(contactRecordInput),
  'contacts.list': channel<Contact[]>()(z.object({ caseId: uuid }).strict()),

  'vpoReports.record': channel<Contact>()(
    z
      .object({
        caseId: uuid,
        month: isoMonth,
        /** The day the report was received; defaults to today. */
        date: isoDate.optional(),
        /** Defaults to the VPO assigned to the supervisee. */
        vpoId: uuid.optional(),
        outcome: z.enum(CONTACT_OUTCOMES).default('held'),
        notes,
        sensitive: z.boolean().default(false),
      })
      .strict(),
  ),
  'vpoReports.missing': channel<VpoReportMissing[]>()(z.object({ month: isoMonth }).strict()),

  'standards.list': channel<ContactStandard[]>()(empty),
  'standards.save': channel<ContactStandard>()(
    z
      .object({
        id: levelCode,
        label: z.string().trim().min(1).max(80),
        poPerMonth: z.number().int().min(0).max(31),
        vpoPerMonth: z.number().int().min(0).max(31),
        poKinds: kinds,
        vpoKinds: kinds,
      })
      .strict(),
  ),
  'standards.forCase': channel<StandardComputation>()(
    z.object({ caseId: uuid, /** Defaults to the current month. */ month: isoMonth.optional() }).strict(),
  ),

  'appointments.create': channel<Appointment[]>()(
    z
      .object({
        caseId: uuid,
        startsAt: isoInstant,
        durationMin: z.number().int().min(5).max(600).default(60),
        kind: z.enum(APPOINTMENT_KINDS),
        place: z.string().trim().max(200).default(''),
        notes,
        recurrence: z
          .object({ every: z.enum(RECURRENCE_EVERY), count: z.number().int().min(2).max(26) })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'appointments.reschedule': channel<Appointment>()(z.object({ id: uuid, startsAt: isoInstant }).strict()),
  /** wholeSeries: also cancels every later scheduled occurrence of the series. */
  'appointments.cancel': channel<Appointment[]>()(
    z.object({ id: uuid, wholeSeries: z.boolean().default(false) }).strict(),
  ),
  /** Records the contact and marks the appointment done in one transaction. */
  'appointments.resolve': channel<{ appointment: Appointment; contact: Contact }>()(
    z
      .object({
        id: uuid,
        contact: z
          .object({ ...contactFields, kind: contactFields.kind.optional() })
          .strict(),
      })
      .strict(),
  ),
  'appointments.agenda': channel<AgendaRow[]>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        scope: z.enum(['mine', 'all']).default('mine'),
        includeCancelled: z.boolean().default(false),
      })
      .strict(),
  ),

  'drugTests.record': channel<DrugTest>()(
    z
      .object({
        caseId: uuid,
        testedOn: isoDate,
        method: z.enum(DRUG_TEST_METHODS),
        substances: z
          .array(z.enum(DRUG_TYPES))
          .min(1)
          .max(DRUG_TYPES.length)
          .refine((a) => new Set(a).size === a.length, 'each substance once'),
        result: z.enum(DRUG_TEST_RESULTS),
        consent: z.boolean(),
        followUp: z.string().max(2000).default(''),
      })
      .strict(),
  ),
  'drugTests.list': channel<DrugTest[]>()(z.object({ caseId: uuid }).strict()),

  'measures.record': channel<Measure>()(
    z
      .object({
        caseId: uuid,
        kind: z.enum(MEASURE_KINDS),
        decidedOn: isoDate,
        decision: z.string().trim().max(2000).default(''),
        notes,
      })
      .strict(),
  ),
  'measures.signOff': channel<Measure>()(z.object({ id: uuid }).strict()),
  'measures.list': channel<Measure[]>()(z.object({ caseId: uuid }).strict()),
} as const;
