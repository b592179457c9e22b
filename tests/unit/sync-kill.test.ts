/**
 * Kill the importing process at random points, 100 times: afterwards the bundle is either wholly
 * applied or not at all, and importing it again then succeeds exactly once. Prints its figures.
 */
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeCore } from '../../db/core';
import { defaultMigrationsDir } from '../../db/migrate';
import { importBundle } from '../../db/sync/import';
import { STAFF } from '../helpers/contacts';
import { TEST_KDF, tempDir } from '../helpers/office';
import { contentHash, seededRandom, syncOffice } from '../helpers/sync';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 100;
/** Every process imports at the same instant, so timestamps written by the import are comparable. */
const AT = Date.parse('2026-11-26T01:00:00.000Z');


async function openLaptop(dir: string) {
  const core = new OfficeCore({ dataDir: dir, kdf: TEST_KDF, now: () => AT });
  await core.unlock({ login: 'sato', passphrase: STAFF.sato.passphrase });
  return core;
}

describe('killing the importing process', () => {
  let t: ReturnType<typeof tempDir>;
  let child: string;
  let base: string;
  let bundle: string;
  let ops = 0;
  let before = '';
  let after = '';
  let applied = 0;

  beforeAll(async () => {
    t = tempDir('hogo-sync-kill-');
    child = join(t.dir, 'child.cjs');
    await build({
      entryPoints: [join(ROOT, 'tests/helpers/sync-import-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: child,
      external: ['better-sqlite3-multiple-ciphers'],
      logLevel: 'error',
    });
    const s = await syncOffice(join(t.dir, 'net'));
    for (let i = 0; i < 16; i++) s.office.newCase({ officerId: s.office.ids.sato });
    const out = await s.office.call('sync.export', {});
    const b = out.bundles.find((x) => x.peer === s.a.deviceId)!;
    bundle = b.path;
    ops = b.ops;
    s.a.core.lock('manual');
    base = join(t.dir, 'net', 'laptop-a');

    const ref = join(t.dir, 'reference');
    cpSync(base, ref, { recursive: true });
    const core = await openLaptop(ref);
    before = contentHash(core.context().db);
    const r = importBundle(core.context(), bundle);
    applied = r.applied;
    after = contentHash(core.context().db);
    core.lock('manual');
  }, 60_000);
  afterAll(() => t.cleanup());

  function runChild(dir: string, killAt: number, delayMs: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [child, dir, defaultMigrationsDir(), 'sato', STAFF.sato.passphrase, bundle, String(killAt), String(AT)], {
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.stdout.on('data', (d: Buffer) => {
        if (killAt === 0 && d.toString().includes('ready')) setTimeout(() => p.kill('SIGKILL'), delayMs);
      });
      p.on('error', reject);
      p.on('exit', (code, signal) => (code === 2 ? reject(new Error(err)) : resolve({ code, signal })));
    });
  }

  it(`is all or nothing, ${RUNS} times; re-import then applies exactly once`, async () => {
    expect(ops).toBeGreaterThan(50);
    expect(before).not.toBe(after);
    const rand = seededRandom(42);
    const outcome = { applied: 0, untouched: 0, killedInside: 0, killedAfter: 0, killedByParent: 0, finished: 0 };
    // 60 %: at a random op inside the transaction; 10 %: just after it returned; 30 %: by the parent after 0–40 ms.
    const plans = Array.from({ length: RUNS }, () => {
      const mode = rand();
      return { killAt: mode < 0.6 ? 1 + Math.floor(rand() * ops) : mode < 0.7 ? ops + 1 : 0, delay: Math.floor(rand() * 40) };
    });
    const run = async (i: number) => {
      const { killAt, delay } = plans[i]!;
      const dir = join(t.dir, `run-${i}`);
      cpSync(base, dir, { recursive: true });
      const exit = await runChild(dir, killAt, delay);
      if (exit.signal === 'SIGKILL') {
        if (killAt === 0) outcome.killedByParent++;
        else if (killAt > ops) outcome.killedAfter++;
        else outcome.killedInside++;
      } else outcome.finished++;

      const core = await openLaptop(dir);
      const ctx = core.context();
      const h = contentHash(ctx.db);
      expect([before, after]).toContain(h);
      const again = importBundle(ctx, bundle);
      if (h === before) {
        outcome.untouched++;
        expect(again).toMatchObject({ ok: true, applied });
        expect(again.duplicate).toBeFalsy();
      } else {
        outcome.applied++;
        expect(again).toMatchObject({ ok: true, applied: 0, duplicate: true });
      }
      expect(contentHash(ctx.db)).toBe(after);
      expect(importBundle(ctx, bundle)).toMatchObject({ duplicate: true });
      expect(contentHash(ctx.db)).toBe(after);
      core.lock('manual');
      rmSync(dir, { recursive: true, force: true });
    };
    // Two at a time: each run waits mostly on its child process.
    let next = 0;
    const worker = async () => {
      while (next < RUNS) await run(next++);
    };
    await Promise.all([worker(), worker()]);
    console.log(
      `sync kill: ${RUNS} imports of a ${ops}-op bundle killed (inside the transaction ${outcome.killedInside}, just after it ${outcome.killedAfter}, by the parent at a random moment ${outcome.killedByParent}, finished before the kill ${outcome.finished}); afterwards wholly applied ${outcome.applied}, untouched ${outcome.untouched}, partial 0; re-import applied exactly once in all ${RUNS}`,
    );
    expect(outcome.applied + outcome.untouched).toBe(RUNS);
    expect(outcome.killedInside).toBeGreaterThan(0);
  }, 120_000);
});
