/**
 * The numbers the demo office is built from. Each is marked:
 *   SOURCE      a published figure (DOMAIN.md, Ministry of Justice White Paper on Crime), used as given;
 *   DOMAIN      an assumption already made in DOMAIN.md for "a mid-size office";
 *   ASSUMPTION  our own choice, to make the office look plausible. Not a statistic; do not report it.
 * The demo office is synthetic. None of these numbers may be quoted as facts about real offices.
 *
 * - SOURCE: category mix of adult cases = national adult stock at the end of 2022: parolees (full
 *   sentence) 3,692; parolees (partial suspension) 281; probationers (full suspension) 6,313;
 *   probationers (partial suspension) 2,359. A partial-suspension case is drawn once (both stock
 *   figures together) and its current phase follows from the assumed phase lengths below.
 * - DOMAIN: ~250 active adult cases per office (scale 1); 35–45% drug-related; 1–3 cases per VPO;
 *   10–15% placed in a facility at the start; 40–50% employed at the start.
 * - ASSUMPTION: juveniles add 8% to the active cases (1号 6%, 2号 2%); 5号 has no cases.
 * - ASSUMPTION: drug-related share by category (chosen so the office total is ~40%): partial
 *   suspension 95% (it is used almost only for drug use), full parole 30%, full probation 22%,
 *   juveniles 10%.
 * - ASSUMPTION: drug types of drug-related cases: stimulants 76%, cannabis 17% (cannabis arrests
 *   overtook stimulants in 2023 — SOURCE — but the supervised stock lags arrests), MDMA/synthetics 2%,
 *   dangerous drugs 2%, opioids 1%, cocaine 1%, organic solvents 1%; 10% have a second type.
 * - SOURCE: prior convictions: 94.9% of stimulant parolees, 69.7% of stimulant probationers.
 *   ASSUMPTION: 50% of the others; 1–6 priors for those who have any.
 * - ASSUMPTION: 85% of drug-related adults must attend the relapse prevention program (use or
 *   simple possession); every partial-suspension case does. Program: SOURCE (DOMAIN.md) core of 5
 *   sessions about every two weeks, then step-up about monthly to the end; ASSUMPTION: the core
 *   starts 2–4 weeks after supervision starts, 93% of sessions are attended.
 * - SOURCE: a urine kit test at every program session. ASSUMPTION: drug-related people outside the
 *   program take voluntary tests at 2.4 a year (the 2007 national figure, 8,616 tests / 3,644 people,
 *   used as a rate).
 * - ASSUMPTION — POSITIVITY IS NOT PUBLISHED: 3% of tests positive, 1% refused, 0.5% invalid.
 * - ASSUMPTION: durations. Full parole: the remaining sentence, 1–12 months (mostly 3–6). Partial:
 *   80% paroled from the unsuspended part 2–8 months before it ends; suspension 1 year 5%, 2 years
 *   60%, 3 years 30%, 4–5 years 5%. Full probation: suspension 2 years 5%, 3 years 35%, 4 years 35%,
 *   5 years 25%. 1号: until 20 (at least 2 years); 18–19 year-olds 2 years. 2号: 4–12 months.
 * - ASSUMPTION: the office has recorded contacts, tests, appointments and measures in the app for
 *   the last 12 months; intake data (person, case, phases, conditions, first assessment) is there
 *   for every case. Cases that ended within those 12 months are included, terminated.
 * - SOURCE: revocation by employment at the start (2009): parolees employed 1.6% vs unemployed
 *   10.2%; probationers 13.1% vs 48.9% — used as the chance that a terminated case was revoked.
 *   ASSUMPTION: 1% end for other reasons; students count as employed.
 * - ASSUMPTION: intensity level A/B/C: drug-related 35/50/15%, others 15/55/30%; the reassessment
 *   after 12 months lowers the level one step for 40% of cases.
 * - ASSUMPTION: contacts follow the case's contact standard (db/migrations/0002: A 2 PO + 2 VPO,
 *   B 1 + 2, C 0 + 2 a month; program sessions count as PO contacts); level C sees the PO about
 *   every other month. PO contacts: 90% held, 4% missed with an acceptable reason, 6% not; a missed
 *   one is made up later in the month 70% of the time. VPO meetings: 92% held, 5% / 3% missed.
 *   VPO monthly reports: 95% arrive, in the first 10 days of the next month. A family contact in
 *   10% of months. 35% of held PO contacts have a note, 3% of notes are sensitive.
 * - ASSUMPTION: one PO per 40 active cases, one supervisor per 7 POs.
 * - ASSUMPTION: 3% of active cases in a parole phase have absconded (supervision suspended, open);
 *   5% of parole-phase cases had an earlier suspension of 10–60 days, since resumed.
 * - ASSUMPTION: measures: a warning after 40% of positive tests and for half of the cases with two
 *   or more unacceptable misses; an application to revoke after 5% of positive tests; provisional
 *   cancellation for 2% of probationers supervised over a year.
 * - ASSUMPTION: every active case not suspended has its next appointment within 3 weeks; 3% also
 *   have a past appointment with no outcome recorded.
 * - ASSUMPTION: ages at the start: stimulants ~43 (sd 10), cannabis ~28 (sd 6), others ~36 (sd 11);
 *   85% men among drug-related cases, 88% among others.
 * - ASSUMPTION: family: a guarantor for everyone (parent for under-30s, else spouse/partner or
 *   sibling), a second family member for 40%; families of drug-related cases: 30% invited to the
 *   family seminar, 20% attending, 5% declined.
 */
import type { DrugType } from '../channels/casework';

export const ACTIVE_CASES_PER_SCALE = 250;

export const ADULT_STOCK_2022 = { parole: 3692, partialParole: 281, probation: 6313, partialProbation: 2359 } as const;
export const JUVENILE_SHARE = { juvenileProbation: 0.06, juvenileParole: 0.02 } as const;

export type DemoCategory = 'parole' | 'probation' | 'partial' | 'juvenileProbation' | 'juvenileParole';

/** Relative weights of the active cases' categories. */
export const CATEGORY_WEIGHTS: Record<DemoCategory, number> = (() => {
  const adult = 1 - JUVENILE_SHARE.juvenileProbation - JUVENILE_SHARE.juvenileParole;
  const s = ADULT_STOCK_2022;
  const total = s.parole + s.partialParole + s.probation + s.partialProbation;
  return {
    parole: (adult * s.parole) / total,
    probation: (adult * s.probation) / total,
    partial: (adult * (s.partialParole + s.partialProbation)) / total,
    juvenileProbation: JUVENILE_SHARE.juvenileProbation,
    juvenileParole: JUVENILE_SHARE.juvenileParole,
  };
})();

export const DRUG_RELATED_SHARE: Record<DemoCategory, number> = {
  parole: 0.3,
  probation: 0.22,
  partial: 0.95,
  juvenileProbation: 0.1,
  juvenileParole: 0.1,
};

export const DRUG_MIX: Partial<Record<DrugType, number>> = {
  stimulants: 76,
  cannabis: 17,
  mdma_synthetics: 2,
  dangerous_drugs: 2,
  opioids: 1,
  cocaine: 1,
  organic_solvents: 1,
};
export const SECOND_DRUG_SHARE = 0.1;

export const PRIOR_CONVICTIONS = { stimulantParole: 0.949, stimulantProbation: 0.697, other: 0.5 } as const;

export const PROGRAM = {
  drugRelatedShare: 0.85,
  coreSessions: 5,
  coreEveryDays: 14,
  stepUpEveryDays: 30,
  startAfterDays: [14, 28] as const,
  attended: 0.93,
} as const;

export const VOLUNTARY_TESTS_PER_YEAR = 2.4;
export const TEST_RESULTS = { negative: 95.5, positive: 3, refused: 1, invalid: 0.5 } as const;

/**
 * ASSUMPTION: cases that ended within the history window per active case, from the assumed mean
 * lengths (12 months / mean length): parole ~5.5 months, full probation ~4 years, partial ~2.4
 * years, 1号 ~2.2 years, 2号 ~8 months.
 */
export const TERMINATED_PER_ACTIVE: Record<DemoCategory, number> = {
  parole: 2.2,
  probation: 0.25,
  partial: 0.42,
  juvenileProbation: 0.45,
  juvenileParole: 1.4,
};

export const EMPLOYED_AT_START = 0.45;
export const FACILITY_AT_START = 0.12;
export const HISTORY_MONTHS = 12;

export const REVOCATION = {
  parole: { employed: 0.016, unemployed: 0.102 },
  probation: { employed: 0.131, unemployed: 0.489 },
  other: 0.01,
} as const;

export const INTENSITY = {
  drug: { A: 35, B: 50, C: 15 },
  other: { A: 15, B: 55, C: 30 },
  lowerAtReassessment: 0.4,
} as const;

export const CONTACTS = {
  po: { held: 90, missed_acceptable: 4, missed_unacceptable: 6 },
  vpo: { held: 92, missed_acceptable: 5, missed_unacceptable: 3 },
  makeUp: 0.7,
  levelCMonthlyChance: 0.5,
  reportReceived: 0.95,
  familyContactPerMonth: 0.1,
  noteShare: 0.35,
  sensitiveShare: 0.03,
  poKinds: { office_interview: 60, home_visit: 25, duty_station_interview: 10, phone: 5 },
} as const;

export const CASES_PER_OFFICER = 40;
export const OFFICERS_PER_SUPERVISOR = 7;
export const CASES_PER_VPO = { 1: 40, 2: 35, 3: 25 } as const;

export const ABSCONDED_SHARE = 0.03;
export const PAST_SUSPENSION_SHARE = 0.05;

export const MEASURES = {
  warningAfterPositive: 0.4,
  revocationApplicationAfterPositive: 0.05,
  warningForRepeatedMisses: 0.5,
  provisionalCancellation: 0.02,
} as const;

export const APPOINTMENTS = { needsOutcomeShare: 0.03, nextWithinDays: 21 } as const;
