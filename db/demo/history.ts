/**
 * A demo case's recorded casework: program sessions with their tests, contacts month by month
 * following the case's contact standard (with misses and make-ups), VPO monthly reports,
 * voluntary tests, measures that follow them, and appointments. Figures: ./figures.ts.
 */
import type { DrugType } from '../contract';
import { hhmm, instantOf, isoOf, monthBounds } from './calendar';
import { addMeasure, isSuspended, stamp, type CaseState, type Level } from './case-state';
import { APPOINTMENTS, CONTACTS, MEASURES, PROGRAM, TEST_RESULTS, VOLUNTARY_TESTS_PER_YEAR } from './figures';
import { NOTES } from './names';
import { PROGRAM_NOTE, programSessionDays } from './programs';

const FOLLOW_UP: Record<keyof typeof TEST_RESULTS, string> = {
  negative: '',
  positive: '再使用の経緯を確認し、統括保護観察官に報告。',
  refused: '拒否の理由を聴取。',
  invalid: '後日再検査。',
};

export function writeHistory(c: CaseState, levelOn: (day: number) => Level): void {
  const { rng, spec, env, rows } = c;
  const ruleOf = (level: Level) => env.rules[level] ?? { po: 1, vpo: 2 };
  let unacceptable = 0;
  let secondMiss: number | null = null;
  const contact = (kind: string, day: number, outcome: string, time: string | null, by: 'po' | 'vpo', notes = '', sensitive = false) => {
    if (outcome === 'missed_unacceptable' && (unacceptable += 1) === 2) secondMiss = day;
    rows.contacts.push({
      id: rng.uuid(),
      case_id: c.caseId,
      kind,
      contact_date: isoOf(day),
      contact_time: time,
      by_user_id: by === 'po' ? spec.officer.id : null,
      by_vpo_id: by === 'vpo' ? c.vpoId : null,
      outcome,
      report_month: null,
      appointment_id: null,
      notes,
      sensitive: sensitive ? 1 : 0,
      created_at: stamp(day),
      updated_at: stamp(day),
    });
  };
  const poNote = (outcome: string): [string, boolean] => {
    if (outcome !== 'held') return [rng.chance(0.5) ? rng.pick(NOTES.missed) : '', false];
    if (!rng.chance(CONTACTS.noteShare)) return ['', false];
    return rng.chance(CONTACTS.sensitiveShare) ? [rng.pick(NOTES.sensitive), true] : [rng.pick(NOTES.po), false];
  };
  const timeFor = (kind: string) => {
    if (kind === 'vpo_meeting') return hhmm(rng.int(10, 19), rng.pick([0, 30]));
    if (kind === 'home_visit') return hhmm(rng.int(10, 16), rng.pick([0, 30]));
    return hhmm(rng.int(9, 16), rng.pick([0, 30]));
  };
  const inRecord = (d: number) => d >= c.recordFrom && d <= c.recordTo;
  const tests: number[] = [];

  // Program sessions: core every two weeks, then step-up about monthly to the end of supervision,
  // on the office's session days (./programs.ts, which also builds the program's own rows).
  const sessions = spec.program ? programSessionDays(c) : [];
  const sessionsHeld = new Map<string, number>();
  for (const s of sessions) {
    if (!inRecord(s.day) || isSuspended(c, s.day)) continue;
    const attended = rng.chance(PROGRAM.attended);
    const outcome = attended ? 'held' : rng.chance(0.5) ? 'missed_acceptable' : 'missed_unacceptable';
    contact('office_interview', s.day, outcome, '14:00', 'po', `${PROGRAM_NOTE}（${s.label}）`);
    if (attended) {
      tests.push(s.day);
      const key = monthBounds(s.day).key;
      sessionsHeld.set(key, (sessionsHeld.get(key) ?? 0) + 1);
    }
  }

  // Deadlines are spread over the month (db/casework/standards.ts): one contact in each stretch.
  const spread = (active: number[], n: number): number[] =>
    Array.from({ length: n }, (_, k) => active[Math.min(active.length - 1, Math.floor(((k + rng.next()) * active.length) / n))]!);

  for (let m = monthBounds(c.recordFrom); c.recordFrom <= c.recordTo && m.first <= c.recordTo; m = monthBounds(m.first + m.days)) {
    const supervised: number[] = [];
    for (let d = m.first; d < m.first + m.days; d++) if (d >= c.start && d <= c.lastDay && !isSuspended(c, d)) supervised.push(d);
    if (supervised.length === 0) continue;
    const rule = ruleOf(levelOn(supervised[0]!));
    const due = (perMonth: number) => Math.floor((perMonth * supervised.length) / m.days + 0.5);
    const poHeldDays: number[] = [];

    // Program sessions held this month count toward the PO's contacts; level C sees the PO now and then.
    const routine = Math.max(0, due(rule.po) - (sessionsHeld.get(m.key) ?? 0));
    const poDays = rule.po === 0 ? (rng.chance(CONTACTS.levelCMonthlyChance) ? spread(supervised, 1) : []) : spread(supervised, routine);
    for (const d of poDays) {
      const kind = rule.po === 0 ? rng.pick(['phone', 'office_interview']) : rng.weighted(CONTACTS.poKinds);
      const outcome = rng.weighted(CONTACTS.po);
      if (inRecord(d)) {
        const [notes, sensitive] = poNote(outcome);
        contact(kind, d, outcome, timeFor(kind), 'po', notes, sensitive);
        if (outcome === 'held') poHeldDays.push(d);
      }
      if (outcome !== 'held' && rng.chance(CONTACTS.makeUp)) {
        const later = supervised.filter((x) => x > d && x <= d + 10);
        const day = later.length ? rng.pick(later) : null;
        if (day !== null && inRecord(day)) {
          contact('office_interview', day, 'held', timeFor('office_interview'), 'po', ...poNote('held'));
          poHeldDays.push(day);
        }
      }
    }

    for (const d of spread(supervised, due(rule.vpo))) {
      const outcome = rng.weighted(CONTACTS.vpo);
      if (inRecord(d)) contact('vpo_meeting', d, outcome, timeFor('vpo_meeting'), 'vpo', outcome === 'held' && rng.chance(0.2) ? rng.pick(NOTES.vpo) : '');
      if (outcome !== 'held' && rng.chance(0.5)) {
        const later = supervised.filter((x) => x > d && x <= d + 7);
        const day = later.length ? rng.pick(later) : null;
        if (day !== null && inRecord(day)) contact('vpo_meeting', day, 'held', timeFor('vpo_meeting'), 'vpo');
      }
    }

    if (rng.chance(CONTACTS.familyContactPerMonth)) {
      const d = rng.pick(supervised);
      if (inRecord(d)) contact('family_contact', d, 'held', timeFor('phone'), 'po', rng.pick(NOTES.family));
    }

    // The VPO's monthly report arrives in the first ten days of the next month.
    const received = m.first + m.days + rng.int(0, 9);
    if (rng.chance(CONTACTS.reportReceived) && received <= env.today - 1 && received >= env.goLive) {
      rows.contacts.push({
        id: rng.uuid(),
        case_id: c.caseId,
        kind: 'vpo_monthly_report',
        contact_date: isoOf(received),
        contact_time: null,
        by_user_id: null,
        by_vpo_id: c.vpoId,
        outcome: 'held',
        report_month: m.key,
        appointment_id: null,
        notes: rng.chance(0.5) ? rng.pick(NOTES.report) : '',
        sensitive: 0,
        created_at: stamp(received, 16),
        updated_at: stamp(received, 16),
      });
    }

    // Voluntary tests outside the program, at a PO interview.
    if (spec.drugRelated && !spec.program && poHeldDays.length && rng.chance(VOLUNTARY_TESTS_PER_YEAR / 12)) {
      tests.push(rng.pick(poHeldDays));
    }
  }

  const screened = [...new Set<DrugType>(['stimulants', 'cannabis', ...spec.drugTypes])];
  for (const day of tests) {
    const result = rng.weighted(TEST_RESULTS);
    rows.drug_tests.push({
      id: rng.uuid(),
      case_id: c.caseId,
      tested_on: isoOf(day),
      method: 'urine_kit',
      substances: JSON.stringify(screened),
      result,
      consent: result === 'refused' ? 0 : 1,
      follow_up: FOLLOW_UP[result],
      recorded_by: spec.officer.id,
      created_at: stamp(day),
      updated_at: stamp(day),
    });
    if (result === 'positive') {
      const d = day + rng.int(1, 7);
      if (d <= c.recordTo && rng.chance(MEASURES.warningAfterPositive)) addMeasure(c, 'warning', d, '警告書交付');
      else if (d <= c.recordTo && rng.chance(MEASURES.revocationApplicationAfterPositive)) addMeasure(c, 'revocation_application', d, '取消申出');
    }
  }
  if (secondMiss !== null && rng.chance(MEASURES.warningForRepeatedMisses)) {
    const d = (secondMiss as number) + rng.int(1, 10);
    if (d <= c.recordTo) addMeasure(c, 'warning', d, '警告書交付（面接不履行）');
  }
  const probation = c.phases.some((p, i) => (p.kind === 'probation' || p.kind === 'partial_probation') && c.phaseStarts[i]! <= env.today - 365);
  if (!c.termination && probation && rng.chance(MEASURES.provisionalCancellation)) {
    addMeasure(c, 'provisional_cancellation', env.today - rng.int(1, 60), '仮解除');
  }
  if (c.termination?.reason === 'revocation') {
    addMeasure(c, 'revocation_application', Math.max(c.start, c.termination.day - rng.int(7, 30)), '取消申出');
  }

  // Appointments: the next one for every case under supervision; some past ones with no outcome.
  if (!c.termination && c.absconded === null) {
    const appointment = (day: number) => {
      const kind = rng.chance(0.75) ? 'office_interview' : 'home_visit';
      const created = stamp(Math.max(c.start, Math.min(day, env.today) - 14));
      rows.appointments.push({
        id: rng.uuid(),
        case_id: c.caseId,
        starts_at: instantOf(day, rng.int(10, 15), rng.pick([0, 30])),
        duration_min: 60,
        kind,
        place: kind === 'office_interview' ? '保護観察所' : '',
        status: 'scheduled',
        series_id: null,
        contact_id: null,
        notes: '',
        created_by: spec.officer.id,
        created_at: created,
        updated_at: created,
      });
    };
    const next = env.today + rng.int(1, APPOINTMENTS.nextWithinDays);
    if (next <= c.plannedEnd) appointment(next);
    const past = env.today - rng.int(1, 7);
    if (rng.chance(APPOINTMENTS.needsOutcomeShare) && past >= c.start) appointment(past);
  }
}
