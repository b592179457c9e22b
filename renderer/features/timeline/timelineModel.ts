/**
 * The person timeline in words: which filter group an item belongs to, the months it is grouped
 * by, and its one-line description built from its codes. Pure: no React, no DOM; `t` is any
 * i18next translate function.
 */
import type { TFunction } from 'i18next';
import type { TimelineItem, TimelineKind, TimelineValue } from '../../../db/contract';
import type { DateStyle } from '../../i18n/dates';
import { formatDay, formatMonth } from '../contacts/format';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

export const TIMELINE_GROUPS = [
  'contacts',
  'appointments',
  'tests',
  'conditions',
  'measures',
  'phases',
  'assessments',
  'programs',
  'support',
] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export const GROUP_OF: Record<TimelineKind, TimelineGroup> = {
  contact: 'contacts',
  appointment: 'appointments',
  drug_test: 'tests',
  condition_set: 'conditions',
  condition_changed: 'conditions',
  condition_lifted: 'conditions',
  measure: 'measures',
  phase_start: 'phases',
  phase_end: 'phases',
  suspension_start: 'phases',
  suspension_end: 'phases',
  termination: 'phases',
  assessment: 'assessments',
  program_enrolled: 'programs',
  program_session: 'programs',
  program_core_completed: 'programs',
  program_completed: 'programs',
  program_withdrawn: 'programs',
  employment_support_start: 'support',
  employment_support_end: 'support',
  job_start: 'support',
  job_end: 'support',
  employment_status: 'support',
  seminar_invited: 'support',
  seminar_attended: 'support',
  placement_start: 'support',
  placement_end: 'support',
  support_link_start: 'support',
  support_link_end: 'support',
};
const exhaustive: Exhaustive<TimelineKind, keyof typeof GROUP_OF> = true;
void exhaustive;

export type Translate = TFunction;

export interface MonthGroup {
  /** YYYY-MM */
  month: string;
  items: TimelineItem[];
}

/** Items (already newest first) of the chosen groups, cut into months in the same order. */
export function groupByMonth(items: readonly TimelineItem[], shown: ReadonlySet<TimelineGroup>): MonthGroup[] {
  const months: MonthGroup[] = [];
  for (const item of items) {
    if (!shown.has(GROUP_OF[item.kind])) continue;
    const month = item.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.items.push(item);
    else months.push({ month, items: [item] });
  }
  return months;
}

export function countByGroup(items: readonly TimelineItem[]): Record<TimelineGroup, number> {
  const counts = Object.fromEntries(TIMELINE_GROUPS.map((g) => [g, 0])) as Record<TimelineGroup, number>;
  for (const item of items) counts[GROUP_OF[item.kind]]++;
  return counts;
}

function str(v: TimelineValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A translated code, or the code itself when the dictionary lacks it (never an empty line). */
function code(t: Translate, prefix: string, v: TimelineValue | undefined): string {
  const c = str(v);
  if (!c) return t('common.none');
  const key = `${prefix}.${c}`;
  const text = t(key);
  return text === key ? c : text;
}

export interface Described {
  /** The kind, as a short label. */
  label: string;
  /** The one-line description. */
  line: string;
  /** Further short lines (who, where, notes…). */
  details: string[];
  /** The notes are sensitive and hidden from the viewer. */
  notesHidden: boolean;
  /** A marker worth a badge: a positive test, an appointment needing an outcome, an upcoming one. */
  marker: 'attention' | 'upcoming' | null;
}

/** The words for one item. */
export function describe(item: TimelineItem, t: Translate, style: DateStyle): Described {
  const d = item.data;
  const label = t(`timeline.kinds.${item.kind}`);
  const details: string[] = [];
  let notesHidden = false;
  let marker: Described['marker'] = null;
  let line: string;
  switch (item.kind) {
    case 'phase_start':
    case 'phase_end':
      line = t(`timeline.desc.${item.kind}`, { seq: str(d.seq), phase: code(t, 'peopleCodes.phaseKind', d.phaseKind) });
      break;
    case 'suspension_start':
      line = t('timeline.desc.suspension_start', { reason: str(d.reason) || t('common.none') });
      break;
    case 'suspension_end':
      line = t('timeline.desc.suspension_end', { days: str(d.daysStopped) });
      break;
    case 'condition_set':
    case 'condition_changed':
    case 'condition_lifted':
      line = t(`timeline.desc.${item.kind}`, {
        kind: code(t, 'peopleCodes.conditionKind', d.conditionKind),
        text: str(d.text) || t('timeline.desc.conditionTextUnknown'),
      });
      break;
    case 'assessment':
      line = t('timeline.desc.assessment', { risk: code(t, 'peopleCodes.risk', d.overallRisk), level: str(d.intensityLevel) });
      break;
    case 'contact': {
      const report = d.contactKind === 'vpo_monthly_report';
      line = t('timeline.desc.contact', {
        kind: code(t, 'daily.kinds', d.contactKind),
        outcome: code(t, report ? 'daily.reportOutcomes' : 'daily.outcomes', d.outcome),
      });
      if (report && d.reportMonth) details.push(t('daily.contacts.reportFor', { month: formatMonth(str(d.reportMonth), style) }));
      const vpo = str(d.byVpoName);
      const user = str(d.byUserName);
      if (vpo) details.push(t(report ? 'daily.contacts.reportBy' : 'daily.contacts.by', { name: vpo }));
      else if (user) details.push(t('daily.contacts.by', { name: user }));
      if (d.notes === null) notesHidden = true;
      else if (str(d.notes)) details.push(t('timeline.detail.notes', { text: str(d.notes) }));
      break;
    }
    case 'appointment': {
      const status = d.needsOutcome === true ? 'needs_outcome' : str(d.status);
      line = t('timeline.desc.appointment', {
        kind: code(t, 'daily.kinds', d.appointmentKind),
        status: code(t, 'daily.appointments.status', status),
      });
      if (str(d.place)) details.push(t('timeline.detail.place', { place: str(d.place) }));
      marker = d.needsOutcome === true ? 'attention' : d.upcoming === true && d.status === 'scheduled' ? 'upcoming' : null;
      break;
    }
    case 'drug_test': {
      line = t('timeline.desc.drug_test', {
        result: code(t, 'daily.drugTests.results', d.result),
        method: code(t, 'daily.drugTests.methods', d.method),
      });
      const substances = str(d.substances)
        .split(',')
        .filter(Boolean)
        .map((s) => code(t, 'peopleCodes.drug', s));
      if (substances.length) details.push(t('timeline.detail.substances', { list: substances.join(t('daily.common.listSeparator')) }));
      if (d.consent === false) details.push(t('timeline.detail.noConsent'));
      if (str(d.followUp)) details.push(t('timeline.detail.followUp', { text: str(d.followUp) }));
      marker = d.result === 'positive' || d.result === 'refused' ? 'attention' : null;
      break;
    }
    case 'measure': {
      const kind = code(t, 'daily.measures.kinds', d.measureKind);
      line = str(d.decision) ? t('timeline.desc.measure', { kind, decision: str(d.decision) }) : t('timeline.desc.measureNoDecision', { kind });
      if (d.needsSignoff === true) details.push(t(d.signedOff === true ? 'daily.measures.signedOff' : 'daily.measures.awaiting'));
      break;
    }
    case 'termination':
      line = t('timeline.desc.termination', {
        reason: code(t, 'peopleCodes.termination', d.reason),
        employment: code(t, 'peopleCodes.employment', d.employmentAtTermination),
      });
      break;
    case 'program_enrolled':
    case 'program_core_completed':
    case 'program_completed':
      line = t(`timeline.desc.${item.kind}`, { program: str(d.programName) });
      break;
    case 'program_withdrawn':
      line = t('timeline.desc.program_withdrawn', { program: str(d.programName), reason: str(d.reason) || t('common.none') });
      break;
    case 'program_session': {
      const session = d.stage === 'core' ? t('timeline.program.coreSession', { no: str(d.sessionNo) }) : t('timeline.program.stepUp');
      line = t('timeline.desc.program_session', {
        program: str(d.programName),
        session,
        attendance: code(t, 'timeline.program.attendance', d.attendance),
      });
      details.push(t('timeline.program.deliveryMode', { mode: code(t, 'timeline.program.deliveryModes', d.deliveryMode) }));
      marker = d.attendance === 'absent_unacceptable' ? 'attention' : null;
      break;
    }
    default:
      line = describeSupport(item, t, style, details);
  }
  return { label, line, details, notesHidden, marker };
}

/** Vocational support, family seminars, facility placements and medical/NGO links. */
function describeSupport(item: TimelineItem, t: Translate, style: DateStyle, details: string[]): string {
  const d = item.data;
  const c = (prefix: string, v: TimelineValue | undefined) => code(t, `timeline.support.${prefix}`, v);
  const detail = (key: string, value: TimelineValue | undefined, vars: (v: string) => Record<string, string>) => {
    if (str(value)) details.push(t(`timeline.support.detail.${key}`, vars(str(value))));
  };
  switch (item.kind) {
    case 'employment_support_start':
      detail('office', d.office, (v) => ({ office: v }));
      detail('employer', d.employerName, (v) => ({ name: v }));
      detail('months', d.months, (v) => ({ n: v }));
      if (str(d.subsidyStatus)) details.push(t('timeline.support.detail.subsidy', { status: c('subsidy', d.subsidyStatus) }));
      return t('timeline.desc.employment_support_start', { kind: c('supportKinds', d.supportKind), outcome: c('outcomes', d.outcome) });
    case 'employment_support_end':
      return t('timeline.desc.employment_support_end', { kind: c('supportKinds', d.supportKind), outcome: c('outcomes', d.outcome) });
    case 'job_start':
      return t('timeline.desc.job_start', { employer: str(d.employerName), kind: c('jobKinds', d.jobKind) });
    case 'job_end':
      detail('leavingReason', d.leavingReason, (v) => ({ text: v }));
      return t('timeline.desc.job_end', { employer: str(d.employerName), kind: c('jobKinds', d.jobKind) });
    case 'employment_status':
      return t('timeline.desc.employment_status', { status: c('workStatuses', d.status) });
    case 'seminar_invited':
    case 'seminar_attended': {
      if (d.guardianInstructed === true) details.push(t('timeline.support.detail.guardianInstructed'));
      if (item.kind === 'seminar_invited') {
        detail('heldOn', d.heldOn, (v) => ({ date: formatDay(v, style) }));
        details.push(t('timeline.support.detail.attendance', { attendance: c('attendance', d.attendance) }));
      }
      if (str(d.followUp)) details.push(t('timeline.detail.followUp', { text: str(d.followUp) }));
      return t(`timeline.desc.${item.kind}`, {
        member: str(d.memberName),
        relation: code(t, 'peopleCodes.relation', d.relation),
        topic: str(d.topic),
      });
    }
    case 'placement_start':
      detail('plannedEnd', d.plannedEndOn, (v) => ({ date: formatDay(v, style) }));
      return t('timeline.desc.placement_start', { facility: str(d.facilityName), kind: c('facilityKinds', d.facilityKind) });
    case 'placement_end':
      detail('exitReason', d.exitReason, (v) => ({ text: v }));
      return t('timeline.desc.placement_end', {
        facility: str(d.facilityName),
        days: str(d.stayDays),
        destination: c('destinations', d.exitDestination),
      });
    case 'support_link_start':
    case 'support_link_end':
      return t(`timeline.desc.${item.kind}`, { org: str(d.orgName), kind: c('orgKinds', d.orgKind) });
    default:
      return t(`timeline.kinds.${item.kind}`);
  }
}
