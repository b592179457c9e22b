// Bundles the Electron main process, preload, report and import workers into dist/electron and copies the migrations.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { importWorkerOptions, mainOptions, outDir, preloadOptions, projectRoot, reportWorkerOptions } from './electron-bundles.mjs';

function fail(message) {
  console.error(`build-electron: ${message}`);
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

try {
  const main = await build({ ...mainOptions, metafile: true });
  const mainImports = Object.values(main.metafile.outputs)[0]?.imports ?? [];
  const allowedMain = new Set(['electron', 'better-sqlite3-multiple-ciphers']);
  const strayMain = mainImports
    .filter((i) => i.external && !allowedMain.has(i.path) && !builtinModules.includes(i.path.replace(/^node:/, '')))
    .map((i) => i.path);
  if (strayMain.length > 0) fail(`main.cjs would require ${strayMain.join(', ')} at runtime, which the package does not ship`);
  for (const options of [reportWorkerOptions, importWorkerOptions]) {
    const worker = await build({ ...options, metafile: true });
    const strayWorker = (Object.values(worker.metafile.outputs)[0]?.imports ?? [])
      .filter((i) => i.external && i.path !== 'better-sqlite3-multiple-ciphers' && !builtinModules.includes(i.path.replace(/^node:/, '')))
      .map((i) => i.path);
    const name = path.basename(options.outfile);
    if (strayWorker.length > 0) fail(`${name} would require ${strayWorker.join(', ')} at runtime, which the package does not ship`);
  }
  const preload = await build({ ...preloadOptions, metafile: true });
  // The preload may pull nothing but 'electron' at runtime (no zod, no Node built-ins).
  const output = Object.values(preload.metafile.outputs)[0];
  const runtimeImports = (output?.imports ?? []).map((i) => i.path);
  const stray = runtimeImports.filter((p) => p !== 'electron');
  if (stray.length > 0) fail(`the preload imports ${stray.join(', ')} at runtime; only 'electron' is allowed`);
} catch (e) {
  // esbuild has already printed the diagnostics.
  fail(e instanceof Error && !('errors' in e) ? e.message : 'bundling failed');
}

const migrationsSrc = path.join(projectRoot, 'db', 'migrations');
const migrationsOut = path.join(outDir, 'migrations');
mkdirSync(migrationsOut, { recursive: true });
const migrations = readdirSync(migrationsSrc).filter((f) => f.endsWith('.sql'));
if (migrations.length === 0) fail(`no migrations found in ${path.relative(projectRoot, migrationsSrc)}`);
for (const file of migrations) copyFileSync(path.join(migrationsSrc, file), path.join(migrationsOut, file));

console.log(`build-electron: dist/electron/main.cjs, preload.cjs, report-worker.cjs, import-worker.cjs and ${migrations.length} migration(s) written`);
