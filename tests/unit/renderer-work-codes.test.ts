import { describe, expect, it } from 'vitest';
import { JOB_KINDS, SUBSIDY_STATUSES, SUPPORT_KINDS, SUPPORT_ORG_KINDS, SUPPORT_OUTCOMES, WORK_STATUSES } from '../../db/contract';
import { ApiError } from '../../renderer/api';
import { fiscalYear, ORG_KIND_OPTIONS, percent } from '../../renderer/features/supportlinks/codes';
import { JOB_KIND_OPTIONS, OUTCOME_OPTIONS, parseCount, parseMonths, statusForJob, SUBSIDY_OPTIONS, SUPPORT_KIND_OPTIONS, WORK_STATUS_OPTIONS } from '../../renderer/features/work/codes';
import { specificKey } from '../../renderer/features/work/serviceMessages';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';

describe('work and support-link codes', () => {
  it('offers every code the services accept, in their order', () => {
    expect(SUPPORT_KIND_OPTIONS).toEqual(SUPPORT_KINDS);
    expect(SUBSIDY_OPTIONS).toEqual(SUBSIDY_STATUSES);
    expect(OUTCOME_OPTIONS).toEqual(SUPPORT_OUTCOMES);
    expect(JOB_KIND_OPTIONS).toEqual(JOB_KINDS);
    expect(WORK_STATUS_OPTIONS).toEqual(WORK_STATUSES);
    expect(ORG_KIND_OPTIONS).toEqual(SUPPORT_ORG_KINDS);
  });

  it('names every code in both languages', () => {
    for (const msgs of [ja, en]) {
      for (const k of SUPPORT_KINDS) expect(msgs.work.kinds[k]).toBeTruthy();
      for (const k of WORK_STATUSES) expect(msgs.work.statuses[k]).toBeTruthy();
      for (const k of JOB_KINDS) expect(msgs.work.jobKinds[k]).toBeTruthy();
      for (const k of SUPPORT_ORG_KINDS) expect(msgs.supportLinks.kinds[k]).toBeTruthy();
    }
  });

  it('reads trial months and capacities as typed, full width included', () => {
    expect(parseMonths('3')).toBe(3);
    expect(parseMonths('１２')).toBe(12);
    expect(parseMonths('')).toBeNull();
    expect(parseMonths('0')).toBeNaN();
    expect(parseMonths('13')).toBeNaN();
    expect(parseMonths('2.5')).toBeNaN();
    expect(parseCount('')).toBe(0);
    expect(parseCount('１０')).toBe(10);
    expect(parseCount('-1')).toBeNull();
  });

  it('suggests the status a job implies', () => {
    expect(statusForJob('full_time')).toBe('full_time');
    expect(statusForJob('day_labour')).toBe('part_time');
    expect(statusForJob('self_employed')).toBeNull();
  });

  it('formats the share and the national period', () => {
    expect(percent(0.091)).toBe('9.1%');
    expect(percent(0.5)).toBe('50.0%');
    expect(percent(1 / 3)).toBe('33.3%');
    expect(fiscalYear('FY2023')).toBe('2023');
    expect(fiscalYear('2023')).toBeNull();
  });

  it('finds this form’s words for a service error by code and field', () => {
    const messages = { 'VALIDATION:office': 'work.supports.officeRequired', INVALID_STATE: 'work.common.caseClosed' };
    expect(specificKey(new ApiError('VALIDATION', 'x', { field: 'office' }), messages)).toBe('work.supports.officeRequired');
    expect(specificKey(new ApiError('INVALID_STATE', 'x', { field: 'caseId' }), messages)).toBe('work.common.caseClosed');
    expect(specificKey(new ApiError('VALIDATION', 'x', { field: 'months' }), messages)).toBeNull();
    expect(specificKey(new Error('x'), messages)).toBeNull();
  });
});
