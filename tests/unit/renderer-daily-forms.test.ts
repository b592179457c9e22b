import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_KINDS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  CONTACT_REASONS,
  DRUG_TEST_METHODS,
  DRUG_TEST_RESULTS,
  MEASURE_KINDS,
  RECURRENCE_EVERY,
} from '../../db/channels/contacts';
import { DRUG_TYPES } from '../../db/channels/casework';
import { ApiError } from '../../renderer/api';
import { parseCount } from '../../renderer/features/appointments/recurrence';
import {
  APPOINTMENT_KIND_OPTIONS,
  CONTACT_KIND_OPTIONS,
  CONTACT_OUTCOME_OPTIONS,
  CONTACT_REASON_OPTIONS,
  DRUG_TEST_METHOD_OPTIONS,
  DRUG_TEST_RESULT_OPTIONS,
  DRUG_TYPE_OPTIONS,
  isFlaggedResult,
  MEASURE_KIND_OPTIONS,
  QUICK_CONTACT_KINDS,
  RECURRENCE_OPTIONS,
  STANDARD_STATUS_OPTIONS,
} from '../../renderer/features/contacts/codes';
import { optionForDigit, toOutcome } from '../../renderer/features/contacts/outcome';
import { contactsOfMonth, reasonText, verdictKey } from '../../renderer/features/contacts/reasons';
import { fieldOfError } from '../../renderer/features/contacts/serviceErrors';
import { drugTestProblems } from '../../renderer/features/drugtests/validation';
import { draftProblems, isDirty, isLevelCode, toDraft, toInput } from '../../renderer/features/standards/draft';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';

type Tree = { readonly [key: string]: string | Tree };
function lookup(tree: unknown, key: string): string | undefined {
  const v = key.split('.').reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], tree);
  return typeof v === 'string' ? v : undefined;
}

describe('daily casework codes', () => {
  it('list the contract’s codes, in the contract’s order', () => {
    expect(CONTACT_KIND_OPTIONS).toEqual(CONTACT_KINDS);
    expect(APPOINTMENT_KIND_OPTIONS).toEqual(APPOINTMENT_KINDS);
    expect(CONTACT_OUTCOME_OPTIONS).toEqual(CONTACT_OUTCOMES);
    expect(CONTACT_REASON_OPTIONS).toEqual(CONTACT_REASONS);
    expect(DRUG_TEST_METHOD_OPTIONS).toEqual(DRUG_TEST_METHODS);
    expect(DRUG_TEST_RESULT_OPTIONS).toEqual(DRUG_TEST_RESULTS);
    expect(DRUG_TYPE_OPTIONS).toEqual(DRUG_TYPES);
    expect(MEASURE_KIND_OPTIONS).toEqual(MEASURE_KINDS);
    expect(RECURRENCE_OPTIONS).toEqual(RECURRENCE_EVERY);
    expect([...QUICK_CONTACT_KINDS].sort()).toEqual(CONTACT_KINDS.filter((k) => k !== 'vpo_monthly_report').sort());
  });

  it('have a label for every code in both languages', () => {
    const keys = [
      ...CONTACT_KIND_OPTIONS.map((k) => `daily.kinds.${k}`),
      ...CONTACT_OUTCOME_OPTIONS.map((k) => `daily.outcomes.${k}`),
      ...CONTACT_REASON_OPTIONS.map((k) => `daily.standard.reasons.${k}`),
      'daily.standard.reasons.outside_month_report',
      ...STANDARD_STATUS_OPTIONS.flatMap((k) => [`daily.standard.status.${k}`, `daily.standard.statusHelp.${k}`]),
      ...DRUG_TEST_METHOD_OPTIONS.map((k) => `daily.drugTests.methods.${k}`),
      ...DRUG_TEST_RESULT_OPTIONS.map((k) => `daily.drugTests.results.${k}`),
      ...DRUG_TYPE_OPTIONS.map((k) => `daily.drugTypes.${k}`),
      ...MEASURE_KIND_OPTIONS.map((k) => `daily.measures.kinds.${k}`),
      ...['none', ...RECURRENCE_OPTIONS].map((k) => `daily.appointments.repeatOptions.${k}`),
      ...['scheduled', 'done', 'cancelled', 'needs_outcome'].map((k) => `daily.appointments.status.${k}`),
      ...['po', 'vpo', 'none'].map((k) => `daily.standardsPage.countsFor.${k}`),
    ];
    for (const key of keys) {
      expect(lookup(ja, key), `ja ${key}`).toBeTruthy();
      expect(lookup(en, key), `en ${key}`).toBeTruthy();
    }
  });

  it('flag positive and refused tests only', () => {
    expect(DRUG_TEST_RESULT_OPTIONS.filter(isFlaggedResult)).toEqual(['positive', 'refused']);
  });
});

describe('quick contact entry', () => {
  it('asks for the reason of a missed contact before it has an outcome', () => {
    expect(toOutcome('held', null)).toBe('held');
    expect(toOutcome('held', 'unacceptable')).toBe('held');
    expect(toOutcome('missed', null)).toBeNull();
    expect(toOutcome('missed', 'acceptable')).toBe('missed_acceptable');
    expect(toOutcome('missed', 'unacceptable')).toBe('missed_unacceptable');
  });

  it('maps number keys 1–6 to the kinds in order, and nothing else', () => {
    expect(optionForDigit('1', QUICK_CONTACT_KINDS)).toBe('office_interview');
    expect(optionForDigit('5', QUICK_CONTACT_KINDS)).toBe('vpo_meeting');
    expect(optionForDigit('6', QUICK_CONTACT_KINDS)).toBe('family_contact');
    expect(optionForDigit('7', QUICK_CONTACT_KINDS)).toBeNull();
    expect(optionForDigit('0', QUICK_CONTACT_KINDS)).toBeNull();
    expect(optionForDigit('a', QUICK_CONTACT_KINDS)).toBeNull();
    expect(optionForDigit('Enter', QUICK_CONTACT_KINDS)).toBeNull();
  });
});

describe('service errors at the field', () => {
  const fields = { date: 'date', startsAt: 'date', 'recurrence.count': 'count', recurrence: 'repeat', vpoId: 'vpo' } as const;

  it('names the form field of details.field, nested paths included', () => {
    expect(fieldOfError(new ApiError('DATE_IN_FUTURE', 'x', { field: 'date' }), fields)).toBe('date');
    expect(fieldOfError(new ApiError('INVALID_INPUT', 'x', { field: 'contact.date' }), fields)).toBe('date');
    expect(fieldOfError(new ApiError('INVALID_INPUT', 'x', { field: 'recurrence.count' }), fields)).toBe('count');
    expect(fieldOfError(new ApiError('VALIDATION', 'x', { field: 'recurrence' }), fields)).toBe('repeat');
    expect(fieldOfError(new ApiError('VALIDATION', 'x', { field: 'vpoId' }), fields)).toBe('vpo');
  });

  it('leaves errors without a known field to the form-level alert', () => {
    expect(fieldOfError(new ApiError('FORBIDDEN', 'x'), fields)).toBeNull();
    expect(fieldOfError(new ApiError('INVALID_INPUT', 'x', { field: null }), fields)).toBeNull();
    expect(fieldOfError(new ApiError('NOT_FOUND', 'x', { field: 'caseId' }), fields)).toBeNull();
    expect(fieldOfError(new Error('plain'), fields)).toBeNull();
    expect(fieldOfError(null, fields)).toBeNull();
  });
});

describe('why a contact counts', () => {
  const kind = (k: string) => `<${k}>`;
  const month = (m: string) => `[${m}]`;

  it('gives the kind and the level to the sentences that need them', () => {
    expect(reasonText({ reason: 'counts_po', kind: 'office_interview', reportMonth: null }, 'B', kind, month)).toEqual({
      key: 'daily.standard.reasons.counts_po',
      vars: { kind: '<office_interview>', level: 'B' },
    });
    expect(reasonText({ reason: 'kind_not_counted', kind: 'phone', reportMonth: null }, 'B', kind, month).key).toBe(
      'daily.standard.reasons.kind_not_counted',
    );
  });

  it('says which month a report belongs to when it is not this one', () => {
    expect(reasonText({ reason: 'outside_month', kind: 'vpo_monthly_report', reportMonth: '2026-10' }, 'B', kind, month)).toEqual({
      key: 'daily.standard.reasons.outside_month_report',
      vars: { month: '[2026-10]' },
    });
  });

  it('uses every placeholder it fills, in both languages', () => {
    for (const reason of CONTACT_REASON_OPTIONS) {
      const r = reasonText({ reason, kind: 'home_visit', reportMonth: null }, 'A', kind, month);
      for (const messages of [ja, en]) {
        const text = lookup(messages, r.key)!;
        for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) expect(r.vars, `${r.key} {{${name}}}`).toHaveProperty(name!);
      }
    }
  });

  it('gives a verdict for each side', () => {
    expect(verdictKey('po')).toBe('daily.standard.counts.po');
    expect(verdictKey('vpo')).toBe('daily.standard.counts.vpo');
    expect(verdictKey(null)).toBe('daily.standard.counts.none');
  });

  it('shows a month’s contacts and the reports covering it', () => {
    const contacts = [
      { id: '1', date: '2026-11-02', reportMonth: null },
      { id: '2', date: '2026-11-05', reportMonth: '2026-10' },
      { id: '3', date: '2026-10-30', reportMonth: null },
      { id: '4', date: '2026-12-01', reportMonth: null },
    ] as unknown as Parameters<typeof contactsOfMonth>[0];
    expect(contactsOfMonth(contacts, '2026-11').map((c) => c.id)).toEqual(['1', '2']);
    expect(contactsOfMonth(contacts, '2026-10').map((c) => c.id)).toEqual(['2', '3']);
  });
});

describe('drug test form checks', () => {
  const ok = { date: '2026-11-26', today: '2026-11-26', substances: ['stimulants'], result: 'negative' as const, consent: true };

  it('accepts a complete test', () => {
    expect(drugTestProblems(ok)).toEqual({});
  });

  it('asks for a result every time, at least one substance, and a real past date', () => {
    expect(drugTestProblems({ ...ok, result: null })).toEqual({ result: 'daily.drugTests.resultRequired' });
    expect(drugTestProblems({ ...ok, substances: [] })).toEqual({ substances: 'daily.drugTests.substancesRequired' });
    expect(drugTestProblems({ ...ok, date: '2026-11-27' })).toEqual({ date: 'daily.common.dateFuture' });
    expect(drugTestProblems({ ...ok, date: '2026-02-30' })).toEqual({ date: 'daily.common.dateInvalid' });
  });

  it('records a test without consent only as refused', () => {
    expect(drugTestProblems({ ...ok, consent: false })).toEqual({ consent: 'daily.drugTests.consentRequired' });
    expect(drugTestProblems({ ...ok, consent: false, result: 'refused' })).toEqual({});
  });
});

describe('appointment series', () => {
  it('takes 2 to 26 appointments', () => {
    expect(parseCount('2')).toBe(2);
    expect(parseCount(' 26 ')).toBe(26);
    expect(parseCount('1')).toBeNull();
    expect(parseCount('27')).toBeNull();
    expect(parseCount('5.5')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});

describe('contact standards editing', () => {
  const B = {
    id: 'B',
    label: 'B (standard, assumed)',
    poPerMonth: 1,
    vpoPerMonth: 2,
    poKinds: ['office_interview', 'home_visit', 'duty_station_interview'] as const,
    vpoKinds: ['vpo_meeting'] as const,
    sort: 2,
  };
  const standard = { ...B, poKinds: [...B.poKinds], vpoKinds: [...B.vpoKinds] };

  it('round-trips a level through the form unchanged', () => {
    const d = toDraft(standard);
    expect(d.kinds.office_interview).toBe('po');
    expect(d.kinds.vpo_meeting).toBe('vpo');
    expect(d.kinds.phone).toBe('none');
    expect(isDirty(d, standard)).toBe(false);
    expect(toInput(d)).toEqual({
      id: 'B',
      label: 'B (standard, assumed)',
      poPerMonth: 1,
      vpoPerMonth: 2,
      poKinds: ['office_interview', 'home_visit', 'duty_station_interview'],
      vpoKinds: ['vpo_meeting'],
    });
  });

  it('puts each kind on one side only, by construction', () => {
    const d = toDraft(standard);
    const moved = { ...d, kinds: { ...d.kinds, home_visit: 'vpo' as const, phone: 'po' as const } };
    expect(isDirty(moved, standard)).toBe(true);
    const input = toInput(moved);
    expect(input.poKinds).toEqual(['office_interview', 'duty_station_interview', 'phone']);
    expect(input.vpoKinds).toEqual(['home_visit', 'vpo_meeting']);
    expect(input.poKinds.filter((k) => input.vpoKinds.includes(k))).toEqual([]);
  });

  it('checks names and monthly numbers', () => {
    const d = toDraft(standard);
    expect(draftProblems(d)).toEqual({});
    expect(draftProblems({ ...d, label: '  ', poPerMonth: '32', vpoPerMonth: '-1' })).toEqual({
      label: 'daily.standardsPage.labelRequired',
      poPerMonth: 'daily.standardsPage.numberInvalid',
      vpoPerMonth: 'daily.standardsPage.numberInvalid',
    });
    expect(draftProblems({ ...d, poPerMonth: '1.5' }).poPerMonth).toBe('daily.standardsPage.numberInvalid');
    expect(isLevelCode('D')).toBe(true);
    expect(isLevelCode('level-2_x')).toBe(true);
    expect(isLevelCode('')).toBe(false);
    expect(isLevelCode('処遇')).toBe(false);
  });
});
