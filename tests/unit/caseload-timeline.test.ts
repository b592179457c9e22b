import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../db/contract';
import { mutate } from '../../db/write';
import { CFP_LOW, caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 09:00 in Japan (00:00 UTC).

/** A person with a partial suspended sentence (paroled 2026-03-01, probation from September) and a finished earlier case. */
async function personWithHistory() {
  const o = await caseworkOffice(t.dir);
  await o.as('officer');
  const detail = await o.call(
    'supervisees.create',
    partialIntake({
      rule: { category: 'partial', paroleReleaseDate: '2026-03-01', unsuspendedEndDate: '2026-08-31', suspensionYears: 2 },
    }),
  );
  const personId = detail.person.id;
  const caseId = detail.cases[0]!.id;
  await o.call('cases.suspend', { caseId, fromDate: '2026-05-01', reason: '所在不明' });
  await o.call('cases.resume', { caseId, resumedOn: '2026-05-11' });
  const program = await o.call('conditions.add', {
    caseId,
    kind: 'specialised_treatment',
    catalogueCode: 'drug_relapse_prevention_program',
    text: 'プログラムを受講すること。',
    setOn: '2026-03-01',
  });
  await o.call('conditions.change', { id: program.id, text: 'プログラムを受講し、検査を受けること。', changedOn: '2026-06-01' });
  const facility = await o.call('conditions.add', { caseId, kind: 'facility_residence', text: '施設に居住すること。', setOn: '2026-03-01' });
  await o.call('conditions.lift', { id: facility.id, liftedOn: '2026-06-15' });
  await o.call('assessments.record', { caseId, assessedOn: '2026-03-05', overallRisk: 'medium', intensityLevel: 'A', domains: CFP_LOW });
  const interview = await o.call('contacts.record', {
    caseId,
    kind: 'office_interview',
    outcome: 'held',
    date: '2026-11-20',
    time: '10:00',
    notes: '就労の話',
  });
  const sensitive = await o.call('contacts.record', {
    caseId,
    kind: 'home_visit',
    outcome: 'held',
    date: '2026-11-21',
    notes: '家族の事情',
    sensitive: true,
  });
  const [upcoming] = await o.call('appointments.create', { caseId, startsAt: '2026-12-01T01:00:00Z', kind: 'office_interview', place: '本庁' });
  const [passed] = await o.call('appointments.create', { caseId, startsAt: '2026-11-24T01:00:00Z', kind: 'home_visit' });
  const [kept] = await o.call('appointments.create', { caseId, startsAt: '2026-11-25T05:00:00Z', kind: 'phone' });
  const resolved = await o.call('appointments.resolve', { id: kept!.id, contact: { outcome: 'held' } });
  const test = await o.call('drugTests.record', {
    caseId,
    testedOn: '2026-11-20',
    method: 'urine_kit',
    substances: ['stimulants'],
    result: 'positive',
    consent: true,
  });
  const warning = await o.call('measures.record', { caseId, kind: 'warning', decidedOn: '2026-11-22', decision: '警告書交付' });

  // An earlier case of the same person, revoked in 2025.
  const oldCase = randomUUID();
  mutate(o.core.context(), 'test.oldCase', (tx) => {
    tx.insert('cases', {
      id: oldCase,
      supervisee_id: personId,
      case_number: 'R5-0009',
      status: 'terminated',
      intensity_level: 'B',
      start_date: '2023-04-01',
      planned_end_date: '2026-03-31',
      termination_date: '2025-01-15',
      termination_reason: 'revocation',
      employment_at_termination: 'unemployed',
      created_at: tx.at,
      updated_at: tx.at,
    });
    tx.insert('case_phases', {
      id: randomUUID(),
      case_id: oldCase,
      seq: 1,
      category: '4',
      kind: 'probation',
      start_date: '2023-04-01',
      base_end_date: '2026-03-31',
      end_date: '2026-03-31',
      created_at: tx.at,
      updated_at: tx.at,
    });
  });
  return { o, personId, caseId, oldCase, program, facility, interview, sensitive, upcoming: upcoming!, passed: passed!, resolved, test, warning };
}

const brief = (items: TimelineItem[]) => items.map((i) => `${i.date} ${i.kind}`);

describe('person timeline', () => {
  it('lists everything about the person newest first, with codes and values only', async () => {
    const h = await personWithHistory();
    const tl = await h.o.call('timeline.forPerson', { superviseeId: h.personId });
    expect(tl).toMatchObject({ superviseeId: h.personId, today: '2026-11-26', drugTestsVisible: true });
    expect(brief(tl.items)).toEqual([
      '2026-12-01 appointment',
      '2026-11-25 contact',
      '2026-11-24 appointment',
      '2026-11-22 measure',
      '2026-11-21 contact',
      '2026-11-20 contact',
      '2026-11-20 drug_test',
      '2026-09-11 phase_start',
      '2026-09-10 phase_end',
      '2026-06-15 condition_lifted',
      '2026-06-01 condition_changed',
      '2026-05-11 suspension_end',
      '2026-05-01 suspension_start',
      '2026-03-05 assessment',
      ...Array(6).fill('2026-03-01 condition_set'),
      '2026-03-01 phase_start',
      '2025-01-15 termination',
      '2023-04-01 phase_start',
    ]);
    const byRef = (refId: string, kind: string) => tl.items.find((i) => i.refId === refId && i.kind === kind)!;
    expect(byRef(h.upcoming.id, 'appointment')).toMatchObject({
      time: '10:00',
      caseId: h.caseId,
      caseNumber: 'R8-0001',
      data: { appointmentKind: 'office_interview', status: 'scheduled', place: '本庁', needsOutcome: false, upcoming: true },
    });
    expect(byRef(h.passed.id, 'appointment').data).toMatchObject({ needsOutcome: true, upcoming: false });
    // A resolved appointment is shown by its contact only.
    expect(tl.items.some((i) => i.refId === h.resolved.appointment.id)).toBe(false);
    expect(byRef(h.resolved.contact.id, 'contact')).toMatchObject({ time: '14:00', data: { contactKind: 'phone', outcome: 'held' } });
    expect(byRef(h.interview.id, 'contact')).toMatchObject({
      time: '10:00',
      data: { contactKind: 'office_interview', outcome: 'held', byUserName: '佐藤 花子', byVpoName: null, notes: '就労の話', sensitive: false },
    });
    expect(byRef(h.sensitive.id, 'contact').data).toMatchObject({ notes: '家族の事情', sensitive: true });
    expect(byRef(h.test.id, 'drug_test').data).toEqual({
      method: 'urine_kit',
      result: 'positive',
      substances: 'stimulants',
      consent: true,
      followUp: '',
    });
    expect(byRef(h.warning.id, 'measure').data).toEqual({ measureKind: 'warning', decision: '警告書交付', needsSignoff: false, signedOff: false });
    expect(tl.items.find((i) => i.kind === 'suspension_end')!.data).toEqual({ daysStopped: 10 });
    expect(tl.items.find((i) => i.kind === 'phase_end')!.data).toEqual({ phaseKind: 'partial_parole', category: '3', seq: 1 });
    expect(byRef(h.program.id, 'condition_set').data).toEqual({
      conditionKind: 'specialised_treatment',
      catalogueCode: 'drug_relapse_prevention_program',
      text: 'プログラムを受講すること。',
    });
    expect(tl.items.find((i) => i.kind === 'condition_changed')!.data).toMatchObject({ text: 'プログラムを受講し、検査を受けること。' });
    expect(byRef(h.facility.id, 'condition_lifted').data).toMatchObject({ conditionKind: 'facility_residence' });
    expect(tl.items.find((i) => i.kind === 'assessment')!.data).toEqual({ overallRisk: 'medium', intensityLevel: 'A' });
    expect(tl.items.find((i) => i.kind === 'termination')).toMatchObject({
      caseId: h.oldCase,
      caseNumber: 'R5-0009',
      data: { reason: 'revocation', employmentAtTermination: 'unemployed' },
    });
    // No English sentences: every value is a code, a number, a flag, a date or what staff typed.
    for (const i of tl.items) for (const v of Object.values(i.data)) expect(typeof v === 'string' ? v : '').not.toMatch(/ [a-z]+ [a-z]+ /);
  });

  it("hides sensitive notes and drug tests from another officer, not from supervisors or administrators", async () => {
    const h = await personWithHistory();
    await h.o.as('officer2');
    const other = await h.o.call('timeline.forPerson', { superviseeId: h.personId });
    expect(other.drugTestsVisible).toBe(false);
    expect(other.items.some((i) => i.kind === 'drug_test')).toBe(false);
    expect(other.items.find((i) => i.refId === h.sensitive.id)!.data).toMatchObject({ notes: null, sensitive: true });
    expect(other.items.find((i) => i.refId === h.interview.id)!.data).toMatchObject({ notes: '就労の話' });
    for (const who of ['supervisor', 'admin'] as const) {
      await h.o.as(who);
      const tl = await h.o.call('timeline.forPerson', { superviseeId: h.personId });
      expect(tl.items.filter((i) => i.kind === 'drug_test')).toHaveLength(1);
      expect(tl.items.find((i) => i.refId === h.sensitive.id)!.data).toMatchObject({ notes: '家族の事情' });
    }
  });

  it('refuses an unknown person and bad input', async () => {
    const h = await personWithHistory();
    await expect(h.o.call('timeline.forPerson', { superviseeId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'superviseeId' },
    });
    await expect(h.o.call('timeline.forPerson', { superviseeId: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
