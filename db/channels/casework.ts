/**
 * Casework channels, first half: VPO registry, supervisees and family, cases and their phases,
 * suspension of supervision, termination, conditions and CFP assessments.
 */
import { z } from 'zod';
import type { AuditEntry } from './admin';
import { channel, empty, isoDate, uuid } from './define';

// ---------------------------------------------------------------------------------------------
// Codes

export const DRUG_TYPES = [
  'stimulants',
  'cannabis',
  'mdma_synthetics',
  'organic_solvents',
  'opioids',
  'cocaine',
  'dangerous_drugs', // 危険ドラッグ, new psychoactive substances
  'other',
] as const;
export type DrugType = (typeof DRUG_TYPES)[number];

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** 1号–5号, or a partial suspended sentence (刑の一部執行猶予), which runs as two phases. */
export const CASE_CATEGORIES = ['1', '2', '3', '4', '5', 'partial'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const PHASE_KINDS = [
  'juvenile_probation', // 1号
  'juvenile_parole', // 2号
  'parole', // 3号
  'probation', // 4号
  'womens_guidance_parole', // 5号
  'partial_parole', // 一部執行猶予者の仮釈放 (category 3)
  'partial_probation', // 保護観察付一部執行猶予 (category 4)
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const CASE_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TERMINATION_REASONS = ['expiry', 'revocation', 'other'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'student', 'unemployed', 'other', 'unknown'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const JUVENILE_TERMS = ['until_20', 'specified_6_months', 'specified_2_years'] as const;

export const SPECIAL_CONDITION_KINDS = [
  'prohibited_conduct',
  'required_conduct',
  'prior_reporting',
  'specialised_treatment',
  'facility_residence',
] as const;
export type SpecialConditionKind = (typeof SPECIAL_CONDITION_KINDS)[number];
export const CONDITION_KINDS = ['general', ...SPECIAL_CONDITION_KINDS] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** The 8 CFP domains, each rated for risk and for strength. */
export const CFP_DOMAINS = [
  'family',
  'relationships',
  'work_school',
  'substance_use',
  'leisure',
  'finances',
  'offending_history',
  'psychological',
] as const;
export type CfpDomain = (typeof CFP_DOMAINS)[number];

export const OVERALL_RISKS = ['low', 'medium', 'high'] as const;
export type OverallRisk = (typeof OVERALL_RISKS)[number];

export const FAMILY_RELATIONS = ['parent', 'spouse', 'partner', 'child', 'sibling', 'grandparent', 'guardian', 'other'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

export const SEMINAR_PARTICIPATION = ['none', 'invited', 'attending', 'declined'] as const;
export type SeminarParticipation = (typeof SEMINAR_PARTICIPATION)[number];

// ---------------------------------------------------------------------------------------------
// Inputs

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'required').max(max);
/** Hiragana or katakana (half-width is folded to full-width), with ー, ・ and spaces. */
const kana = (min: number) =>
  z
    .string()
    .trim()
    .overwrite((s) => s.normalize('NFKC'))
    .min(min, 'required')
    .max(80)
    .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]*$/u, 'kana only');
const romaji = z
  .string()
  .trim()
  .overwrite((s) => s.normalize('NFKC'))
  .max(80)
  .regex(/^[A-Za-zÀ-ÿĀ-ſ' .-]*$/u, 'Latin letters only');
const drugTypes = z
  .array(z.enum(DRUG_TYPES))
  .max(DRUG_TYPES.length)
  .refine((a) => new Set(a).size === a.length, 'each drug type once');
const priorConvictions = z.number().int().min(0).max(99);
const levelCode = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'level: 1–16 letters or digits');
const caseNumber = z
  .string()
  .trim()
  .overwrite((s) => s.normalize('NFKC'))
  .min(1, 'required')
  .max(40);
const suspensionTerm = {
  /** Checked against 1–5 years by the date rules (VALIDATION), not here. */
  suspensionYears: z.number().int().min(0).max(99),
  suspensionMonths: z.number().int().min(0).max(11).default(0),
};

/** The inputs the date rules (db/casework/dates.ts) need, per category. */
export const caseRule = z.discriminatedUnion('category', [
  z.object({ category: z.literal('1'), decisionDate: isoDate, juvenileTerm: z.enum(JUVENILE_TERMS) }).strict(),
  z.object({ category: z.literal('2'), releaseDate: isoDate, endDate: isoDate }).strict(),
  z.object({ category: z.literal('3'), releaseDate: isoDate, sentenceEndDate: isoDate }).strict(),
  z.object({ category: z.literal('4'), judgmentFinalDate: isoDate, ...suspensionTerm }).strict(),
  z.object({ category: z.literal('5'), releaseDate: isoDate, endDate: isoDate }).strict(),
  z
    .object({
      category: z.literal('partial'),
      /** Release on parole from the unsuspended part, or null when it was served in full. */
      paroleReleaseDate: isoDate.nullable(),
      /** Last day of the unsuspended part of the prison term. */
      unsuspendedEndDate: isoDate,
      ...suspensionTerm,
    })
    .strict(),
]);
export type CaseRule = z.output<typeof caseRule>;

const personCreate = {
  familyName: required(40),
  /** Optional: some people (often foreign nationals) are registered under one name. */
  givenName: text(40).default(''),
  familyKana: kana(1),
  givenKana: kana(0).default(''),
  familyRomaji: romaji.default(''),
  givenRomaji: romaji.default(''),
  birthDate: isoDate,
  sex: z.enum(SEXES),
  address: text(200).default(''),
  phone: text(40).default(''),
  languageNeeds: text(200).default(''),
  drugTypes: drugTypes.default([]),
  offences: text(1000).default(''),
  priorConvictions: priorConvictions.default(0),
  /** Defaults to the acting user. Assigning someone else needs a supervisor or administrator. */
  officerId: uuid.optional(),
  vpoId: uuid.nullable().default(null),
};

const personUpdate = {
  familyName: required(40).optional(),
  givenName: text(40).optional(),
  familyKana: kana(1).optional(),
  givenKana: kana(0).optional(),
  familyRomaji: romaji.optional(),
  givenRomaji: romaji.optional(),
  birthDate: isoDate.optional(),
  sex: z.enum(SEXES).optional(),
  address: text(200).optional(),
  phone: text(40).optional(),
  languageNeeds: text(200).optional(),
  drugTypes: drugTypes.optional(),
  offences: text(1000).optional(),
  priorConvictions: priorConvictions.optional(),
  /** Changing the assigned officer needs a supervisor or administrator. */
  officerId: uuid.nullable().optional(),
  vpoId: uuid.nullable().optional(),
};

/** A case as intake and `cases.open` take it; the date rules (db/casework/dates.ts) check the rest. */
const newCase = {
  caseNumber,
  rule: caseRule,
  intensityLevel: levelCode.default('B'),
  employmentAtStart: z.enum(EMPLOYMENT_STATUSES).nullable().default(null),
  guidelines: text(4000).default(''),
};

const domainRating = z
  .object({
    risk: z.number().int().min(0).max(3),
    strength: z.number().int().min(0).max(3),
    notes: text(2000).default(''),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Outputs

export interface Vpo {
  id: string;
  name: string;
  nameKana: string;
  district: string;
  phone: string;
  active: boolean;
  /** Cases not yet terminated whose supervisee this VPO is assigned to. */
  caseCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Person {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  familyRomaji: string;
  givenRomaji: string;
  birthDate: string;
  sex: Sex;
  address: string;
  phone: string;
  languageNeeds: string;
  drugTypes: DrugType[];
  offences: string;
  priorConvictions: number;
  officerId: string | null;
  vpoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FamilyMember {
  id: string;
  superviseeId: string;
  name: string;
  nameKana: string;
  relation: FamilyRelation;
  isGuarantor: boolean;
  contact: string;
  seminarParticipation: SeminarParticipation;
  guardianInstructed: boolean;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface CasePhase {
  id: string;
  seq: number;
  category: Exclude<CaseCategory, 'partial'>;
  kind: PhaseKind;
  startDate: string;
  /** The end the rule set, before any suspension of supervision. */
  baseEndDate: string;
  /** The planned end after suspensions; null while supervision is suspended (not yet known). */
  endDate: string | null;
  rule: Record<string, unknown>;
}

export interface SupervisionSuspension {
  id: string;
  phaseId: string;
  fromDate: string;
  resumedOn: string | null;
  reason: string;
  /** Days the end date moved; null while the suspension is open. */
  daysStopped: number | null;
}

export interface Condition {
  id: string;
  caseId: string;
  kind: ConditionKind;
  catalogueCode: string;
  text: string;
  setOn: string;
  changedOn: string | null;
  liftedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CatalogueEntry {
  code: string;
  kind: ConditionKind;
  labelJa: string;
  labelEn: string;
  /** The standard wording, in Japanese; special conditions are adapted per person. */
  text: string;
}

export interface DomainRating {
  risk: number;
  strength: number;
  notes: string;
}

export interface Assessment {
  id: string;
  caseId: string;
  assessedOn: string;
  overallRisk: OverallRisk;
  intensityLevel: string;
  domains: Record<CfpDomain, DomainRating>;
  notes: string;
  assessedBy: string | null;
  assessedByName: string | null;
  createdAt: string;
}

export interface CaseDetail {
  id: string;
  superviseeId: string;
  caseNumber: string;
  partialSuspension: boolean;
  status: CaseStatus;
  intensityLevel: string;
  startDate: string;
  /** End of the last phase; null while supervision is suspended (the end is not yet known). */
  plannedEndDate: string | null;
  terminationDate: string | null;
  terminationReason: TerminationReason | null;
  employmentAtStart: EmploymentStatus | null;
  employmentAtTermination: EmploymentStatus | null;
  guidelines: string;
  phases: CasePhase[];
  /** The phase running today (the first before the start, the last after the end). */
  currentPhaseId: string | null;
  suspensions: SupervisionSuspension[];
  /** Lifted conditions included, in the order they were set. */
  conditions: Condition[];
  latestAssessment: Assessment | null;
  assessmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDetail {
  person: Person;
  /** Today's date in Japan, and the age on it. */
  today: string;
  age: number;
  officer: { id: string; displayName: string } | null;
  vpo: { id: string; name: string; district: string } | null;
  family: FamilyMember[];
  /** Newest first. */
  cases: CaseDetail[];
}

// ---------------------------------------------------------------------------------------------
// Channels

export const caseworkChannels = {
  'vpos.list': channel<Vpo[]>()(
    z.object({ activeOnly: z.boolean().default(false), query: text(80).optional() }).strict(),
  ),
  'vpos.save': channel<Vpo>()(
    z
      .object({
        id: uuid.optional(),
        name: required(80),
        nameKana: kana(0).default(''),
        district: text(80).default(''),
        phone: text(40).default(''),
        active: z.boolean().default(true),
      })
      .strict(),
  ),

  /** Creates the person, the first case, its phases and the general conditions in one transaction. */
  'supervisees.create': channel<PersonDetail>()(z.object({ ...personCreate, ...newCase }).strict()),
  'supervisees.update': channel<PersonDetail>()(z.object({ id: uuid, ...personUpdate }).strict()),
  'supervisees.get': channel<PersonDetail>()(z.object({ id: uuid }).strict()),
  /** Audit entries for the person's rows (person, family, cases, phases, suspensions, conditions, assessments), newest first. */
  'supervisees.history': channel<AuditEntry[]>()(
    z.object({ id: uuid, limit: z.number().int().min(1).max(2000).default(500) }).strict(),
  ),

  'family.save': channel<FamilyMember>()(
    z
      .object({
        superviseeId: uuid,
        id: uuid.optional(),
        name: required(80),
        nameKana: kana(0).default(''),
        relation: z.enum(FAMILY_RELATIONS),
        isGuarantor: z.boolean().default(false),
        contact: text(200).default(''),
        seminarParticipation: z.enum(SEMINAR_PARTICIPATION).default('none'),
        guardianInstructed: z.boolean().default(false),
        notes: text(2000).default(''),
      })
      .strict(),
  ),

  /**
   * A new case for a person already registered (a new sentence, a new parole): the case, its
   * phases and the general conditions in one transaction, under intake's rules. Its supervision
   * period may not overlap another case of the person. officerId and vpoId, when given, assign
   * the person as at intake (omitted: unchanged).
   */
  'cases.open': channel<CaseDetail>()(
    z.object({ superviseeId: uuid, ...newCase, officerId: uuid.optional(), vpoId: uuid.nullable().optional() }).strict(),
  ),
  /** 保護観察の停止: parole phases only; the case is suspended until resumed. */
  'cases.suspend': channel<CaseDetail>()(
    z.object({ caseId: uuid, fromDate: isoDate, reason: text(1000).default('') }).strict(),
  ),
  /** Moves the phase's and the case's end later by the days stopped. */
  'cases.resume': channel<CaseDetail>()(z.object({ caseId: uuid, resumedOn: isoDate }).strict()),
  /** Supervisors and administrators only. */
  'cases.terminate': channel<CaseDetail>()(
    z
      .object({
        caseId: uuid,
        terminationDate: isoDate,
        reason: z.enum(TERMINATION_REASONS),
        employmentAtTermination: z.enum(EMPLOYMENT_STATUSES),
      })
      .strict(),
  ),
  'cases.setIntensity': channel<CaseDetail>()(z.object({ caseId: uuid, level: levelCode }).strict()),
  /** 生活行動指針: non-binding life and conduct guidelines. */
  'cases.setGuidelines': channel<CaseDetail>()(z.object({ caseId: uuid, text: text(4000) }).strict()),

  'conditions.catalogue': channel<CatalogueEntry[]>()(empty),
  'conditions.add': channel<Condition>()(
    z
      .object({
        caseId: uuid,
        kind: z.enum(SPECIAL_CONDITION_KINDS),
        catalogueCode: z.string().max(64).optional(),
        text: required(2000),
        setOn: isoDate,
      })
      .strict(),
  ),
  'conditions.change': channel<Condition>()(z.object({ id: uuid, text: required(2000), changedOn: isoDate }).strict()),
  /** General conditions cannot be lifted. */
  'conditions.lift': channel<Condition>()(z.object({ id: uuid, liftedOn: isoDate }).strict()),

  /** Records a CFP assessment and sets the case's intensity level in the same transaction. */
  'assessments.record': channel<Assessment>()(
    z
      .object({
        caseId: uuid,
        assessedOn: isoDate,
        overallRisk: z.enum(OVERALL_RISKS),
        intensityLevel: levelCode,
        domains: z
          .object({
            family: domainRating,
            relationships: domainRating,
            work_school: domainRating,
            substance_use: domainRating,
            leisure: domainRating,
            finances: domainRating,
            offending_history: domainRating,
            psychological: domainRating,
          })
          .strict(),
        notes: text(4000).default(''),
      })
      .strict(),
  ),
  /** Newest first. */
  'assessments.list': channel<Assessment[]>()(z.object({ caseId: uuid }).strict()),
} as const;
