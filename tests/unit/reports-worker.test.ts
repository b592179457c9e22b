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
import { createBackup, restoreBackup } from '../../db/services/backups';
import { drillInWorker, runInWorker } from '../../db/services/reports';
import { mutate } from '../../db/write';
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

  it('after a restore the next report reads the restored database, through a new worker', async () => {
    const admin = office.core.context();
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'en' };
    const { name } = createBackup(office.core, 'manual');
    // After the backup, every case of the period moves to intensity A: the restore must undo it.
    const ids = office.db.prepare("SELECT id FROM cases WHERE intensity_level <> 'A' AND start_date <= '2027-03-31'").pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(0);
    mutate(admin, 'test.intensity', (tx) => ids.forEach((id) => tx.update('cases', id, { intensity_level: 'A' })));
    const before = office.core.reportWorker();
    const changed = await runInWorker(before, admin, req);
    await restoreBackup(office.core, name);
    expect(before.alive).toBe(false);
    const restored = await runInWorker(office.core.reportWorker(), office.core.context(), req);
    expect(restored).toEqual(await runReport(office.core.context(), req));
    const byIntensity = (r: typeof restored) => r.sections[0]!.tables.find((tb) => tb.id === 'caseload.byIntensity')!.rows.map((row) => row.values);
    expect(byIntensity(restored)).not.toEqual(byIntensity(changed));
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
