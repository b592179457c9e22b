/**
 * One demo case: its phases from the real date rules, suspension of supervision, assessments and
 * conditions, then its recorded casework (./history.ts), then the case row itself. Figures and
 * assumptions: ./figures.ts.
 */
import { GENERAL_CONDITIONS, SPECIAL_CONDITIONS } from '../casework/catalogue';
import { planSupervision, SUSPENDABLE_PHASE_KINDS, termEnd, type PhasePlan } from '../casework/dates';
import type { CaseRule, EmploymentStatus, OverallRisk } from '../contract';
import { dayOf, isoOf } from './calendar';
import { addMeasure, stamp, type CaseRows, type CaseSpec, type CaseState, type Env, type Level } from './case-state';
import { ABSCONDED_SHARE, FACILITY_AT_START, INTENSITY, PAST_SUSPENSION_SHARE, REVOCATION, type DemoCategory } from './figures';
import { writeHistory } from './history';
import type { Rng } from './prng';

export type { CaseRows, CaseSpec, Env, Level } from './case-state';

export interface BuiltCase {
  rows: CaseRows;
  /** The case as built, for the office-wide parts (./programs.ts). */
  state: CaseState;
  startDay: number;
  birthDay: number;
}

// --- dates ----------------------------------------------------------------------------------------

/** Draws the rule parameters once; the function then gives the case's rule for any start day. */
function ruleMaker(rng: Rng, category: DemoCategory, age: number): (start: number) => CaseRule {
  switch (category) {
    case 'parole': {
      const months = Number(rng.weighted({ 1: 5, 2: 10, 3: 18, 4: 18, 5: 15, 6: 12, 8: 10, 10: 7, 12: 5 }));
      return (s) => ({ category: '3', releaseDate: isoOf(s), sentenceEndDate: termEnd(isoOf(s), { months }) });
    }
    case 'probation': {
      const years = Number(rng.weighted({ 2: 5, 3: 35, 4: 35, 5: 25 }));
      return (s) => ({ category: '4', judgmentFinalDate: isoOf(s), suspensionYears: years, suspensionMonths: 0 });
    }
    case 'partial': {
      const years = Number(rng.weighted({ 1: 5, 2: 60, 3: 30, 4: 3, 5: 2 }));
      const paroled = rng.chance(0.8);
      const paroleMonths = rng.int(2, 8);
      return (s) =>
        paroled
          ? {
              category: 'partial',
              paroleReleaseDate: isoOf(s),
              unsuspendedEndDate: termEnd(isoOf(s), { months: paroleMonths }),
              suspensionYears: years,
              suspensionMonths: 0,
            }
          : { category: 'partial', paroleReleaseDate: null, unsuspendedEndDate: isoOf(s - 1), suspensionYears: years, suspensionMonths: 0 };
    }
    case 'juvenileProbation': {
      const term = age < 18 ? 'until_20' : rng.chance(0.8) ? 'specified_2_years' : 'specified_6_months';
      return (s) => ({ category: '1', decisionDate: isoOf(s), juvenileTerm: term });
    }
    case 'juvenileParole': {
      const months = rng.int(4, 12);
      return (s) => ({ category: '2', releaseDate: isoOf(s), endDate: termEnd(isoOf(s), { months }) });
    }
  }
}

function birthFor(start: number, age: number): number {
  return start - Math.round(age * 365.2425);
}

function plan(rule: (s: number) => CaseRule, start: number, age: number): PhasePlan[] {
  return planSupervision(rule(start), isoOf(birthFor(start, age)));
}

const endOf = (phases: PhasePlan[]) => dayOf(phases[phases.length - 1]!.endDate);
const startOf = (phases: PhasePlan[]) => dayOf(phases[0]!.startDate);

interface Dates {
  phases: PhasePlan[];
  start: number;
  termination: { day: number; reason: 'expiry' | 'revocation' | 'other' } | null;
}

function revoked(rng: Rng, spec: CaseSpec): 'expiry' | 'revocation' | 'other' {
  const parole = spec.category === 'parole' || spec.category === 'juvenileParole';
  const employed = spec.employment === 'employed' || spec.employment === 'student';
  const p = parole ? REVOCATION.parole : REVOCATION.probation;
  if (rng.chance(REVOCATION.other)) return 'other';
  return rng.chance(employed ? p.employed : p.unemployed) ? 'revocation' : 'expiry';
}

function sampleDates(rng: Rng, spec: CaseSpec, env: Env): Dates {
  const rule = ruleMaker(rng, spec.category, spec.ageAtStart);
  const age = spec.ageAtStart;
  if (!spec.terminated) {
    // A case in today's stock: it has run for a uniformly drawn part of its length.
    const length = endOf(plan(rule, env.today, age)) - env.today + 1;
    let elapsed = rng.int(0, Math.max(0, length - 1));
    let phases = plan(rule, env.today - elapsed, age);
    while (endOf(phases) < env.today) phases = plan(rule, env.today - (elapsed = Math.floor(elapsed / 2)), age);
    return { phases, start: startOf(phases), termination: null };
  }
  const reason = revoked(rng, spec);
  const day = rng.int(env.goLive, env.today - 1);
  const length = endOf(plan(rule, day, age)) - day;
  if (reason === 'expiry') {
    let phases = plan(rule, day - length, age);
    if (endOf(phases) >= env.today) phases = plan(rule, startOf(phases) - (endOf(phases) - env.today + 1), age);
    return { phases, start: startOf(phases), termination: { day: endOf(phases), reason } };
  }
  const phases = plan(rule, day - rng.int(Math.floor(length * 0.1), Math.floor(length * 0.9)), age);
  return { phases, start: startOf(phases), termination: { day, reason } };
}

// --- the case --------------------------------------------------------------------------------------

const LOWER: Record<Level, Level> = { A: 'B', B: 'C', C: 'C' };
const RISK_OF: Record<Level, Record<OverallRisk, number>> = {
  A: { high: 70, medium: 30, low: 0 },
  B: { high: 15, medium: 70, low: 15 },
  C: { high: 0, medium: 30, low: 70 },
};
const DOMAINS = ['family', 'relationships', 'work_school', 'substance_use', 'leisure', 'finances', 'offending_history', 'psychological'];
const RISK_BASE: Record<OverallRisk, number> = { low: 0, medium: 1, high: 2 };

export function buildCase(rng: Rng, spec: CaseSpec, vpoId: string, caseNumberFor: (startDay: number) => string, env: Env): BuiltCase {
  const c = openCase(rng, spec, vpoId, env);
  const levelOn = assess(c);
  setConditions(c);
  writeHistory(c, levelOn);
  c.rows.cases.push(caseRow(c, levelOn, caseNumberFor));
  return { rows: c.rows, state: c, startDay: c.start, birthDay: birthFor(c.start, spec.ageAtStart) };
}

/** Dates, phases and suspension of supervision (保護観察の停止, parole phases only). */
function openCase(rng: Rng, spec: CaseSpec, vpoId: string, env: Env): CaseState {
  const { phases, start, termination } = sampleDates(rng, spec, env);
  const caseId = rng.uuid();
  const phaseIds = phases.map(() => rng.uuid());
  const phaseEnds = phases.map((p) => dayOf(p.endDate));
  const phaseStarts = phases.map((p) => dayOf(p.startDate));
  const rows: CaseRows = {
    cases: [],
    case_phases: [],
    supervision_suspensions: [],
    conditions: [],
    assessments: [],
    contacts: [],
    appointments: [],
    drug_tests: [],
    measures: [],
  };
  const c: CaseState = {
    rng,
    spec,
    env,
    vpoId,
    caseId,
    rows,
    phases,
    phaseStarts,
    start,
    plannedEnd: 0,
    termination,
    lastDay: 0,
    absconded: null,
    suspended: [],
    recordFrom: 0,
    recordTo: 0,
  };
  const suspend = (phase: number, from: number, resumed: number | null) => {
    c.suspended.push({ from, to: resumed ?? Infinity });
    rows.supervision_suspensions.push({
      id: rng.uuid(),
      case_id: caseId,
      phase_id: phaseIds[phase]!,
      from_date: isoOf(from),
      resumed_on: resumed === null ? null : isoOf(resumed),
      reason: '所在不明',
      created_at: stamp(from),
      updated_at: stamp(resumed ?? from),
    });
    addMeasure(c, 'suspension', from, '保護観察の停止');
  };
  if (!termination) {
    const current = phases.findIndex((_, i) => phaseStarts[i]! <= env.today - 1 && env.today - 1 <= phaseEnds[i]!);
    const suspendable = phases.findIndex((p, i) => SUSPENDABLE_PHASE_KINDS.includes(p.kind) && phaseStarts[i]! <= env.today - 60);
    if (current >= 0 && SUSPENDABLE_PHASE_KINDS.includes(phases[current]!.kind) && rng.chance(ABSCONDED_SHARE)) {
      const from = Math.max(phaseStarts[current]! + 20, env.today - rng.int(14, 150));
      if (from < env.today) {
        c.absconded = from;
        suspend(current, from, null);
      }
    } else if (suspendable >= 0 && rng.chance(PAST_SUSPENSION_SHARE)) {
      const from = phaseStarts[suspendable]! + rng.int(20, 40);
      const days = rng.int(10, 60);
      if (from <= phaseEnds[suspendable]! && from + days < env.today) {
        suspend(suspendable, from, from + days);
        // Resuming moves the suspended phase's end, and every later phase, by the days stopped.
        for (let i = suspendable; i < phases.length; i++) {
          if (i > suspendable) phaseStarts[i]! += days;
          phaseEnds[i]! += days;
        }
      }
    }
  }
  c.plannedEnd = phaseEnds[phaseEnds.length - 1]!;
  c.lastDay = termination?.day ?? c.plannedEnd;
  c.recordFrom = Math.max(start, env.goLive);
  c.recordTo = Math.min(env.today - 1, c.lastDay, c.absconded === null ? Infinity : c.absconded - 1);

  phases.forEach((p, i) =>
    rows.case_phases.push({
      id: phaseIds[i]!,
      case_id: caseId,
      seq: p.seq,
      category: p.category,
      kind: p.kind,
      start_date: isoOf(phaseStarts[i]!),
      base_end_date: p.endDate,
      end_date: isoOf(phaseEnds[i]!),
      rule: JSON.stringify(p.rule),
      created_at: stamp(start, 11),
      updated_at: stamp(start, 11),
    }),
  );
  return c;
}

/** The assessment at the start and, after a year, a reassessment that may lower the level. Returns the level on a day. */
function assess(c: CaseState): (day: number) => Level {
  const { rng, spec, env } = c;
  const drug = spec.drugRelated;
  const level0 = rng.weighted(drug ? INTENSITY.drug : INTENSITY.other) as Level;
  const reassessDay = c.start + 365 <= Math.min(env.today - 1, c.lastDay) ? c.start + 365 : null;
  const level1 = reassessDay !== null && rng.chance(INTENSITY.lowerAtReassessment) ? LOWER[level0] : level0;
  const record = (day: number, level: Level) => {
    const risk = rng.weighted(RISK_OF[level]) as OverallRisk;
    const domains = Object.fromEntries(
      DOMAINS.map((d) => [
        d,
        {
          risk: Math.max(0, Math.min(3, RISK_BASE[risk] + (d === 'substance_use' && drug ? 1 : rng.int(-1, 1)))),
          strength: rng.int(0, 3),
          notes: '',
        },
      ]),
    );
    c.rows.assessments.push({
      id: rng.uuid(),
      case_id: c.caseId,
      assessed_on: isoOf(day),
      overall_risk: risk,
      intensity_level: level,
      domains: JSON.stringify(domains),
      notes: '',
      assessed_by: spec.officer.id,
      created_at: stamp(day),
      updated_at: stamp(day),
    });
  };
  record(c.start, level0);
  if (reassessDay !== null) record(reassessDay, level1);
  return (day) => (reassessDay !== null && day >= reassessDay ? level1 : level0);
}

/** The general conditions, then special ones by the person's situation; a few changed or lifted. */
function setConditions(c: CaseState): void {
  const { rng, spec, start } = c;
  const condition = (kind: string, code: string, text: string, lifted: number | null = null) => {
    const changed = kind !== 'general' && rng.chance(0.05) ? start + rng.int(60, 300) : null;
    const changedOn = changed !== null && changed <= c.recordTo && (lifted === null || changed < lifted) ? changed : null;
    const liftedOn = lifted !== null && lifted <= c.recordTo ? lifted : null;
    c.rows.conditions.push({
      id: rng.uuid(),
      case_id: c.caseId,
      kind,
      catalogue_code: code,
      text: changedOn !== null ? `${text}（期間中に一部変更）` : text,
      set_on: isoOf(start),
      changed_on: changedOn === null ? null : isoOf(changedOn),
      lifted_on: liftedOn === null ? null : isoOf(liftedOn),
      created_at: stamp(start, 11),
      updated_at: stamp(Math.max(start, liftedOn ?? changedOn ?? start), 11),
    });
  };
  for (const g of GENERAL_CONDITIONS) condition('general', g.code, g.text);
  const special = (code: string, lifted: number | null = null) => {
    const e = SPECIAL_CONDITIONS.find((x) => x.code === code)!;
    condition(e.kind, e.code, e.text, lifted);
  };
  const drug = spec.drugRelated;
  if (spec.program) special('drug_relapse_prevention_program');
  if (drug && rng.chance(0.6)) special('no_association_with_drug_users');
  if (drug && rng.chance(0.2)) special('no_drug_related_places');
  // DOMAIN: 10–15% placed in a facility at the start; ASSUMPTION: they leave after 60–120 days.
  if (rng.chance(FACILITY_AT_START)) special('reside_at_facility', start + rng.int(60, 120));
  if (spec.employment === 'employed' && rng.chance(0.25)) special('keep_working');
  if (spec.employment === 'unemployed' && rng.chance(0.2)) special('keep_working');
  if (spec.employment === 'employed' && rng.chance(0.1)) special('report_job_change');
  if (spec.employment === 'student' && rng.chance(0.3)) special('keep_studying');
}

function caseRow(c: CaseState, levelOn: (day: number) => Level, caseNumberFor: (startDay: number) => string) {
  const { rng, spec, env, termination } = c;
  const employmentAtEnd = (): EmploymentStatus => {
    if (spec.employment === 'employed') return rng.chance(0.85) ? 'employed' : 'unemployed';
    if (spec.employment === 'student') return rng.chance(0.8) ? 'student' : 'employed';
    return rng.chance(0.35) ? 'employed' : 'unemployed';
  };
  return {
    id: c.caseId,
    supervisee_id: spec.superviseeId,
    case_number: caseNumberFor(c.start),
    partial_suspension: spec.category === 'partial' ? 1 : 0,
    status: termination ? 'terminated' : c.absconded !== null ? 'suspended' : 'active',
    intensity_level: levelOn(Math.min(env.today - 1, c.lastDay)),
    start_date: isoOf(c.start),
    planned_end_date: isoOf(c.plannedEnd),
    termination_date: termination ? isoOf(termination.day) : null,
    termination_reason: termination?.reason ?? null,
    employment_at_start: spec.employment,
    employment_at_termination: termination ? employmentAtEnd() : null,
    guidelines: rng.chance(0.2) ? rng.pick(['規則正しい生活を送ること。', '家族と連絡を保つこと。', '自助グループに参加すること。']) : '',
    created_at: stamp(c.start, 11),
    updated_at: stamp(termination?.day ?? c.start, 11),
  };
}
