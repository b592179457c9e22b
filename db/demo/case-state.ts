/** What the parts of one demo case share while it is built (./case.ts, ./history.ts). */
import type { PhasePlan } from '../casework/dates';
import type { DrugType, EmploymentStatus, MeasureKind } from '../contract';
import { MEASURES_NEEDING_SIGNOFF } from '../contract';
import { instantOf, isoOf } from './calendar';
import type { DemoCategory } from './figures';
import type { Rows, Staff } from './people';
import type { Rng } from './prng';

export type Level = 'A' | 'B' | 'C';

export interface Env {
  today: number;
  /** First day the office recorded casework in the app. */
  goLive: number;
  /** Contacts due per month by level, from the contact_standards table. */
  rules: Record<string, { po: number; vpo: number }>;
}

export interface CaseSpec {
  category: DemoCategory;
  terminated: boolean;
  drugRelated: boolean;
  drugTypes: DrugType[];
  program: boolean;
  employment: EmploymentStatus;
  ageAtStart: number;
  officer: Staff;
  supervisorId: string;
  superviseeId: string;
}

export interface CaseRows {
  cases: Rows[];
  case_phases: Rows[];
  supervision_suspensions: Rows[];
  conditions: Rows[];
  assessments: Rows[];
  contacts: Rows[];
  appointments: Rows[];
  drug_tests: Rows[];
  measures: Rows[];
}

export interface CaseState {
  rng: Rng;
  spec: CaseSpec;
  env: Env;
  vpoId: string;
  caseId: string;
  rows: CaseRows;
  phases: PhasePlan[];
  /** Phase starts and ends as day numbers, after any resumed suspension moved them. */
  phaseStarts: number[];
  start: number;
  plannedEnd: number;
  termination: { day: number; reason: 'expiry' | 'revocation' | 'other' } | null;
  /** Last day of supervision: the termination, else the planned end. */
  lastDay: number;
  /** Day supervision was suspended for an absconder who has not come back, or null. */
  absconded: number | null;
  suspended: { from: number; to: number }[];
  /** Casework is on record from the go-live day (or the start) to yesterday (or the end, or absconding). */
  recordFrom: number;
  recordTo: number;
}

/** An instant on a day (Japan time): rows are "entered" that evening unless told otherwise. */
export function stamp(day: number, hour = 18): string {
  return instantOf(day, hour);
}

export function isSuspended(c: CaseState, day: number): boolean {
  return c.suspended.some((s) => s.from <= day && day < s.to);
}

/** A measure; those needing sign-off are signed by the officer's supervisor, recent ones sometimes not yet. */
export function addMeasure(c: CaseState, kind: MeasureKind, day: number, decision: string): void {
  const signs = MEASURES_NEEDING_SIGNOFF.includes(kind);
  const pending = signs && day > c.env.today - 14 && c.rng.chance(0.3);
  c.rows.measures.push({
    id: c.rng.uuid(),
    case_id: c.caseId,
    kind,
    decided_on: isoOf(day),
    decision,
    notes: '',
    needs_signoff: signs ? 1 : 0,
    signed_off_by: signs && !pending ? c.spec.supervisorId : null,
    signed_off_at: signs && !pending ? stamp(Math.min(day + 1, c.env.today - 1), 10) : null,
    created_by: c.spec.officer.id,
    created_at: stamp(day),
    updated_at: stamp(day),
  });
}
