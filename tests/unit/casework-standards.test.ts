import { describe, expect, it } from 'vitest';
import {
  addMonths,
  computeStandard,
  daysInMonth,
  japanDate,
  japanTime,
  type StandardContact,
  type StandardRule,
} from '../../db/casework/standards';

const PO_KINDS = ['office_interview', 'home_visit', 'duty_station_interview'] as const;
const LEVEL_A: StandardRule = { id: 'A', label: 'A', poPerMonth: 2, vpoPerMonth: 2, poKinds: PO_KINDS, vpoKinds: ['vpo_meeting'] };
const LEVEL_B: StandardRule = { ...LEVEL_A, id: 'B', label: 'B', poPerMonth: 1 };
const LEVEL_C: StandardRule = { ...LEVEL_A, id: 'C', label: 'C', poPerMonth: 1, poKinds: [...PO_KINDS, 'phone'] };

const PERIOD = { start: '2026-04-01', end: '2029-03-31' };
let n = 0;
function contact(kind: StandardContact['kind'], date: string, extra: Partial<StandardContact> = {}): StandardContact {
  return { id: `c${++n}`, kind, date, outcome: 'held', ...extra };
}
const reasons = (r: ReturnType<typeof computeStandard>) => Object.fromEntries(r.contacts.map((c) => [c.contactId, c.reason]));

describe('contact standards for one month', () => {
  it('is met when the PO and VPO contacts required at level A are held', () => {
    const contacts = [
      contact('office_interview', '2026-10-05'),
      contact('home_visit', '2026-10-20'),
      contact('vpo_meeting', '2026-10-10', { byVpoId: 'v1' }),
      contact('vpo_meeting', '2026-10-24', { byVpoId: 'v1' }),
    ];
    const r = computeStandard({ rule: LEVEL_A, contacts, month: '2026-10', period: PERIOD, today: '2026-11-26' });
    expect(r.status).toBe('met');
    expect(r.po).toMatchObject({ required: 2, done: 2, remaining: 0, overdue: false, pastDue: false, nextDueDate: null });
    expect(r.vpo).toMatchObject({ required: 2, done: 2, overdue: false });
    expect(r.po.dueDates).toEqual(['2026-10-16', '2026-10-31']);
    expect(r.contacts.map((c) => c.reason)).toEqual(['counts_po', 'counts_vpo', 'counts_po', 'counts_vpo']);
    // Met for October: the next deadline is November's first.
    expect(r.nextDueDate).toBe('2026-11-15');
  });

  it('is overdue for a past month short by one, and a missed contact does not count', () => {
    const missed = contact('office_interview', '2026-10-20', { outcome: 'missed_unacceptable' });
    const excused = contact('home_visit', '2026-10-27', { outcome: 'missed_acceptable' });
    const contacts = [contact('office_interview', '2026-10-05'), missed, excused];
    const r = computeStandard({ rule: LEVEL_A, contacts, month: '2026-10', period: PERIOD, today: '2026-11-02' });
    expect(r.po).toMatchObject({ required: 2, done: 1, remaining: 1, overdue: true, pastDue: true, nextDueDate: '2026-10-31' });
    expect(r.status).toBe('overdue');
    expect(reasons(r)[missed.id]).toBe('missed');
    expect(reasons(r)[excused.id]).toBe('missed');
  });

  it('counts a phone call only at level C', () => {
    const phone = contact('phone', '2026-11-03');
    const inB = computeStandard({ rule: LEVEL_B, contacts: [phone], month: '2026-11', period: PERIOD, today: '2026-11-05' });
    expect(inB.contacts[0]).toMatchObject({ reason: 'kind_not_counted', countsFor: null });
    expect(inB.po.done).toBe(0);
    const inC = computeStandard({ rule: LEVEL_C, contacts: [phone], month: '2026-11', period: PERIOD, today: '2026-11-05' });
    expect(inC.contacts[0]).toMatchObject({ reason: 'counts_po', countsFor: 'po' });
    expect(inC.po.done).toBe(1);
  });

  it('explains why other contacts do not count', () => {
    const report = contact('vpo_monthly_report', '2026-11-02', { reportMonth: '2026-10', byVpoId: 'v1' });
    const family = contact('family_contact', '2026-10-08');
    const lastMonth = contact('office_interview', '2026-09-30');
    const r = computeStandard({
      rule: LEVEL_B,
      contacts: [report, family, lastMonth],
      month: '2026-10',
      period: PERIOD,
      today: '2026-11-26',
    });
    expect(reasons(r)).toEqual({
      [report.id]: 'vpo_report_not_meeting',
      [family.id]: 'kind_not_counted',
      [lastMonth.id]: 'outside_month',
    });
  });

  it('counts a monthly report for the month it covers when an administrator lists it', () => {
    const rule: StandardRule = { ...LEVEL_B, vpoPerMonth: 1, vpoKinds: ['vpo_meeting', 'vpo_monthly_report'] };
    const report = contact('vpo_monthly_report', '2026-11-02', { reportMonth: '2026-10', byVpoId: 'v1' });
    const oct = computeStandard({ rule, contacts: [report], month: '2026-10', period: PERIOD, today: '2026-11-26' });
    expect(oct.contacts[0]!.reason).toBe('counts_vpo');
    const nov = computeStandard({ rule, contacts: [report], month: '2026-11', period: PERIOD, today: '2026-11-26' });
    expect(nov.contacts[0]!.reason).toBe('outside_month');
  });

  it('prorates the first month and refuses contacts before the case started', () => {
    const period = { start: '2026-04-16', end: '2029-03-31' };
    const early = contact('office_interview', '2026-04-10');
    const r = computeStandard({ rule: LEVEL_A, contacts: [early], month: '2026-04', period, today: '2026-06-01' });
    expect(r.activeFrom).toBe('2026-04-16');
    expect(r.activeDays).toBe(15);
    // 2 a month × 15/30 days = 1
    expect(r.po.required).toBe(1);
    expect(r.po.dueDates).toEqual(['2026-04-30']);
    expect(r.contacts[0]!.reason).toBe('before_case_start');
    expect(r.status).toBe('overdue');

    const before = computeStandard({ rule: LEVEL_A, contacts: [], month: '2026-03', period, today: '2026-06-01' });
    expect(before).toMatchObject({ status: 'not_active', activeDays: 0, po: { required: 0 }, vpo: { required: 0 } });
  });

  it('stops at the end of supervision and leaves out the days supervision was suspended', () => {
    const after = contact('office_interview', '2026-10-20');
    const ended = computeStandard({
      rule: LEVEL_A,
      contacts: [after],
      month: '2026-10',
      period: { start: '2026-04-01', end: '2026-10-15' },
      today: '2026-11-26',
    });
    expect(ended.activeTo).toBe('2026-10-15');
    expect(ended.contacts[0]!.reason).toBe('after_case_end');
    // 15 of 31 days supervised: 2 × 15/31 rounds to 1 contact, due by the last supervised day.
    expect(ended.po).toMatchObject({ required: 1, done: 0, overdue: true, nextDueDate: '2026-10-15' });

    const during = contact('home_visit', '2026-10-12');
    const suspended = computeStandard({
      rule: LEVEL_A,
      contacts: [during],
      month: '2026-10',
      period: { ...PERIOD, suspensions: [{ from: '2026-10-01', resumedOn: '2026-10-17' }] },
      today: '2026-11-26',
    });
    expect(suspended.activeFrom).toBe('2026-10-17');
    expect(suspended.activeDays).toBe(15);
    expect(suspended.po.required).toBe(1);
    expect(suspended.contacts[0]!.reason).toBe('during_suspension');
  });

  it('in the current month: on track until a deadline passes, then past due, never overdue before month end', () => {
    const base = { rule: LEVEL_A, month: '2026-11', period: PERIOD };
    const one = [contact('office_interview', '2026-11-03'), contact('vpo_meeting', '2026-11-04')];
    const early = computeStandard({ ...base, contacts: one, today: '2026-11-10' });
    expect(early.status).toBe('on_track');
    expect(early.po).toMatchObject({ done: 1, remaining: 1, nextDueDate: '2026-11-30', pastDue: false, overdue: false });
    expect(early.nextDueDate).toBe('2026-11-30');

    const none = computeStandard({ ...base, contacts: [], today: '2026-11-16' });
    expect(none.status).toBe('past_due');
    expect(none.po).toMatchObject({ nextDueDate: '2026-11-15', pastDue: true, overdue: false });

    const lastDay = computeStandard({ ...base, contacts: one, today: '2026-11-30' });
    expect(lastDay.status).toBe('on_track');
    const afterwards = computeStandard({ ...base, contacts: one, today: '2026-12-01' });
    expect(afterwards.status).toBe('overdue');
  });

  it('a VPO meeting counts for the VPO side, an office interview for the PO side, extra contacts still count', () => {
    const contacts = [
      contact('office_interview', '2026-11-02'),
      contact('office_interview', '2026-11-09'),
      contact('vpo_meeting', '2026-11-05', { byVpoId: 'v1' }),
    ];
    const r = computeStandard({ rule: LEVEL_B, contacts, month: '2026-11', period: PERIOD, today: '2026-11-20' });
    expect(r.po).toMatchObject({ required: 1, done: 2, remaining: 0 });
    expect(r.vpo).toMatchObject({ required: 2, done: 1, remaining: 1, nextDueDate: '2026-11-30' });
  });
});

describe('calendar helpers', () => {
  it('works in Japan time regardless of the process time zone', () => {
    // 2026-11-26T15:30Z is 00:30 on the 27th in Japan.
    expect(japanDate(Date.parse('2026-11-26T15:30:00Z'))).toBe('2026-11-27');
    expect(japanTime(Date.parse('2026-11-26T15:30:00Z'))).toBe('00:30');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(daysInMonth('2028-02')).toBe(29);
  });
});
