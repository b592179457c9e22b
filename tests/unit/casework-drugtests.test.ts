import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFlags } from '../../db/casework/flags';
import type { InputOf } from '../../db/contract';
import { mutate } from '../../db/write';
import { assignVpo, caseworkOffice, failure } from '../helpers/contacts';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const TODAY = '2026-11-26';
const TEST: Omit<InputOf<'drugTests.record'>, 'caseId'> = {
  testedOn: '2026-11-20',
  method: 'urine_kit',
  substances: ['stimulants', 'cannabis'],
  result: 'negative',
  consent: true,
  followUp: '',
};

describe('drug tests', () => {
  it("are seen and recorded only by the case's officer, supervisors and administrators", async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase(); // assigned to sato
    const first = await o.call('drugTests.record', { caseId, ...TEST });
    expect(first).toMatchObject({ caseId, result: 'negative', consent: true, substances: ['stimulants', 'cannabis'], recordedBy: o.ids.sato });

    await o.as('suzuki');
    const before = o.counts();
    await expect(o.call('drugTests.list', { caseId })).rejects.toMatchObject(failure('FORBIDDEN'));
    await expect(o.call('drugTests.record', { caseId, ...TEST, result: 'positive' })).rejects.toMatchObject(failure('FORBIDDEN'));
    expect(o.counts()).toEqual(before);
    expect(caseFlags(o.db(), caseId, TODAY).positiveTest).toBe(false);

    await o.as('tanaka');
    await o.call('drugTests.record', { caseId, ...TEST, testedOn: '2026-11-25', followUp: '次回も実施' });
    expect((await o.call('drugTests.list', { caseId })).map((x) => x.testedOn)).toEqual(['2026-11-25', '2026-11-20']);

    await o.as('admin');
    expect(await o.call('drugTests.list', { caseId })).toHaveLength(2);

    // Reassigning the case moves the access with it.
    mutate(o.ctx(), 'test.reassign', (tx) =>
      tx.update('supervisees', o.db().prepare('SELECT supervisee_id FROM cases WHERE id = ?').pluck().get(caseId) as string, {
        officer_id: o.ids.suzuki,
      }),
    );
    await o.as('suzuki');
    expect(await o.call('drugTests.list', { caseId })).toHaveLength(2);
    await o.as('sato');
    await expect(o.call('drugTests.list', { caseId })).rejects.toMatchObject(failure('FORBIDDEN'));
  });

  it('flags the case after a positive or refused result, for 90 days', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const positive = o.newCase({ caseNumber: 'P-1' });
    const refused = o.newCase({ caseNumber: 'R-1' });
    const negative = o.newCase({ caseNumber: 'N-1' });
    await o.call('drugTests.record', { caseId: positive.caseId, ...TEST, result: 'positive', followUp: '医療機関へ紹介' });
    await o.call('drugTests.record', { caseId: refused.caseId, ...TEST, result: 'refused', consent: false });
    await o.call('drugTests.record', { caseId: negative.caseId, ...TEST });
    await o.call('drugTests.record', { caseId: negative.caseId, ...TEST, result: 'invalid' });
    expect(caseFlags(o.db(), positive.caseId, TODAY).positiveTest).toBe(true);
    expect(caseFlags(o.db(), refused.caseId, TODAY).positiveTest).toBe(true);
    expect(caseFlags(o.db(), negative.caseId, TODAY).positiveTest).toBe(false);
    // 2026-11-20 + 89 days is the last day in the window.
    expect(caseFlags(o.db(), positive.caseId, '2027-02-17').positiveTest).toBe(true);
    expect(caseFlags(o.db(), positive.caseId, '2027-02-18').positiveTest).toBe(false);
  });

  it('refuses bad input and writes nothing', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId } = o.newCase({ startDate: '2026-06-01' });
    const before = o.counts();
    const bad: [object, string, string][] = [
      [{ testedOn: '2026-11-27' }, 'DATE_IN_FUTURE', 'testedOn'],
      [{ testedOn: '2026-05-31' }, 'VALIDATION', 'testedOn'],
      [{ consent: false }, 'VALIDATION', 'consent'],
      [{ substances: [] }, 'INVALID_INPUT', 'substances'],
      [{ substances: ['stimulants', 'stimulants'] }, 'INVALID_INPUT', 'substances'],
      [{ substances: ['heroin!'] }, 'INVALID_INPUT', 'substances.0'],
      [{ result: 'unclear' }, 'INVALID_INPUT', 'result'],
      [{ method: 'breath' }, 'INVALID_INPUT', 'method'],
    ];
    for (const [patch, code, field] of bad) {
      await expect(o.call('drugTests.record', { caseId, ...TEST, ...patch } as never)).rejects.toMatchObject(failure(code, field));
    }
    expect(o.counts()).toEqual(before);
  });
});

describe('case flags', () => {
  it('flags overdue contacts, a missing VPO report and an end within 30 days', async () => {
    const o = await caseworkOffice(t.dir);
    await o.as('sato');
    const { caseId, superviseeId } = o.newCase({ level: 'C', endDate: '2026-12-20' });
    assignVpo(o.ctx(), superviseeId);
    expect(caseFlags(o.db(), caseId, TODAY)).toEqual({
      positiveTest: false,
      overdueContact: true, // no VPO meetings in October, and November's first deadline (15th) passed
      missingVpoReport: true,
      endingSoon: true,
      appointmentNeedsOutcome: false,
      programMissed: false,
    });
    for (const date of ['2026-10-05', '2026-10-19', '2026-11-02', '2026-11-16']) {
      await o.call('contacts.record', { caseId, kind: 'vpo_meeting', outcome: 'held', date });
    }
    await o.call('vpoReports.record', { caseId, month: '2026-10', date: '2026-11-02' });
    expect(caseFlags(o.db(), caseId, TODAY)).toMatchObject({ overdueContact: false, missingVpoReport: false, endingSoon: true });
    expect(caseFlags(o.db(), caseId, '2026-11-19').endingSoon).toBe(false);

    // A terminated case raises no supervision flags.
    mutate(o.ctx(), 'test.terminate', (tx) =>
      tx.update('cases', caseId, { status: 'terminated', termination_date: '2026-11-25', termination_reason: 'other' }),
    );
    expect(caseFlags(o.db(), caseId, '2027-01-05')).toMatchObject({ overdueContact: false, missingVpoReport: false, endingSoon: false });
  });
});
