import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, TimelineItem, TimelineKind } from '../../db/contract';
import { describe as describeItem, GROUP_OF } from '../../renderer/features/timeline/timelineModel';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 in Japan. partialIntake's case starts on 2026-06-15.

async function office() {
  const o = await caseworkOffice(t.dir);
  await o.as('officer');
  const detail = await o.call('supervisees.create', partialIntake());
  const caseId = detail.cases[0]!.id;
  /** The trail and every table vocational support writes: unchanged = nothing saved. */
  const counts = () =>
    o
      .db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM employers) employers, (SELECT count(*) FROM employment_supports) supports,
                (SELECT count(*) FROM jobs) jobs, (SELECT count(*) FROM employment_status) statuses`,
      )
      .get();
  /** Expects the call to fail with the code (and field) and to leave the database as it was. */
  async function refused(p: () => Promise<unknown>, code: string, field?: string) {
    const before = counts();
    await expect(p()).rejects.toMatchObject(field === undefined ? { code } : { code, details: { field } });
    expect(counts()).toEqual(before);
  }
  return { o, personId: detail.person.id, caseId, counts, refused };
}

const employer = (over: Partial<InputOf<'employers.save'>> = {}): InputOf<'employers.save'> => ({
  name: '山田建設株式会社',
  nameKana: 'ヤマダケンセツ',
  industry: '建設業',
  municipality: '千代田区',
  address: '東京都千代田区1-1',
  capacity: 2,
  acceptsDrugOffences: true,
  ...over,
});

describe('cooperating employers', () => {
  it('any staff role registers an employer; the list finds it by name or reading in any width, kana or romaji', async () => {
    const { o } = await office();
    const yamada = await o.call('employers.save', employer());
    expect(yamada).toMatchObject({ name: '山田建設株式会社', nameKana: 'ヤマダケンセツ', capacity: 2, active: true, employingNow: 0 });
    await o.as('officer2');
    await o.call('employers.save', employer({ name: 'ＡＢＣ清掃', nameKana: 'えーびーしーせいそう', industry: '清掃業', acceptsDrugOffences: false }));
    await o.as('admin');
    await o.call('employers.save', employer({ name: '佐藤運送', nameKana: 'サトウウンソウ', industry: '運輸業', municipality: '港区', active: false }));

    const names = async (input: InputOf<'employers.list'>) => (await o.call('employers.list', input)).rows.map((e) => e.name);
    for (const q of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'yamada', 'YAMADA', '山田', 'けんせつ']) expect(await names({ query: q }), q).toEqual(['山田建設株式会社']);
    // Stored width-folded: full-width letters are found by half-width ones and the reverse.
    expect(await names({ query: 'abc' })).toEqual(['ABC清掃']);
    expect(await names({ query: 'ＡＢＣ' })).toEqual(['ABC清掃']);
    expect(await names({ query: 'セイソウ' })).toEqual(['ABC清掃']);
    expect(await names({ query: '%' })).toEqual([]);
    // Filters; active employers first, then by reading.
    expect(await names({})).toEqual(['ABC清掃', '山田建設株式会社', '佐藤運送']);
    expect(await names({ activeOnly: true })).toEqual(['ABC清掃', '山田建設株式会社']);
    expect(await names({ acceptsDrugOffences: true })).toEqual(['山田建設株式会社', '佐藤運送']);
    expect(await names({ acceptsDrugOffences: false })).toEqual(['ABC清掃']);
    expect(await names({ industry: '運輸業' })).toEqual(['佐藤運送']);
    expect(await names({ municipality: '港区' })).toEqual(['佐藤運送']);
    const page = await o.call('employers.list', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.rows.map((e) => e.name)).toEqual(['山田建設株式会社']);
    expect(await o.call('employers.facets', {})).toEqual({ industries: ['建設業', '清掃業', '運輸業'], municipalities: ['千代田区', '港区'] });

    // Editing replaces the details.
    const edited = await o.call('employers.save', employer({ id: yamada.id, capacity: 5, phone: '03-0000-0000' }));
    expect(edited).toMatchObject({ id: yamada.id, capacity: 5, phone: '03-0000-0000' });
  });

  it('refuses an employer without a name, a negative capacity, a duplicate or an unknown id, saving nothing', async () => {
    const { o, refused } = await office();
    await o.call('employers.save', employer());
    await refused(() => o.call('employers.save', employer({ name: '  ' })), 'INVALID_INPUT', 'name');
    await refused(() => o.call('employers.save', employer({ name: '別会社', capacity: -1 })), 'INVALID_INPUT', 'capacity');
    await refused(() => o.call('employers.save', employer({ nameKana: 'yamada' })), 'INVALID_INPUT', 'nameKana');
    await refused(() => o.call('employers.save', employer()), 'DUPLICATE', 'name');
    await refused(() => o.call('employers.save', employer({ id: '00000000-0000-4000-8000-000000000009' })), 'NOT_FOUND', 'id');
  });
});

describe('vocational support of a case', () => {
  it('records a Hello Work referral, trial employment, a job and the status history, and shows them for the case', async () => {
    const { o, caseId, personId } = await office();
    const e = await o.call('employers.save', employer());
    const referral = await o.call('employment.recordSupport', {
      caseId,
      kind: 'hello_work_referral',
      startedOn: '2026-07-01',
      office: 'ハローワーク飯田橋',
      notes: '求職登録',
    });
    expect(referral).toMatchObject({ kind: 'hello_work_referral', office: 'ハローワーク飯田橋', outcome: 'pending', endedOn: null, months: null });
    const counselling = await o.call('employment.recordSupport', { caseId, kind: 'job_counselling', startedOn: '2026-07-10', outcome: 'completed' });
    const trial = await o.call('employment.recordSupport', {
      caseId,
      kind: 'trial_employment',
      startedOn: '2026-08-01',
      employerId: e.id,
      months: 3,
      subsidyStatus: 'applied',
    });
    expect(trial).toMatchObject({ employerId: e.id, employerName: '山田建設株式会社', months: 3, subsidyStatus: 'applied' });
    const closed = await o.call('employment.updateSupport', { id: trial.id, endedOn: '2026-10-31', outcome: 'completed', subsidyStatus: 'paid' });
    expect(closed).toMatchObject({ endedOn: '2026-10-31', outcome: 'completed', subsidyStatus: 'paid', months: 3 });

    // A job found through the referral marks the pending referral as having found a job.
    const job = await o.call('employment.recordJob', { caseId, employerId: e.id, kind: 'full_time', startedOn: '2026-11-01', supportId: referral.id });
    expect(job).toMatchObject({ employerName: '山田建設株式会社', kind: 'full_time', endedOn: null, supportId: referral.id });
    const earlier = await o.call('employment.recordJob', {
      caseId,
      employerName: '近所の飲食店',
      kind: 'part_time',
      startedOn: '2026-05-01',
    });
    const ended = await o.call('employment.endJob', { id: earlier.id, endedOn: '2026-06-30', leavingReason: '施設入所のため' });
    expect(ended).toMatchObject({ employerId: null, employerName: '近所の飲食店', endedOn: '2026-06-30', leavingReason: '施設入所のため' });
    expect((await o.call('employers.list', {})).rows[0]!.employingNow).toBe(1);

    await o.call('employment.setStatus', { caseId, status: 'unemployed_seeking', since: '2026-06-15' });
    await o.call('employment.setStatus', { caseId, status: 'part_time', since: '2026-08-01' });
    await o.call('employment.setStatus', { caseId, status: 'full_time', since: '2026-11-01' });

    const view = await o.call('employment.forCase', { caseId });
    expect(view.supports.map((s) => [s.kind, s.outcome])).toEqual([
      ['trial_employment', 'completed'],
      ['job_counselling', 'completed'],
      ['hello_work_referral', 'job_found'],
    ]);
    expect(view.supports.find((s) => s.id === counselling.id)).toBeDefined();
    expect(view.jobs.map((j) => j.employerName)).toEqual(['山田建設株式会社', '近所の飲食店']);
    expect(view.statusHistory.map((h) => `${h.since} ${h.status}`)).toEqual([
      '2026-11-01 full_time',
      '2026-08-01 part_time',
      '2026-06-15 unemployed_seeking',
    ]);
    expect(view.currentStatus).toBe('full_time');
    // The intake recorded 'unemployed' at the start; the history agrees.
    expect(view.atStart).toEqual({ date: '2026-06-15', recorded: 'unemployed', fromHistory: 'unemployed_seeking', status: 'unemployed' });
    expect(view.atTermination).toBeNull();

    // At termination: the case's own record, beside the history's status that day.
    await o.as('supervisor');
    await o.call('cases.terminate', { caseId, terminationDate: '2026-11-20', reason: 'other', employmentAtTermination: 'employed' });
    expect((await o.call('employment.forCase', { caseId })).atTermination).toEqual({
      date: '2026-11-20',
      recorded: 'employed',
      fromHistory: 'full_time',
      status: 'employed',
    });

    // Office-wide lists with filters.
    const supports = await o.call('employment.supports', { kind: 'trial_employment' });
    expect(supports).toHaveLength(1);
    expect(supports[0]).toMatchObject({ caseId, superviseeId: personId, caseNumber: 'R8-0001', name: '山田 太郎', kana: 'やまだ たろう' });
    expect((await o.call('employment.supports', { outcome: 'job_found' })).map((s) => s.id)).toEqual([referral.id]);
    expect((await o.call('employment.supports', { from: '2026-07-05', to: '2026-07-31' })).map((s) => s.id)).toEqual([counselling.id]);
    expect((await o.call('employment.supports', { employerId: e.id })).map((s) => s.id)).toEqual([trial.id]);
    expect((await o.call('employment.jobs', { openOnly: true })).map((j) => j.id)).toEqual([job.id]);
    expect((await o.call('employment.jobs', { from: '2026-07-01', to: '2026-07-31' })).map((j) => j.id)).toEqual([]);
    expect((await o.call('employment.jobs', { from: '2026-06-01', to: '2026-06-30' })).map((j) => j.id)).toEqual([earlier.id]);
    expect((await o.call('employment.jobs', { kind: 'full_time' }))[0]).toMatchObject({ name: '山田 太郎', employerName: '山田建設株式会社' });

    // The person's timeline shows every step beside the casework.
    const tl = await o.call('timeline.forPerson', { superviseeId: personId });
    const kinds = tl.items.filter((i) => /employment|job/.test(i.kind)).map((i) => `${i.date} ${i.kind}`);
    expect(kinds).toEqual([
      '2026-11-01 employment_status',
      '2026-11-01 job_start',
      '2026-10-31 employment_support_end',
      '2026-08-01 employment_status',
      '2026-08-01 employment_support_start',
      '2026-07-10 employment_support_start',
      '2026-07-01 employment_support_start',
      '2026-06-30 job_end',
      '2026-06-15 employment_status',
      '2026-05-01 job_start',
    ]);
    expect(tl.items.find((i) => i.kind === 'job_end')!.data).toEqual({
      jobKind: 'part_time',
      employerName: '近所の飲食店',
      leavingReason: '施設入所のため',
    });
    expect(tl.items.find((i) => i.kind === 'employment_support_start' && i.refId === trial.id)!.data).toMatchObject({
      supportKind: 'trial_employment',
      employerName: '山田建設株式会社',
      months: 3,
      subsidyStatus: 'paid',
    });
  });

  it('refuses bad input with a clear code and field, saving nothing', async () => {
    const { o, caseId, refused } = await office();
    const e = await o.call('employers.save', employer());
    const other = (await o.call('supervisees.create', partialIntake({ caseNumber: 'R8-0002', familyName: '鈴木' }))).cases[0]!.id;
    const foreign = await o.call('employment.recordSupport', { caseId: other, kind: 'job_counselling', startedOn: '2026-07-01' });
    const support = (over: Partial<InputOf<'employment.recordSupport'>>) => () =>
      o.call('employment.recordSupport', { caseId, kind: 'job_counselling', startedOn: '2026-07-01', ...over });

    await refused(support({ endedOn: '2026-06-30' }), 'END_BEFORE_START', 'endedOn');
    await refused(support({ startedOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'startedOn');
    await refused(support({ startedOn: '2026-06-01' }), 'VALIDATION', 'startedOn'); // before the case started
    await refused(support({ kind: 'hello_work_referral' }), 'VALIDATION', 'office');
    await refused(support({ kind: 'trial_employment', months: 3 }), 'VALIDATION', 'employerId');
    await refused(support({ kind: 'trial_employment', employerId: e.id, months: 13 }), 'INVALID_INPUT', 'months');
    await refused(support({ months: 2 }), 'VALIDATION', 'months');
    await refused(support({ subsidyStatus: 'applied' }), 'VALIDATION', 'subsidyStatus');
    await refused(support({ kind: 'work_experience', employerId: '00000000-0000-4000-8000-000000000009' }), 'VALIDATION', 'employerId');
    await refused(support({ caseId: '00000000-0000-4000-8000-000000000009' }), 'NOT_FOUND', 'caseId');
    await refused(support({ kind: 'nursing' as never }), 'INVALID_INPUT', 'kind');

    const ok = await o.call('employment.recordSupport', { caseId, kind: 'work_experience', startedOn: '2026-07-01' });
    await refused(() => o.call('employment.updateSupport', { id: ok.id, endedOn: '2026-06-01' }), 'END_BEFORE_START', 'endedOn');
    await refused(() => o.call('employment.updateSupport', { id: ok.id, months: 2 }), 'VALIDATION', 'months');

    const job = (over: Partial<InputOf<'employment.recordJob'>>) => () =>
      o.call('employment.recordJob', { caseId, kind: 'part_time', startedOn: '2026-08-01', employerName: '商店', ...over });
    await refused(job({ endedOn: '2026-07-31' }), 'END_BEFORE_START', 'endedOn');
    await refused(job({ startedOn: '2027-01-01' }), 'DATE_IN_FUTURE', 'startedOn');
    await refused(job({ employerName: undefined }), 'VALIDATION', 'employerName');
    await refused(job({ employerId: e.id }), 'VALIDATION', 'employerName');
    await refused(job({ leavingReason: '退職' }), 'VALIDATION', 'leavingReason');
    await refused(job({ supportId: foreign.id }), 'VALIDATION', 'supportId');
    const open = await o.call('employment.recordJob', { caseId, kind: 'part_time', startedOn: '2026-08-01', employerName: '商店' });
    await refused(() => o.call('employment.endJob', { id: open.id, endedOn: '2026-07-01' }), 'END_BEFORE_START', 'endedOn');
    await refused(() => o.call('employment.endJob', { id: open.id, endedOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'endedOn');
    await o.call('employment.endJob', { id: open.id, endedOn: '2026-09-01' });
    await refused(() => o.call('employment.endJob', { id: open.id, endedOn: '2026-10-01' }), 'INVALID_STATE', 'id');

    await o.call('employment.setStatus', { caseId, status: 'part_time', since: '2026-08-01' });
    await refused(() => o.call('employment.setStatus', { caseId, status: 'full_time', since: '2026-08-01' }), 'DUPLICATE', 'since');
    await refused(() => o.call('employment.setStatus', { caseId, status: 'part_time', since: '2026-09-01' }), 'VALIDATION', 'status');
    await refused(() => o.call('employment.setStatus', { caseId, status: 'student', since: '2026-12-01' }), 'DATE_IN_FUTURE', 'since');

    // A terminated case takes no new records.
    await o.as('supervisor');
    await o.call('cases.terminate', { caseId, terminationDate: '2026-11-20', reason: 'expiry', employmentAtTermination: 'employed' });
    await refused(support({}), 'INVALID_STATE', 'caseId');
    await refused(job({}), 'INVALID_STATE', 'caseId');
  });
});

describe('pathway events on the person timeline', () => {
  const item = (kind: TimelineKind, data: TimelineItem['data']): TimelineItem => ({
    date: '2026-11-01',
    time: null,
    kind,
    caseId: 'c1',
    caseNumber: 'R8-1',
    refId: kind,
    data,
  });
  const ITEMS = [
    item('employment_support_start', { supportKind: 'trial_employment', office: '', employerName: '山田建設', months: 3, subsidyStatus: 'applied', outcome: 'pending' }),
    item('employment_support_end', { supportKind: 'hello_work_referral', outcome: 'job_found' }),
    item('job_start', { jobKind: 'full_time', employerName: '山田建設' }),
    item('job_end', { jobKind: 'day_labour', employerName: '現場', leavingReason: '契約満了' }),
    item('employment_status', { status: 'unemployed_seeking' }),
    item('seminar_invited', { topic: '家族の対応', heldOn: '2026-12-12', memberName: '山田 花子', relation: 'parent', guardianInstructed: true, attendance: 'invited' }),
    item('seminar_attended', { topic: '家族の対応', memberName: '山田 花子', relation: 'parent', followUp: '個別相談' }),
    item('placement_start', { facilityName: 'あさひ寮', facilityKind: 'self_reliance_home', plannedEndOn: '2027-01-31' }),
    item('placement_end', { facilityName: 'あさひ寮', facilityKind: 'darc_residence', exitReason: '転居', exitDestination: 'employer_housing', stayDays: 82 }),
    item('support_link_start', { orgName: '東京ダルク', orgKind: 'mental_health_centre' }),
    item('support_link_end', { orgName: '東京ダルク', orgKind: 'public_health_centre' }),
  ];

  it('are worded in both languages from their codes, in the support group of filters', async () => {
    const i = i18next.createInstance();
    await i.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', fallbackLng: false, interpolation: { escapeValue: false } });
    for (const lang of ['ja', 'en'] as const) {
      const t = i.getFixedT(lang);
      for (const it of ITEMS) {
        expect(GROUP_OF[it.kind]).toBe('support');
        const d = describeItem(it, t, { lang, era: false });
        const text = `${d.label} ${d.line} ${d.details.join(' ')}`;
        expect(text, it.kind).not.toMatch(/timeline\.|peopleCodes\./);
        expect(text, it.kind).not.toMatch(/[a-z]+_[a-z]+/);
      }
    }
    const t = i.getFixedT('en');
    const words = ITEMS.map((it) => describeItem(it, t, { lang: 'en', era: false }));
    expect(words[0]!.line).toBe('Trial employment began (outcome pending)');
    expect(words[0]!.details).toEqual(['Employer: 山田建設', 'Trial period: 3 months', 'Subsidy: applied for']);
    expect(words[5]!.details).toEqual(['Guardian instructed to attend', 'Seminar on Sat 12 Dec 2026', 'Attendance: not yet recorded']);
    expect(words[8]!.line).toBe('Left あさひ寮 after 82 days, to employer housing');
    const tJa = i.getFixedT('ja');
    expect(describeItem(ITEMS[2]!, tJa, { lang: 'ja', era: false }).line).toBe('山田建設で就労開始（フルタイム）');
  });
});
