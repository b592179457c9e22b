/**
 * Packs an unpacked Linux app offline with the real build/electron-builder.yml, in a temporary
 * copy of the project with stand-in build outputs, stand-in dependencies and a stand-in Electron
 * distribution whose "binary" carries a genuine fuse wire — so the fuses electron-builder flips
 * can be read back with @electron/fuses exactly as on a real binary.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, Platform, build, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../build/scripts/electron-bundles.mjs';

const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
const ymlPath = path.join(projectRoot, 'build', 'electron-builder.yml');
const SQLITE_PKG = 'better-sqlite3-multiple-ciphers';

/** The yml as data (js-yaml is electron-builder's own parser). */
function loadYml(): Configuration & Record<string, unknown> {
  const yaml = createRequire(requireFromProject.resolve('app-builder-lib/package.json'))('js-yaml') as {
    load(text: string): unknown;
  };
  return yaml.load(readFileSync(ymlPath, 'utf8')) as Configuration & Record<string, unknown>;
}

function write(file: string, content: string | Buffer, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mode !== undefined) chmodSync(file, mode);
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(requireFromProject.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;
}

/**
 * A stand-in for the Electron zip's contents. The fuse wire follows @electron/fuses' format:
 * sentinel, version byte, length byte, one '0'/'1' byte per fuse (Electron's defaults here).
 */
function makeElectronDist(dir: string): void {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const defaults = '101100011'; // RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, …
  const binary = Buffer.concat([
    Buffer.from('\x7fELF stand-in for the Electron binary\n'),
    Buffer.alloc(4096, 0),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults, 'ascii'),
    Buffer.alloc(4096, 0),
  ]);
  write(path.join(dir, 'electron'), binary, 0o755);
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  for (const locale of ['en-US', 'ja', 'de', 'fr']) write(path.join(dir, 'locales', `${locale}.pak`), locale);
  write(path.join(dir, 'LICENSE'), 'MIT');
  write(path.join(dir, 'version'), installedVersion('electron'));
}

/** A project copy: real package.json, stand-in outputs, and node_modules for the production deps. */
function makeProject(dir: string, nativeArch = 'x64'): void {
  cpSync(path.join(projectRoot, 'package.json'), path.join(dir, 'package.json'));
  cpSync(ymlPath, path.join(dir, 'build', 'electron-builder.yml'));
  cpSync(path.join(projectRoot, 'build', 'icons'), path.join(dir, 'build', 'icons'), { recursive: true });

  write(path.join(dir, 'dist', 'electron', 'main.cjs'), "'use strict';\n// stand-in main\n");
  write(path.join(dir, 'dist', 'electron', 'preload.cjs'), "'use strict';\n// stand-in preload\n");
  write(path.join(dir, 'dist', 'electron', 'report-worker.cjs'), "'use strict';\n// stand-in report worker\n");
  write(path.join(dir, 'dist', 'electron', 'import-worker.cjs'), "'use strict';\n// stand-in import worker\n");
  write(path.join(dir, 'dist', 'electron', 'migrations', '0001_foundation.sql'), '-- stand-in\n');
  write(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Hogo Case</title>');
  write(path.join(dir, 'dist', 'renderer', 'assets', 'index.js'), 'export {};\n');
  write(path.join(dir, 'dist', 'renderer', 'assets', 'index.js.map'), '{}');
  write(path.join(dir, '.native', 'electron', 'better_sqlite3.node'), 'electron-abi stand-in');
  write(
    path.join(dir, '.native', 'electron', 'build-info.json'),
    JSON.stringify({ electron: installedVersion('electron'), platform: 'linux', arch: nativeArch }),
  );

  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const nm = path.join(dir, 'node_modules');
  // Everything except the SQLite package is bundled; tiny stand-ins prove electron-builder leaves them out.
  for (const name of [...Object.keys(pkg.dependencies), 'prebuild-install']) {
    if (name === SQLITE_PKG) continue;
    write(path.join(nm, name, 'package.json'), JSON.stringify({ name, version: installedVersion(name), main: 'index.js' }));
    write(path.join(nm, name, 'index.js'), 'module.exports = {};\n');
  }
  for (const name of ['bindings', 'file-uri-to-path']) {
    cpSync(path.dirname(requireFromProject.resolve(`${name}/package.json`)), path.join(nm, name), { recursive: true });
  }
  const sqliteSrc = path.dirname(requireFromProject.resolve(`${SQLITE_PKG}/package.json`));
  const sqliteDst = path.join(nm, SQLITE_PKG);
  for (const entry of ['package.json', 'LICENSE', 'lib']) {
    cpSync(path.join(sqliteSrc, entry), path.join(sqliteDst, entry), { recursive: true });
  }
  // What must not ship: the Node-ABI build and the C sources.
  write(path.join(sqliteDst, 'build', 'Release', 'better_sqlite3.node'), 'node-abi stand-in');
  write(path.join(sqliteDst, 'src', 'better_sqlite3.cpp'), '// stand-in');
  write(path.join(sqliteDst, 'deps', 'sqlite3', 'sqlite3.c'), '/* stand-in */');
  write(path.join(sqliteDst, 'binding.gyp'), '{}');
}

describe('build/electron-builder.yml', () => {
  const yml = loadYml();

  it('packs into an asar, ships our Electron-ABI module and never rebuilds node_modules', () => {
    expect(yml.asar).toBe(true);
    expect(yml.npmRebuild).toBe(false);
    expect(yml.extraResources).toEqual([{ from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    expect(yml.productName).toBe('Hogo Case');
    expect(yml.directories).toMatchObject({ output: 'release', buildResources: 'build' });
  });

  it('flips the security fuses', () => {
    expect(yml.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('targets AppImage + deb, NSIS and DMG, with icons that exist', () => {
    expect(yml.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(yml.win).toMatchObject({ target: ['nsis'] });
    expect(yml.mac).toMatchObject({ target: ['dmg'] });
    for (const size of [256, 512]) {
      const png = readFileSync(path.join(projectRoot, 'build', 'icons', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});

/** Packs the project in `work` for linux-x64 into work/out with the real yml. */
function packLinuxX64(work: string, project: string) {
  const electronDist = path.join(work, 'electron-dist');
  makeElectronDist(electronDist);
  return build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      extends: 'build/electron-builder.yml',
      electronDist,
      electronVersion: installedVersion('electron'),
      directories: { output: path.join(work, 'out'), buildResources: 'build' },
    },
  });
}

describe('offline Linux pack (dir target)', () => {
  let work: string;
  let appOutDir: string;
  let asarPath: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'hogo-pack-'));
    const project = path.join(work, 'project');
    makeProject(project);
    await packLinuxX64(work, project);
    appOutDir = path.join(work, 'out', 'linux-unpacked');
    asarPath = path.join(appOutDir, 'resources', 'app.asar');
  }, 90_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('puts the app into resources/app.asar with package.json and the bundles', () => {
    expect(existsSync(asarPath)).toBe(true);
    const files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/report-worker.cjs',
      '/dist/electron/import-worker.cjs',
      '/dist/electron/migrations/0001_foundation.sql',
      '/dist/renderer/index.html',
      '/dist/renderer/assets/index.js',
      `/node_modules/${SQLITE_PKG}/package.json`,
      `/node_modules/${SQLITE_PKG}/lib/index.js`,
      `/node_modules/${SQLITE_PKG}/lib/database.js`,
      '/node_modules/bindings/bindings.js',
      '/node_modules/file-uri-to-path/index.js',
    ]) {
      expect(files, f).toContain(f);
    }
    const packed = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(packed.main).toBe('dist/electron/main.cjs');
  });

  it('leaves out source maps, bundled dependencies and the Node-ABI SQLite build', () => {
    const files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([]);
    for (const dep of ['react', 'react-dom', 'zod', 'i18next', 'date-fns', 'prebuild-install']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${dep}/`)), dep).toBe(false);
    }
    for (const part of ['build', 'src', 'deps', 'binding.gyp']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${SQLITE_PKG}/${part}`)), part).toBe(false);
    }
    expect(existsSync(path.join(appOutDir, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it('places the Electron-ABI native module outside the asar', () => {
    const native = path.join(appOutDir, 'resources', 'native', 'better_sqlite3.node');
    expect(readFileSync(native, 'utf8')).toBe('electron-abi stand-in');
  });

  it('names the executable and keeps only the Japanese and English locales', () => {
    expect(existsSync(path.join(appOutDir, 'hogo-case'))).toBe(true);
    expect(readdirSync(path.join(appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'ja.pak']);
  });

  it('flips the fuses in the packed binary', async () => {
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'hogo-case'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});

describe('packaging guard (beforePack)', () => {
  it('refuses a native module built for another architecture', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'hogo-pack-guard-'));
    try {
      const project = path.join(work, 'project');
      makeProject(project, 'arm64');
      await expect(packLinuxX64(work, project)).rejects.toThrow(/linux-arm64.*linux-x64.*npm run native:electron/s);
      expect(existsSync(path.join(work, 'out', 'linux-unpacked', 'resources', 'app.asar'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 90_000);
});
