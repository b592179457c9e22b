/**
 * The code lists the people screens offer, in display order. The renderer may not import the
 * contract's runtime arrays, so they are repeated here and checked against its types: a code added
 * to the contract and missing here fails the type check (see `exhaustive`).
 */
import type {
  CaseCategory,
  CaseStatus,
  CfpDomain,
  DrugType,
  EmploymentStatus,
  FamilyRelation,
  OverallRisk,
  PhaseKind,
  SeminarParticipation,
  Sex,
  SpecialConditionKind,
  TerminationReason,
} from '../../../db/contract';

/** Compile-time check that a list names every member of a union. */
type Exhaustive<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;
function exhaustive<T extends string>() {
  return <const L extends readonly T[]>(list: Exhaustive<T, L>) => list;
}

export const DRUG_TYPE_CODES = exhaustive<DrugType>()([
  'stimulants',
  'cannabis',
  'mdma_synthetics',
  'organic_solvents',
  'opioids',
  'cocaine',
  'dangerous_drugs',
  'other',
]);

export const SEX_CODES = exhaustive<Sex>()(['male', 'female', 'other', 'unknown']);

export const CATEGORY_CODES = exhaustive<CaseCategory>()(['1', '2', '3', '4', '5', 'partial']);

export const PHASE_KIND_CODES = exhaustive<PhaseKind>()([
  'juvenile_probation',
  'juvenile_parole',
  'parole',
  'probation',
  'womens_guidance_parole',
  'partial_parole',
  'partial_probation',
]);

/**
 * Phases in which supervision can be suspended (保護観察の停止): parole only. The service decides;
 * this only keeps the button away where it would certainly be refused.
 */
export const SUSPENDABLE_PHASE_KINDS: readonly PhaseKind[] = ['juvenile_parole', 'parole', 'partial_parole'];

export const CASE_STATUS_CODES = exhaustive<CaseStatus>()(['active', 'suspended', 'terminated']);

export const TERMINATION_REASON_CODES = exhaustive<TerminationReason>()(['expiry', 'revocation', 'other']);

export const EMPLOYMENT_CODES = exhaustive<EmploymentStatus>()(['employed', 'student', 'unemployed', 'other', 'unknown']);

export const JUVENILE_TERM_CODES = ['until_20', 'specified_6_months', 'specified_2_years'] as const;
export type JuvenileTerm = (typeof JUVENILE_TERM_CODES)[number];

export const SPECIAL_CONDITION_CODES = exhaustive<SpecialConditionKind>()([
  'prohibited_conduct',
  'required_conduct',
  'prior_reporting',
  'specialised_treatment',
  'facility_residence',
]);

export const CFP_DOMAIN_CODES = exhaustive<CfpDomain>()([
  'family',
  'relationships',
  'work_school',
  'substance_use',
  'leisure',
  'finances',
  'offending_history',
  'psychological',
]);

export const OVERALL_RISK_CODES = exhaustive<OverallRisk>()(['low', 'medium', 'high']);

export const RELATION_CODES = exhaustive<FamilyRelation>()([
  'parent',
  'spouse',
  'partner',
  'child',
  'sibling',
  'grandparent',
  'guardian',
  'other',
]);

export const SEMINAR_CODES = exhaustive<SeminarParticipation>()(['none', 'invited', 'attending', 'declined']);

/** Ratings of a CFP domain, for risk and for strength alike. */
export const RATINGS = [0, 1, 2, 3] as const;
