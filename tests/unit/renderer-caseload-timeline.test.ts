import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineItem, TimelineKind } from '../../db/contract';
import { countByGroup, describe as describeItem, GROUP_OF, groupByMonth, TIMELINE_GROUPS } from '../../renderer/features/timeline/timelineModel';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';

function item(kind: TimelineKind, date: string, data: TimelineItem['data'], time: string | null = null): TimelineItem {
  return { date, time, kind, caseId: 'c1', caseNumber: 'R8-1', refId: `${kind}-${date}`, data };
}

const ITEMS: TimelineItem[] = [
  item('appointment', '2026-12-03', { appointmentKind: 'office_interview', status: 'scheduled', place: '面接室2', needsOutcome: false, upcoming: true }, '14:00'),
  item('appointment', '2026-11-24', { appointmentKind: 'home_visit', status: 'scheduled', place: '', needsOutcome: true, upcoming: false }, '10:00'),
  item('drug_test', '2026-11-20', { method: 'urine_kit', result: 'positive', substances: 'stimulants,cannabis', consent: true, followUp: '協議' }),
  item('contact', '2026-11-18', { contactKind: 'phone', outcome: 'held', byUserName: '佐藤 花子', byVpoName: null, reportMonth: null, notes: null, sensitive: true }, '09:00'),
  item('contact', '2026-11-05', { contactKind: 'vpo_monthly_report', outcome: 'held', byUserName: null, byVpoName: '高橋 良子', reportMonth: '2026-10', notes: '', sensitive: false }),
  item('measure', '2026-10-30', { measureKind: 'warning', decision: '', needsSignoff: false, signedOff: false }),
  item('condition_changed', '2026-10-02', { conditionKind: 'prohibited_conduct', catalogueCode: 'x', text: '' }),
  item('assessment', '2026-10-01', { overallRisk: 'high', intensityLevel: 'B' }),
  item('suspension_end', '2026-09-20', { daysStopped: 12 }),
  item('phase_start', '2026-04-01', { phaseKind: 'probation', category: '4', seq: 1 }),
  item('termination', '2026-03-31', { reason: 'expiry', employmentAtTermination: 'employed' }),
];

let tJa: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', fallbackLng: false, interpolation: { escapeValue: false } });
  tJa = i.getFixedT('ja');
  tEn = i.getFixedT('en');
});

describe('timeline model', () => {
  it('puts every kind in one of the filter groups', () => {
    for (const g of Object.values(GROUP_OF)) expect(TIMELINE_GROUPS).toContain(g);
    expect(countByGroup(ITEMS)).toEqual({ contacts: 2, appointments: 2, tests: 1, conditions: 1, measures: 1, phases: 3, assessments: 1, programs: 0, support: 0 });
  });

  it('groups by month in the given (newest first) order, leaving out unchosen groups', () => {
    const months = groupByMonth(ITEMS, new Set(TIMELINE_GROUPS));
    expect(months.map((m) => m.month)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09', '2026-04', '2026-03']);
    expect(months[1]!.items.map((i) => i.kind)).toEqual(['appointment', 'drug_test', 'contact', 'contact']);
    const testsOnly = groupByMonth(ITEMS, new Set(['tests'] as const));
    expect(testsOnly).toEqual([{ month: '2026-11', items: [ITEMS[2]] }]);
    expect(groupByMonth(ITEMS, new Set())).toEqual([]);
  });

  it('words each item from its codes, in both languages, without leaving a code untranslated', () => {
    for (const [t, lang] of [
      [tJa, 'ja'],
      [tEn, 'en'],
    ] as const) {
      for (const it of ITEMS) {
        const d = describeItem(it, t, { lang, era: false });
        expect(d.label).not.toMatch(/timeline\./);
        expect(d.line).not.toMatch(/timeline\.|daily\.|peopleCodes\./);
        // No raw code (snake_case) in what a person reads.
        expect(`${d.line} ${d.details.join(' ')}`).not.toMatch(/[a-z]+_[a-z]+/);
      }
    }
  });

  it('describes contacts, tests and appointments as the officer reads them', () => {
    const style = { lang: 'en', era: false } as const;
    const [upcoming, needs, test, phone, report] = ITEMS.map((i) => describeItem(i, tEn, style));
    expect(upcoming!.line).toBe('Office interview: Scheduled');
    expect(upcoming!.marker).toBe('upcoming');
    expect(upcoming!.details).toEqual(['Place: 面接室2']);
    expect(needs!.line).toBe('Home visit: Needs outcome');
    expect(needs!.marker).toBe('attention');
    expect(test!.line).toBe('Positive (Urine kit)');
    expect(test!.marker).toBe('attention');
    expect(test!.details).toEqual(['Screened for: Stimulants, Cannabis', 'Follow-up: 協議']);
    expect(phone!.line).toBe('Phone: Held');
    expect(phone!.notesHidden).toBe(true);
    expect(phone!.details).toEqual(['by 佐藤 花子']);
    expect(report!.line).toBe('VPO monthly report: Received');
    expect(report!.details).toEqual(['for October 2026', 'from 高橋 良子']);
    const ja = describeItem(ITEMS[3]!, tJa, { lang: 'ja', era: false });
    expect(ja.line).toBe('電話：実施');
  });

  it('says when a condition’s first wording is not known', () => {
    const d = describeItem(ITEMS[6]!, tEn, { lang: 'en', era: false });
    expect(d.line).toBe('Prohibited conduct changed: (the original wording was not recorded)');
  });
});
