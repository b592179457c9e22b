/**
 * Runs the real bundled main process (dist-style main.cjs, built into a temp folder with the same
 * esbuild options as `npm run build:electron`) against a stand-in 'electron' module, with the
 * real office core and the Node build of SQLite. No Electron binary is needed.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importWorkerOptions, mainOptions, projectRoot, reportWorkerOptions } from '../../build/scripts/electron-bundles.mjs';
import { CHANNELS, IPC_PREFIX } from '../../db/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

type AnyFn = (...args: unknown[]) => unknown;

interface FakeWindow {
  options: { width?: number; height?: number; minWidth?: number; webPreferences?: Record<string, unknown> };
  loadURL: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  webContents: {
    mainFrame: { url: string };
    send: ReturnType<typeof vi.fn>;
    setWindowOpenHandler: ReturnType<typeof vi.fn>;
  };
}

function fakeElectron(opts: { appPath: string; userData: string; packaged?: boolean; lock?: boolean }) {
  const order: string[] = [];
  const appListeners = new Map<string, AnyFn[]>();
  const ipcHandlers = new Map<string, AnyFn>();
  const windows: FakeWindow[] = [];
  let protocolHandler: ((req: Request) => Promise<Response>) | null = null;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  let userData = opts.userData;
  const emitApp = (name: string, ...args: unknown[]) => {
    for (const l of appListeners.get(name) ?? []) l({ preventDefault: () => undefined }, ...args);
  };

  const app = {
    isPackaged: opts.packaged ?? false,
    getPath: (name: string) => (name === 'userData' ? userData : os.tmpdir()),
    setPath: (name: string, value: string) => {
      if (name === 'userData') userData = value;
    },
    getAppPath: () => opts.appPath,
    requestSingleInstanceLock: vi.fn(() => {
      order.push('requestSingleInstanceLock');
      return opts.lock ?? true;
    }),
    on: (name: string, listener: AnyFn) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
      return app;
    },
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    whenReady: () => {
      order.push('whenReady');
      return ready;
    },
  };

  class BrowserWindow implements FakeWindow {
    options: FakeWindow['options'];
    loadURL = vi.fn(async () => undefined);
    focus = vi.fn();
    webContents = {
      mainFrame: { url: 'app://renderer/index.html' },
      send: vi.fn(),
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    };
    constructor(options: FakeWindow['options']) {
      this.options = options;
      windows.push(this);
      emitApp('web-contents-created', this.webContents);
    }
    static getAllWindows = () => windows;
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
  }

  const menuTemplates: unknown[] = [];
  const electron = {
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (t: unknown) => (menuTemplates.push(t), { template: t }),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showErrorBox: vi.fn() },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
    ipcMain: {
      handle: (channel: string, listener: AnyFn) => {
        ipcHandlers.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    },
    session: {
      defaultSession: {
        protocol: {
          handle: vi.fn((scheme: string, handler: (req: Request) => Promise<Response>) => {
            if (scheme === 'app') protocolHandler = handler;
          }),
        },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };

  return {
    electron,
    order,
    windows,
    ipcHandlers,
    menuTemplates,
    emitApp,
    becomeReady: async () => {
      resolveReady();
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    },
    protocolHandler: () => protocolHandler,
    userData: () => userData,
  };
}

let work: string;
let mainCjs: string;
const nodeRequire = createRequire(import.meta.url);

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'hogo-main-'));
  const out = path.join(work, 'dist', 'electron');
  mainCjs = path.join(out, 'main.cjs');
  await build({ ...mainOptions, outfile: mainCjs, logLevel: 'error' });
  await build({ ...reportWorkerOptions, outfile: path.join(out, 'report-worker.cjs'), logLevel: 'error' });
  await build({ ...importWorkerOptions, outfile: path.join(out, 'import-worker.cjs'), logLevel: 'error' });
  cpSync(path.join(projectRoot, 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
  mkdirSync(path.join(work, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(work, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Hogo</title>');
  // Resolve 'electron' and better-sqlite3-multiple-ciphers from the project, as in `npm start`.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(work, 'node_modules'), 'dir');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.HOGO_CASE_USER_DATA;
});

/** Runs main.cjs once with the given stand-in electron module. */
function runMain(fake: ReturnType<typeof fakeElectron>): void {
  const req = createRequire(mainCjs);
  const electronId = req.resolve('electron');
  const cache = nodeRequire.cache;
  delete cache[mainCjs];
  cache[electronId] = { id: electronId, filename: electronId, loaded: true, exports: fake.electron } as NodeJS.Module;
  try {
    req(mainCjs);
  } finally {
    delete cache[electronId];
    delete cache[mainCjs];
  }
}

/** A project folder holding the Electron-ABI module where main.ts looks for it in development. */
function devAppPath(withNative: boolean): string {
  const dir = mkdtempSync(path.join(work, 'app-'));
  if (withNative) {
    mkdirSync(path.join(dir, '.native', 'electron'), { recursive: true });
    // Under Node the Node build stands in for the Electron one; only the path wiring is tested.
    const nodeBuild = createRequire(path.join(projectRoot, 'package.json')).resolve(
      'better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    );
    copyFileSync(nodeBuild, path.join(dir, '.native', 'electron', 'better_sqlite3.node'));
  }
  return dir;
}

function call(fake: ReturnType<typeof fakeElectron>, channel: string, frame: { url: string } | null, input: unknown) {
  const handler = fake.ipcHandlers.get(IPC_PREFIX + channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: frame }, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

describe('electron main process (bundled, stand-in electron)', () => {
  it('wires a hardened window, app://, IPC and the office core', async () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const userData = path.join(work, 'profile-a', 'Hogo Case');
    const fake = fakeElectron({ appPath: devAppPath(true), userData });
    runMain(fake);

    // Before ready: single-instance lock, privileged scheme, global sandbox.
    expect(fake.order).toEqual(['requestSingleInstanceLock', 'registerSchemesAsPrivileged', 'enableSandbox', 'whenReady']);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows).toHaveLength(0);

    await fake.becomeReady();

    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0] as FakeWindow;
    // Fits a 1366×768 screen's work area.
    expect(win.options).toMatchObject({ width: 1280, height: 728, minWidth: 1024 });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
      preload: path.join(path.dirname(mainCjs), 'preload.cjs'),
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalledTimes(1);

    // Data folder private to the user.
    expect(statSync(userData).mode & 0o777).toBe(0o700);

    // Permissions denied on the default session.
    const ses = fake.electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();

    // app:// serves dist/renderer with the CSP header.
    const handler = fake.protocolHandler();
    expect(handler).not.toBeNull();
    const res = await handler?.(new Request('app://renderer/index.html'));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    // Every contract channel is handled; the sender frame is checked against the window.
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    const mainFrame = win.webContents.mainFrame;
    await expect(call(fake, 'session.status', mainFrame, {})).resolves.toMatchObject({
      ok: true,
      value: { state: 'no-office' },
    });
    const foreign = await call(fake, 'session.status', { url: 'app://renderer/index.html' }, {});
    expect(foreign.error?.code).toBe('FORBIDDEN_SENDER');

    // First run through IPC: the core writes into userData with the native binding and migrations.
    const setup = await call(fake, 'session.setup', mainFrame, {
      officeName: 'Test office',
      adminLogin: 'admin',
      adminDisplayName: 'Admin',
      passphrase: 'correct horse battery staple',
    });
    expect(setup.ok).toBe(true);
    expect(typeof (setup.value as { recoveryCode?: unknown }).recoveryCode).toBe('string');
    expect(existsSync(path.join(userData, 'office.db'))).toBe(true);

    // A report runs in the bundled worker (report-worker.cjs beside main.cjs, same native binding).
    const report = await call(fake, 'reports.run', mainFrame, {
      request: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang: 'en' },
    });
    expect(report.ok).toBe(true);
    expect((report.value as { sections: { id: string }[] }).sections.map((s) => s.id)).toEqual(['caseload', 'compliance', 'drugs', 'support', 'outcomes']);
    const progress = win.webContents.send.mock.calls.filter(([name]) => name === 'event:progress').map(([, p]) => (p as { done: number }).done);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    const drill = await call(fake, 'reports.drill', mainFrame, {
      request: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang: 'en' },
      target: { figureId: 'caseload.active' },
    });
    expect(drill).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
    // A sync import runs in the bundled import worker (import-worker.cjs beside main.cjs): with no
    // sync folder chosen yet, the answer is the import's own code, not SYNC_IMPORT_FAILED.
    const imported = await call(fake, 'sync.import', mainFrame, {});
    expect(imported.error?.code).toBe('SYNC_NO_FOLDER');

    // Core events reach the window on the event channel.
    await call(fake, 'session.lock', mainFrame, {});
    expect(win.webContents.send).toHaveBeenCalledWith('event:session.locked', { reason: 'manual' });

    // Idle checks every 15 s; quitting stops them and closes the core.
    expect(setIntervalSpy.mock.calls.some(([, ms]) => ms === 15_000)).toBe(true);
    const clearSpy = vi.spyOn(globalThis, 'clearInterval');
    fake.emitApp('before-quit');
    expect(clearSpy).toHaveBeenCalled();

    fake.emitApp('second-instance');
    expect(win.focus).toHaveBeenCalled();
  }, 30_000);

  it('tells the developer to run native:electron when the Electron-ABI module is missing', async () => {
    const fake = fakeElectron({ appPath: devAppPath(false), userData: path.join(work, 'profile-b') });
    runMain(fake);
    await fake.becomeReady();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [, message] = fake.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain('npm run native:electron');
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('quits at once when another instance holds the lock', () => {
    const fake = fakeElectron({ appPath: devAppPath(true), userData: path.join(work, 'profile-c'), lock: false });
    runMain(fake);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.order).toEqual(['requestSingleInstanceLock']);
  });

  it('packaged: DevTools off, native module from resources, no test profile override', async () => {
    const resources = mkdtempSync(path.join(work, 'resources-'));
    mkdirSync(path.join(resources, 'native'));
    copyFileSync(
      path.join(devAppPath(true), '.native', 'electron', 'better_sqlite3.node'),
      path.join(resources, 'native', 'better_sqlite3.node'),
    );
    const proc = process as NodeJS.Process & { resourcesPath?: string };
    const previous = proc.resourcesPath;
    proc.resourcesPath = resources;
    process.env.HOGO_CASE_USER_DATA = path.join(work, 'must-not-be-used');
    const userData = path.join(work, 'profile-d');
    try {
      const fake = fakeElectron({ appPath: path.join(work, 'no-such-dir'), userData, packaged: true });
      runMain(fake);
      await fake.becomeReady();
      expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
      expect(fake.userData()).toBe(userData);
      const win = fake.windows[0] as FakeWindow;
      expect(win.options.webPreferences?.devTools).toBe(false);
      expect(JSON.stringify(fake.menuTemplates)).not.toContain('toggleDevTools');
      fake.emitApp('before-quit');
    } finally {
      proc.resourcesPath = previous;
    }
  });
});
