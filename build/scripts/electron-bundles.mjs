// esbuild options for the Electron bundles (main, preload, report and import workers), shared by build-electron.mjs and the unit tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outDir = path.join(projectRoot, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 41 ships Node 24; node22 keeps the output conservative.
  target: 'node22',
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
};

export const mainOptions = {
  ...common,
  entryPoints: [path.join(projectRoot, 'electron', 'main.ts')],
  outfile: path.join(outDir, 'main.cjs'),
  // The native module's JS ships in node_modules; its .node file is our Electron-ABI build.
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  // db/ is ESM and may use import.meta.url; give the CommonJS bundle a real one (main.cjs's own URL).
  define: { 'import.meta.url': '__hogoImportMetaUrl' },
  banner: { js: "'use strict';\nconst __hogoImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export const preloadOptions = {
  ...common,
  // A sandboxed preload runs in a renderer with only a small require(): CommonJS, electron only.
  platform: 'browser',
  target: 'chrome130',
  entryPoints: [path.join(projectRoot, 'electron', 'preload.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  external: ['electron'],
};

// The report worker thread (db/reports/worker.ts), started by main.cjs from the same folder.
export const reportWorkerOptions = {
  ...common,
  entryPoints: [path.join(projectRoot, 'db', 'reports', 'worker.ts')],
  outfile: path.join(outDir, 'report-worker.cjs'),
  external: ['better-sqlite3-multiple-ciphers'],
  define: mainOptions.define,
  banner: mainOptions.banner,
};

// The sync import worker thread (db/sync/import-worker.ts), started by main.cjs from the same folder.
export const importWorkerOptions = {
  ...reportWorkerOptions,
  entryPoints: [path.join(projectRoot, 'db', 'sync', 'import-worker.ts')],
  outfile: path.join(outDir, 'import-worker.cjs'),
};
