/**
 * The real Electron app (dist/electron/main.cjs + the Vite build, Electron-ABI SQLite from
 * .native/electron): first-run setup through the preload bridge, then the recovery code. Runs
 * wherever the Electron binary is installed; elsewhere it is reported as skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../build/scripts/electron-binary.mjs';
import { projectRoot } from '../../build/scripts/electron-bundles.mjs';
import { field, heading, MESSAGES, type Lang } from './messages';

const binary = findElectronBinary();
const ADMIN = { login: 'kanri', name: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };

test.describe('Electron shell', () => {
  test.skip(binary === null, 'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)');

  let app: ElectronApplication | null = null;
  let userData = '';

  test.beforeAll(() => {
    if (!existsSync(join(projectRoot, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
    }
    if (!existsSync(join(projectRoot, '.native', 'electron', 'better_sqlite3.node'))) {
      throw new Error('.native/electron/better_sqlite3.node is missing: run `npm run native:electron` first.');
    }
    const built = spawnSync(process.execPath, [join(projectRoot, 'build', 'scripts', 'build-electron.mjs')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('build-electron failed');
  });

  test.beforeEach(async () => {
    userData = mkdtempSync(join(tmpdir(), 'hogo-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    env.HOGO_CASE_USER_DATA = userData;
    app = await electron.launch({ executablePath: binary ?? undefined, args: [projectRoot], env, cwd: projectRoot });
  });

  test.afterEach(async () => {
    await app?.close();
    app = null;
    rmSync(userData, { recursive: true, force: true });
  });

  test('first run: setup, then the recovery code', async () => {
    if (!app) throw new Error('app did not start');
    const page = await app.firstWindow();
    await expect(page).toHaveURL('app://renderer/index.html');
    await page.waitForLoadState('domcontentloaded');

    // The page sees only the bridge: no Node, no require, no ipcRenderer.
    const surface = await page.evaluate(() => {
      const g = globalThis as unknown as { api: object; require?: unknown; process?: unknown };
      return { api: Object.keys(g.api).sort(), require: typeof g.require, process: typeof g.process };
    });
    expect(surface).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    // The main process sees a sandboxed renderer showing the app.
    const main = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0];
      return { windows: BrowserWindow.getAllWindows().length, url: win?.webContents.getURL() };
    });
    expect(main).toEqual({ windows: 1, url: 'app://renderer/index.html' });

    const lang: Lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ja';
    const m = MESSAGES[lang];
    await expect(heading(page, m.setup.title)).toBeVisible();
    await field(page, m, m.setup.officeName).fill('東京保護観察所');
    await field(page, m, m.fields.login).fill(ADMIN.login);
    await field(page, m, m.fields.displayName).fill(ADMIN.name);
    await field(page, m, m.fields.passphrase).fill(ADMIN.passphrase);
    await field(page, m, m.fields.passphraseConfirm).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: m.setup.submit }).click();

    await expect(heading(page, m.recovery.title)).toBeVisible({ timeout: 30_000 });
    const groups = page.locator('.recovery-group');
    await expect(groups).toHaveCount(8);
    expect((await groups.allTextContents()).join('-')).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);

    expect(existsSync(join(userData, 'office.db'))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(userData).mode & 0o777).toBe(0o700);
  });
});
