/** Pure helpers for showing a case: its current phase and how far suspensions moved its end. */
import type { CaseDetail, CasePhase } from '../../../db/contract';
import { daysBetween } from '../people/personFormat';
import { SUSPENDABLE_PHASE_KINDS } from '../people/codes';

export function currentPhase(kase: CaseDetail): CasePhase | null {
  return kase.phases.find((p) => p.id === kase.currentPhaseId) ?? kase.phases[0] ?? null;
}

/** Days a phase's end moved later than the rule set it (suspensions of supervision), or null while unknown. */
export function phaseShift(phase: CasePhase): number | null {
  return phase.endDate === null ? null : daysBetween(phase.baseEndDate, phase.endDate);
}

/** The end the rules set for the whole case, before any suspension. */
export function baseEndOf(kase: CaseDetail): string | null {
  return kase.phases[kase.phases.length - 1]?.baseEndDate ?? null;
}

/** Days the case's planned end moved later, or null while supervision is suspended. */
export function caseShift(kase: CaseDetail): number | null {
  const base = baseEndOf(kase);
  return base === null || kase.plannedEndDate === null ? null : daysBetween(base, kase.plannedEndDate);
}

export function openSuspension(kase: CaseDetail) {
  return kase.suspensions.find((s) => s.resumedOn === null) ?? null;
}

/** Supervision can be suspended during a parole phase of an active case (the service decides). */
export function maySuspend(kase: CaseDetail): boolean {
  const phase = currentPhase(kase);
  return kase.status === 'active' && phase !== null && SUSPENDABLE_PHASE_KINDS.includes(phase.kind);
}
