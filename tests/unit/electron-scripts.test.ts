import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_ELECTRON_MESSAGE, findElectronBinary } from '../../build/scripts/electron-binary.mjs';
import { projectRoot } from '../../build/scripts/electron-bundles.mjs';

const require = createRequire(import.meta.url);
const electronMissing = findElectronBinary() === null;

describe('npm start without the Electron binary', () => {
  it.skipIf(!electronMissing)('prints one sentence saying what is missing and what to do, and exits 1', () => {
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'build', 'scripts', 'start.mjs')], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(MISSING_ELECTRON_MESSAGE).toMatch(/npm ci/);
    expect(MISSING_ELECTRON_MESSAGE).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(MISSING_ELECTRON_MESSAGE).toMatch(/npm run native:electron/);
  });
});

describe('beforePack guard', () => {
  const hook = (require('../../build/scripts/before-pack.cjs') as { default: (ctx: unknown) => Promise<void> }).default;
  const work = mkdtempSync(path.join(os.tmpdir(), 'hogo-beforepack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function project(info: Record<string, string> | null, withBinary = true): string {
    const dir = mkdtempSync(path.join(work, 'p-'));
    const native = path.join(dir, '.native', 'electron');
    mkdirSync(native, { recursive: true });
    if (withBinary) writeFileSync(path.join(native, 'better_sqlite3.node'), 'x');
    if (info) writeFileSync(path.join(native, 'build-info.json'), JSON.stringify(info));
    return dir;
  }

  const context = (projectDir: string, arch = 1, electronPlatformName = 'linux') => ({
    packager: { projectDir, config: { electronVersion: '41.10.0' } },
    arch,
    electronPlatformName,
  });
  const good = { electron: '41.10.0', platform: 'linux', arch: 'x64' };

  it('passes a build for this Electron, platform and arch', async () => {
    await expect(hook(context(project(good)))).resolves.toBeUndefined();
  });

  it('refuses a missing module, saying what to run', async () => {
    await expect(hook(context(project(null, false)))).rejects.toThrow(/missing.*npm run native:electron/);
  });

  it('refuses a build without build-info.json', async () => {
    await expect(hook(context(project(null)))).rejects.toThrow(/build-info\.json/);
  });

  it.each([
    ['another Electron version', { ...good, electron: '40.0.0' }, 1, 'linux'],
    ['another platform', good, 1, 'win32'],
    ['another architecture', good, 3, 'linux'],
  ])('refuses a build for %s', async (_what, info, arch, platform) => {
    await expect(hook(context(project(info), arch, platform))).rejects.toThrow(/npm run native:electron/);
  });
});
