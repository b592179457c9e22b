/**
 * The person timeline: everything about a supervisee, across their cases, in one list newest first.
 * Items carry codes and values, never sentences: the renderer words them in Japanese or English.
 * Sensitive contact notes and drug tests follow the same visibility as contacts.list and
 * drugTests.list (the case's officer, supervisors and administrators).
 */
import { japanDate, japanTime } from '../casework/standards';
import type {
  ConditionKind,
  ContactKind,
  ContactOutcome,
  DrugTestMethod,
  DrugTestResult,
  EmploymentStatus,
  MeasureKind,
  OverallRisk,
  ParsedInputOf,
  PersonTimeline,
  PhaseKind,
  TerminationReason,
  TimelineItem,
  TimelineKind,
} from '../contract';
import { daysStopped } from '../casework/dates';
import { AppError } from '../errors';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import { maySeeRestricted } from './caseload';
import { requireCaseworker } from './casework-shared';
import { programTimelineItems } from './programs';
import { PATHWAY_SAME_DAY_ORDER, pathwayTimelineItems } from './pathways-timeline';

/** On one day, the order items are listed in (newest first, so the day's last events lead). */
const SAME_DAY_ORDER: readonly TimelineKind[] = [
  'termination',
  'phase_end',
  'suspension_end',
  'suspension_start',
  'program_withdrawn',
  'program_completed',
  'program_core_completed',
  'measure',
  ...PATHWAY_SAME_DAY_ORDER,
  'drug_test',
  'program_session',
  'contact',
  'appointment',
  'assessment',
  'program_enrolled',
  'condition_lifted',
  'condition_changed',
  'condition_set',
  'phase_start',
];
const RANK = new Map(SAME_DAY_ORDER.map((k, i) => [k, i]));

const OF_PERSON = 'case_id IN (SELECT id FROM cases WHERE supervisee_id = @id)';

interface CaseRow {
  id: string;
  case_number: string;
  termination_date: string | null;
  termination_reason: TerminationReason | null;
  employment_at_termination: EmploymentStatus | null;
}

export function personTimeline(ctx: ServiceContext, input: ParsedInputOf<'timeline.forPerson'>): PersonTimeline {
  requireCaseworker(ctx);
  const person = stmt(ctx.db, 'SELECT id, officer_id FROM supervisees WHERE id = ?').get(input.superviseeId) as
    | { id: string; officer_id: string | null }
    | undefined;
  if (!person) throw new AppError('NOT_FOUND', 'no such supervisee', { field: 'superviseeId' });
  const may = maySeeRestricted(ctx, person.officer_id);
  const nowMs = ctx.now();
  const today = japanDate(nowMs);
  const p = { id: person.id };

  const cases = stmt(
    ctx.db,
    `SELECT id, case_number, termination_date, termination_reason, employment_at_termination
       FROM cases WHERE supervisee_id = @id`,
  ).all(p) as CaseRow[];
  const caseNumber = new Map(cases.map((c) => [c.id, c.case_number]));
  const items: TimelineItem[] = [];
  const push = (caseId: string, kind: TimelineKind, refId: string, date: string, time: string | null, data: TimelineItem['data']) =>
    items.push({ date, time, kind, caseId, caseNumber: caseNumber.get(caseId) ?? '', refId, data });

  for (const c of cases) {
    if (c.termination_date !== null) {
      push(c.id, 'termination', c.id, c.termination_date, null, {
        reason: c.termination_reason,
        employmentAtTermination: c.employment_at_termination,
      });
    }
  }

  // Phases. A phase's end is an event only between two phases (the last phase ends with the case),
  // once it has passed and is known (not while supervision is suspended in it or before it).
  const suspensions = stmt(ctx.db, `SELECT id, case_id, phase_id, from_date, resumed_on, reason FROM supervision_suspensions WHERE ${OF_PERSON}`).all(
    p,
  ) as { id: string; case_id: string; phase_id: string; from_date: string; resumed_on: string | null; reason: string }[];
  const phases = stmt(ctx.db, `SELECT id, case_id, seq, category, kind, start_date, end_date FROM case_phases WHERE ${OF_PERSON}`).all(p) as {
    id: string;
    case_id: string;
    seq: number;
    category: string;
    kind: PhaseKind;
    start_date: string;
    end_date: string;
  }[];
  const lastSeq = new Map<string, number>();
  for (const ph of phases) lastSeq.set(ph.case_id, Math.max(lastSeq.get(ph.case_id) ?? 0, ph.seq));
  const openFromSeq = new Map<string, number>();
  for (const s of suspensions) {
    if (s.resumed_on !== null) continue;
    const seq = phases.find((ph) => ph.id === s.phase_id)?.seq;
    if (seq !== undefined) openFromSeq.set(s.case_id, seq);
  }
  for (const ph of phases) {
    const data = { phaseKind: ph.kind, category: ph.category, seq: ph.seq };
    if (ph.start_date <= today) push(ph.case_id, 'phase_start', ph.id, ph.start_date, null, data);
    const termination = cases.find((c) => c.id === ph.case_id)?.termination_date ?? null;
    const ended =
      ph.seq < (lastSeq.get(ph.case_id) ?? 0) &&
      ph.seq < (openFromSeq.get(ph.case_id) ?? Infinity) &&
      ph.end_date < today &&
      (termination === null || ph.end_date < termination);
    if (ended) push(ph.case_id, 'phase_end', ph.id, ph.end_date, null, data);
  }
  for (const s of suspensions) {
    push(s.case_id, 'suspension_start', s.id, s.from_date, null, { reason: s.reason });
    if (s.resumed_on !== null) {
      push(s.case_id, 'suspension_end', s.id, s.resumed_on, null, { daysStopped: daysStopped(s.from_date, s.resumed_on) });
    }
  }

  // Conditions. Every change is in the audit trail; the row keeps only the latest change date.
  const conditions = stmt(
    ctx.db,
    `SELECT id, case_id, kind, catalogue_code, text, set_on, changed_on, lifted_on FROM conditions WHERE ${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    kind: ConditionKind;
    catalogue_code: string;
    text: string;
    set_on: string;
    changed_on: string | null;
    lifted_on: string | null;
  }[];
  const changes = new Map<string, { changedOn: string; text: string; before: string | null }[]>();
  for (const a of stmt(
    ctx.db,
    `SELECT entity_id, before_json, after_json FROM audit_log
      WHERE entity = 'conditions' AND entity_id IN (SELECT id FROM conditions WHERE ${OF_PERSON}) AND action = 'conditions.change'
      ORDER BY id`,
  ).all(p) as { entity_id: string; before_json: string | null; after_json: string | null }[]) {
    const after = a.after_json ? (JSON.parse(a.after_json) as { changed_on?: string; text?: string }) : {};
    const before = a.before_json ? (JSON.parse(a.before_json) as { text?: string }) : {};
    if (!after.changed_on) continue;
    let list = changes.get(a.entity_id);
    if (!list) changes.set(a.entity_id, (list = []));
    list.push({ changedOn: after.changed_on, text: after.text ?? '', before: before.text ?? null });
  }
  for (const k of conditions) {
    const base = { conditionKind: k.kind, catalogueCode: k.catalogue_code };
    const audited = changes.get(k.id) ?? [];
    const history = audited.length ? audited : k.changed_on ? [{ changedOn: k.changed_on, text: k.text, before: null }] : [];
    // The wording as first set: the "before" of the first change (null if no longer known).
    const setText = history.length ? history[0]!.before : k.text;
    push(k.case_id, 'condition_set', k.id, k.set_on, null, { ...base, text: setText });
    history.forEach((h, i) => push(k.case_id, 'condition_changed', `${k.id}#${i + 1}`, h.changedOn, null, { ...base, text: h.text }));
    if (k.lifted_on !== null) push(k.case_id, 'condition_lifted', k.id, k.lifted_on, null, { ...base, text: k.text });
  }

  for (const a of stmt(ctx.db, `SELECT id, case_id, assessed_on, overall_risk, intensity_level FROM assessments WHERE ${OF_PERSON}`).all(
    p,
  ) as { id: string; case_id: string; assessed_on: string; overall_risk: OverallRisk; intensity_level: string }[]) {
    push(a.case_id, 'assessment', a.id, a.assessed_on, null, { overallRisk: a.overall_risk, intensityLevel: a.intensity_level });
  }

  for (const k of stmt(
    ctx.db,
    `SELECT k.id, k.case_id, k.kind, k.contact_date, k.contact_time, k.outcome, k.report_month, k.notes, k.sensitive,
            u.display_name AS by_user_name, v.name AS by_vpo_name
       FROM contacts k LEFT JOIN users u ON u.id = k.by_user_id LEFT JOIN vpos v ON v.id = k.by_vpo_id
      WHERE k.${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    kind: ContactKind;
    contact_date: string;
    contact_time: string | null;
    outcome: ContactOutcome;
    report_month: string | null;
    notes: string;
    sensitive: number;
    by_user_name: string | null;
    by_vpo_name: string | null;
  }[]) {
    const sensitive = k.sensitive === 1;
    push(k.case_id, 'contact', k.id, k.contact_date, k.contact_time, {
      contactKind: k.kind,
      outcome: k.outcome,
      byUserName: k.by_user_name,
      byVpoName: k.by_vpo_name,
      reportMonth: k.report_month,
      notes: sensitive && !may ? null : k.notes,
      sensitive,
    });
  }

  // A done appointment is shown by the contact recorded for it.
  for (const a of stmt(
    ctx.db,
    `SELECT id, case_id, starts_at, duration_min, kind, status, place FROM appointments WHERE ${OF_PERSON} AND status <> 'done'`,
  ).all(p) as { id: string; case_id: string; starts_at: string; duration_min: number; kind: string; status: string; place: string }[]) {
    const start = Date.parse(a.starts_at);
    push(a.case_id, 'appointment', a.id, japanDate(start), japanTime(start), {
      appointmentKind: a.kind,
      status: a.status,
      place: a.place,
      needsOutcome: a.status === 'scheduled' && start + a.duration_min * 60_000 <= nowMs,
      upcoming: start > nowMs,
    });
  }

  if (may) {
    for (const t of stmt(
      ctx.db,
      `SELECT id, case_id, tested_on, method, substances, result, consent, follow_up FROM drug_tests WHERE ${OF_PERSON}`,
    ).all(p) as {
      id: string;
      case_id: string;
      tested_on: string;
      method: DrugTestMethod;
      substances: string;
      result: DrugTestResult;
      consent: number;
      follow_up: string;
    }[]) {
      push(t.case_id, 'drug_test', t.id, t.tested_on, null, {
        method: t.method,
        result: t.result,
        substances: (JSON.parse(t.substances) as string[]).join(','),
        consent: t.consent === 1,
        followUp: t.follow_up,
      });
    }
  }

  for (const m of stmt(
    ctx.db,
    `SELECT id, case_id, kind, decided_on, decision, needs_signoff, signed_off_by FROM measures WHERE ${OF_PERSON}`,
  ).all(p) as {
    id: string;
    case_id: string;
    kind: MeasureKind;
    decided_on: string;
    decision: string;
    needs_signoff: number;
    signed_off_by: string | null;
  }[]) {
    push(m.case_id, 'measure', m.id, m.decided_on, null, {
      measureKind: m.kind,
      decision: m.decision,
      needsSignoff: m.needs_signoff === 1,
      signedOff: m.signed_off_by !== null,
    });
  }

  for (const x of programTimelineItems(ctx.db, person.id)) push(x.caseId, x.kind, x.refId, x.date, x.time, x.data);
  for (const x of pathwayTimelineItems(ctx.db, person.id)) push(x.caseId, x.kind, x.refId, x.date, x.time, x.data);

  items.sort(
    (a, b) =>
      cmp(b.date, a.date) ||
      cmp(b.time ?? '', a.time ?? '') ||
      RANK.get(a.kind)! - RANK.get(b.kind)! ||
      cmp(a.refId, b.refId),
  );
  return { superviseeId: person.id, today, drugTestsVisible: may, items };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
