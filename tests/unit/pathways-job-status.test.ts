/**
 * employment.recordJob with a status: the job and the employment status from its start are one
 * transaction, so a refused status leaves no job behind (and no support marked job_found).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseworkOffice, partialIntake } from '../helpers/intake';
import { tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// The office clock stands at 2026-11-26 in Japan; partialIntake's case starts on 2026-06-15.
async function office() {
  const o = await caseworkOffice(t.dir);
  await o.as('officer');
  const caseId = (await o.call('supervisees.create', partialIntake())).cases[0]!.id;
  const counts = () =>
    o
      .db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
                (SELECT count(*) FROM jobs) jobs, (SELECT count(*) FROM employment_status) statuses,
                (SELECT count(*) FROM employment_supports WHERE outcome = 'job_found') found`,
      )
      .get();
  return { o, caseId, counts };
}

describe('recording a job with its employment status', () => {
  it('writes the job, the status from its start and the support outcome under one action', async () => {
    const { o, caseId } = await office();
    const referral = await o.call('employment.recordSupport', { caseId, kind: 'hello_work_referral', startedOn: '2026-10-01', office: 'ハローワーク飯田橋' });
    const job = await o.call('employment.recordJob', {
      caseId,
      employerName: '山田商店',
      kind: 'full_time',
      startedOn: '2026-11-02',
      supportId: referral.id,
      status: 'full_time',
    });
    const w = await o.call('employment.forCase', { caseId });
    expect(w.jobs.map((j) => j.id)).toEqual([job.id]);
    expect(w.statusHistory).toMatchObject([{ status: 'full_time', since: '2026-11-02' }]);
    expect(w.currentStatus).toBe('full_time');
    expect(w.supports[0]!.outcome).toBe('job_found');
    const actions = o
      .db()
      .prepare("SELECT entity FROM audit_log WHERE action = 'employment.recordJob' ORDER BY id")
      .all() as { entity: string }[];
    expect(actions.map((a) => a.entity)).toEqual(['jobs', 'employment_supports', 'employment_status']);
    const ops = o.db().prepare("SELECT count(*) n FROM change_log WHERE entity = 'employment_status'").get() as { n: number };
    expect(ops.n).toBe(1);

    // Without a status the job is recorded alone, as before.
    await o.call('employment.recordJob', { caseId, employerName: '佐藤商店', kind: 'day_labour', startedOn: '2026-11-10' });
    expect((await o.call('employment.forCase', { caseId })).statusHistory).toHaveLength(1);
  });

  it('refuses the whole record when the status is refused: no job, no status, no support change, no audit', async () => {
    const { o, caseId, counts } = await office();
    await o.call('employment.setStatus', { caseId, status: 'part_time', since: '2026-08-01' });
    const referral = await o.call('employment.recordSupport', { caseId, kind: 'hello_work_referral', startedOn: '2026-07-01', office: 'ハローワーク飯田橋' });
    const job = { caseId, employerName: '山田商店', kind: 'part_time' as const, supportId: referral.id };
    const refusals: [Record<string, unknown>, string, string][] = [
      // A status already recorded from that day.
      [{ ...job, startedOn: '2026-08-01', status: 'full_time' }, 'DUPLICATE', 'status'],
      // Already the status in force on the job's first day.
      [{ ...job, startedOn: '2026-09-01', status: 'part_time' }, 'VALIDATION', 'status'],
      [{ ...job, startedOn: '2026-09-01', status: 'retired' }, 'INVALID_INPUT', 'status'],
    ];
    for (const [input, code, field] of refusals) {
      const before = counts();
      expect(await o.dispatch('employment.recordJob', input), code).toMatchObject({ ok: false, error: { code, details: { field } } });
      expect(counts()).toEqual(before);
    }
    const w = await o.call('employment.forCase', { caseId });
    expect(w.jobs).toEqual([]);
    expect(w.supports[0]!.outcome).toBe('pending');
  });

  it('rolls the job back when writing the status fails inside the transaction', async () => {
    const { o, caseId, counts } = await office();
    o.db().exec("CREATE TEMP TRIGGER fail_status BEFORE INSERT ON main.employment_status BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    const before = counts();
    const r = await o.dispatch('employment.recordJob', { caseId, employerName: '山田商店', kind: 'full_time', startedOn: '2026-11-02', status: 'full_time' });
    expect(r.ok).toBe(false);
    expect(counts()).toEqual(before);
  });
});
