/**
 * Browser-mode harness: serves dist/renderer under a fake app origin through page.route (no network
 * listener), and bridges window.api to a real OfficeCore in this process with page.exposeFunction —
 * the same contract the Electron preload exposes. Any request outside the app origin, any console
 * error and any uncaught page error fails the test.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../db/atomic-file';
import type { Bridge, EventName, Events } from '../../db/contract';
import type { OfficeCore } from '../../db/core';
import { fillDemoOffice } from '../../db/demo/office';
import { OfficeHost } from '../../db/office-host';
import type { ShellPort } from '../../db/shell';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

export const APP_ORIGIN = 'http://app.test';
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist', 'renderer');
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
/** Cheap scrypt: the harness unlocks many times; production cost is tested in the unit tests. */
const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The page-side globals the harness and specs touch inside page.evaluate. The test programme is
 * compiled without the DOM library (it would clash with Node's types), so they are declared here.
 */
export interface PageGlobals {
  api: Bridge;
  __hogoInvoke: (channel: string, input: unknown) => Promise<unknown>;
  __hogoEmit: (event: string, payload: unknown) => void;
  localStorage: { getItem(key: string): string | null };
  document: { fonts: { ready: Promise<unknown> } };
}
export const pageGlobals = (): PageGlobals => globalThis as unknown as PageGlobals;

export interface Clock {
  now: () => number;
  advance: (ms: number) => void;
}

export interface Harness {
  page: Page;
  core: OfficeCore;
  clock: Clock;
  dataDir: string;
  /** Events the core emitted, in order. */
  events: { event: EventName; payload: unknown }[];
  /** The shell port's side of dialogs: saved files land in `downloads`, with their paths in `saved`. */
  downloads: string;
  saved: string[];
  /** Answers for the next Open-files / choose-folder dialogs (cancelled when none is queued). */
  queuePicks: (paths: string[]) => void;
  queueFolder: (path: string) => void;
  /** Loads the app (the bridge is already registered). */
  open: () => Promise<void>;
  /** Resolves once every event emitted so far has been delivered to the page. */
  flushEvents: () => Promise<void>;
  /**
   * Screenshot into tests/e2e/screenshots/<name>.png: the full page, or only the window for pages
   * whose long lists are virtualized (a full-page shot of those is mostly blank rows).
   */
  shot: (name: string, opts?: { viewportOnly?: boolean }) => Promise<void>;
}

interface Options {
  /** Runs on the empty data folder before the core starts (to lay out broken files, say). */
  prepareDataDir: { run: (dir: string) => void | Promise<void> } | null;
}

function serveFile(pathname: string): { status: number; body: Buffer; type: string } {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = resolve(DIST, rel);
  if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
    return { status: 404, body: Buffer.from('not found'), type: 'text/plain' };
  }
  return { status: 200, body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

/**
 * One app instance: a real OfficeHost on its own temp data folder, bridged into `page`. The
 * `harness` fixture makes one on the test's page; `instances` makes more, each in its own browser
 * context (the sync tests run an office and two laptops side by side).
 */
async function startInstance(
  page: Page,
  opts: { prepareDataDir: Options['prepareDataDir']; clock?: Clock },
): Promise<{ harness: Harness; problems: string[]; close: () => Promise<void> }> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does)');
  }
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'hogo-e2e-'));
  await opts.prepareDataDir?.run(dataDir);

  const problems: string[] = [];
  let t = Date.now();
  const clock: Clock = opts.clock ?? { now: () => t, advance: (ms) => void (t += ms) };
  const events: Harness['events'] = [];
  let delivery: Promise<void> = Promise.resolve();

  const downloads = mkdtempSync(join(tmpdir(), 'hogo-e2e-saved-'));
  const saved: string[] = [];
  const picks: string[][] = [];
  const folders: string[] = [];
  const shell: ShellPort = {
    saveFile: async (name, bytes) => {
      const file = join(downloads, basename(name));
      writeFileAtomic(file, bytes);
      saved.push(file);
      return file;
    },
    // Chromium's PDF of the page the test is looking at: what printToPDF gives in Electron.
    printPage: async () => new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })),
    pickFiles: async () => picks.shift() ?? [],
    chooseFolder: async () => folders.shift() ?? null,
  };

  const host = new OfficeHost(
    {
      dataDir,
      shell,
      kdf: TEST_KDF,
      now: clock.now,
      onEvent: <E extends EventName>(event: E, payload: Events[E]) => {
        events.push({ event, payload });
        const json = JSON.parse(JSON.stringify(payload)) as unknown;
        delivery = delivery
          .then(() =>
            page.evaluate(([e, p]) => (globalThis as unknown as PageGlobals).__hogoEmit(e, p), [event, json] as const),
          )
          .catch((err: unknown) => {
            if (!page.isClosed()) problems.push(`event delivery failed: ${String(err)}`);
          });
      },
    },
    (demo, scale, progress) => fillDemoOffice(demo, scale, progress).then(() => undefined),
  );
  const core = host.real;
  const dispatch = host.dispatch;

  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${APP_ORIGIN}/`) && !url.startsWith('data:')) problems.push(`request outside the app: ${url}`);
  });

  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      await route.abort('blockedbyclient');
      return;
    }
    const { status, body, type } = serveFile(url.pathname);
    if (status !== 200) problems.push(`missing app file: ${url.pathname}`);
    // The same CSP header the app:// protocol sends, on top of the page's own meta tag.
    await route.fulfill({ status, body, contentType: type, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });

  // JSON round trips keep what crosses the bridge to what IPC could carry.
  await page.exposeFunction('__hogoInvoke', async (channel: string, input: unknown) =>
    JSON.parse(JSON.stringify(await dispatch(channel, input))) as unknown,
  );
  await page.addInitScript(() => {
    type Listener = (payload: unknown) => void;
    const w = globalThis as unknown as PageGlobals;
    const listeners = new Map<string, Set<Listener>>();
    const api = Object.freeze({
      invoke: (channel: string, input: unknown) => w.__hogoInvoke(channel, input),
      on: (event: string, listener: Listener) => {
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        set.add(listener);
        return () => void set.delete(listener);
      },
    });
    Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false });
    Object.defineProperty(globalThis, '__hogoEmit', {
      value: (event: string, payload: unknown) => {
        for (const l of listeners.get(event) ?? []) l(payload);
      },
      writable: false,
      configurable: false,
    });
  });

  const harness: Harness = {
    page,
    core,
    clock,
    dataDir,
    events,
    downloads,
    saved,
    queuePicks: (paths) => void picks.push(paths),
    queueFolder: (path) => void folders.push(path),
    open: async () => {
      await page.goto(`${APP_ORIGIN}/index.html`);
    },
    flushEvents: async () => {
      let seen: Promise<void>;
      do {
        seen = delivery;
        await seen;
      } while (seen !== delivery);
    },
    shot: async (name, opts) => {
      // Let the caret/fonts settle so the picture shows the page as a person sees it.
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !opts?.viewportOnly });
    },
  };

  const close = async () => {
    try {
      host.close();
      await harness.flushEvents();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    }
  };
  return { harness, problems, close };
}

/** More app instances for one test, each in its own browser context with its own data folder. */
export interface Instances {
  /** Starts an instance; `clock` lets several share one fake time. Its page is not loaded yet (call open()). */
  start: (name: string, opts?: { clock?: Clock }) => Promise<Harness>;
}

export const test = base.extend<{ harness: Harness; instances: Instances } & Options>({
  prepareDataDir: [null, { option: true }],

  harness: async ({ page, prepareDataDir }, use, testInfo) => {
    const instance = await startInstance(page, { prepareDataDir });
    try {
      await use(instance.harness);
      await instance.harness.flushEvents();
    } finally {
      await instance.close();
    }
    if (instance.problems.length > 0) {
      await testInfo.attach('harness-problems', { body: instance.problems.join('\n'), contentType: 'text/plain' });
    }
    expect(instance.problems, 'requests outside the app, console errors or page errors').toEqual([]);
  },

  instances: async ({ browser, viewport, locale, timezoneId }, use, testInfo) => {
    const started: { name: string; context: BrowserContext; instance: Awaited<ReturnType<typeof startInstance>> }[] = [];
    const instances: Instances = {
      start: async (name, opts) => {
        const context = await browser.newContext({
          viewport,
          ...(locale ? { locale } : {}),
          ...(timezoneId ? { timezoneId } : {}),
        });
        const page = await context.newPage();
        const instance = await startInstance(page, { prepareDataDir: null, ...(opts?.clock ? { clock: opts.clock } : {}) });
        started.push({ name, context, instance });
        return instance.harness;
      },
    };
    const problems: string[] = [];
    try {
      await use(instances);
      for (const s of started) await s.instance.harness.flushEvents();
    } finally {
      for (const s of started) {
        await s.instance.close();
        await s.context.close();
        problems.push(...s.instance.problems.map((p) => `${s.name}: ${p}`));
      }
    }
    if (problems.length > 0) await testInfo.attach('harness-problems', { body: problems.join('\n'), contentType: 'text/plain' });
    expect(problems, 'requests outside the app, console errors or page errors').toEqual([]);
  },
});

export { expect };
