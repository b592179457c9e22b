/**
 * The report worker (db/reports/worker.ts): the same report and drill lists as computed in-process,
 * progress per section, the main thread free while it runs, gone on lock, and a crash that fails
 * the call clearly and leaves the next one working. Real encrypted database, real worker thread.
 */
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, type ReportRequest } from '../../db/contract';
import { drillReport } from '../../db/reports/drill';
import { runReport, SECTIONS } from '../../db/reports/run';
import type { ReportWorker } from '../../db/reports/worker-host';
import { drillInWorker, runInWorker } from '../../db/services/reports';
import { tempDir } from '../helpers/office';
import { reportOffice } from '../helpers/report-office';

let t: ReturnType<typeof tempDir>;
let office: Awaited<ReturnType<typeof reportOffice>>;
beforeAll(async () => {
  t = tempDir('hogo-report-worker-');
  office = await reportOffice(t.dir);
}, 120_000);
afterAll(() => {
  office.core.close();
  t.cleanup();
});

const FY: ReportRequest['period'] = { kind: 'fiscalYear', fiscalYear: 2026 };
const thread = (w: ReportWorker) => (w as unknown as { thread: Worker }).thread;

describe('report worker', () => {
  it('computes the same reports and drill lists as the in-process code, for each role and scope', async () => {
    const sup = office.as(office.supervisorId);
    const own = office.as(office.officerId);
    const cases: [typeof sup, ReportRequest][] = [
      [sup, { period: FY, scope: { kind: 'office' }, lang: 'ja' }],
      [sup, { period: { kind: 'month', month: '2026-10' }, scope: { kind: 'officer', officerId: office.officerId }, lang: 'en' }],
      [own, { period: { kind: 'quarter', fiscalYear: 2026, quarter: 2 }, scope: { kind: 'officer', officerId: office.officerId }, lang: 'ja' }],
    ];
    for (const [ctx, req] of cases) {
      const inWorker = await runInWorker(office.core.reportWorker(), ctx, req);
      expect(inWorker).toEqual(await runReport(ctx, req));
      expect(inWorker.sections.flatMap((s) => s.figures).some((f) => (f.value ?? 0) > 0)).toBe(true);
      for (const f of inWorker.sections.flatMap((s) => s.figures).filter((x) => x.drill)) {
        expect(await drillInWorker(office.core.reportWorker(), ctx, req, { figureId: f.id })).toEqual(drillReport(ctx, req, { figureId: f.id }));
      }
    }
  });

  it('refuses on the main side what the role may not see, before the worker runs anything', async () => {
    const own = office.as(office.officerId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'ja' };
    await expect(runInWorker(office.core.reportWorker(), own, req)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(drillInWorker(office.core.reportWorker(), own, req, { figureId: 'caseload.active' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports progress per section and keeps the main thread ticking while it computes', async () => {
    const sup = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'ja' };
    const countTicks = async (run: () => Promise<unknown>) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      try {
        await run();
      } finally {
        clearInterval(timer);
      }
      return ticks;
    };
    const worker = office.core.reportWorker();
    await runInWorker(worker, sup, req); // the thread and its connection are warm
    const progress: number[] = [];
    const offThread = await countTicks(() => runInWorker(worker, sup, req, (done) => progress.push(done)));
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    // In-process, the loop turns only between sections, so a timer fires at most once per section.
    const inProcess = await countTicks(() => runReport(sup, req));
    expect(inProcess).toBeLessThanOrEqual(SECTIONS.length + 1);
    expect(offThread).toBeGreaterThan(2 * SECTIONS.length);
  });

  it('a crashed worker fails the call with a clear error; the next call starts a new one', async () => {
    const sup = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'en' };
    const first = office.core.reportWorker();
    const running = runInWorker(first, sup, req);
    void thread(first).terminate();
    await expect(running).rejects.toMatchObject({ code: 'REPORT_WORKER_FAILED' });
    expect(first.alive).toBe(false);
    const second = office.core.reportWorker();
    expect(second).not.toBe(first);
    expect(await runInWorker(second, sup, req)).toEqual(await runReport(sup, req));
  });

  it('lock stops the worker (and the key it holds); after unlocking a new one answers', async () => {
    const worker = office.core.reportWorker();
    const exited = new Promise<number>((resolve) => thread(worker).once('exit', resolve));
    const running = runInWorker(worker, office.core.context(), { period: FY, scope: { kind: 'office' }, lang: 'ja' });
    office.core.lock('manual');
    await expect(running).rejects.toMatchObject({ code: 'NOT_UNLOCKED' });
    await exited;
    expect(worker.alive).toBe(false);
    expect(() => office.core.reportWorker()).toThrow(expect.objectContaining({ code: 'NOT_UNLOCKED' }));

    const login = office.summary.signIns.supervisor.login;
    await office.core.unlock({ login, passphrase: DEMO_CREDENTIALS.passphrase });
    const next = office.core.reportWorker();
    expect(next).not.toBe(worker);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'ja' };
    expect(await runInWorker(next, office.core.context(), req)).toEqual(await runReport(office.core.context(), req));
  });
});
