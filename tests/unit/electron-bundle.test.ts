import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importWorkerOptions, mainOptions, preloadOptions, reportWorkerOptions } from '../../build/scripts/electron-bundles.mjs';

async function bundle(options: BuildOptions): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const file = result.outputFiles?.[0];
  if (!file || !result.metafile) throw new Error('esbuild produced no output');
  return { code: file.text, metafile: result.metafile };
}

function runtimeImports(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
}

describe('preload bundle', () => {
  it('is CommonJS and requires nothing but electron (no zod, no Node built-ins)', async () => {
    const { code, metafile } = await bundle(preloadOptions);
    expect(preloadOptions.format).toBe('cjs');
    expect(runtimeImports(metafile)).toEqual(['electron']);
    expect(Object.keys(metafile.inputs)).toEqual(['electron/preload.ts']);
    expect(code).not.toMatch(/\bzod\b/);
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\s+[\w{*]/);
    expect(code).toContain('exposeInMainWorld("api"');
  });
});

describe('main bundle', () => {
  it('is strict CommonJS; only electron and the SQLite package stay external', async () => {
    const { code, metafile } = await bundle(mainOptions);
    expect(code.startsWith("'use strict';")).toBe(true);
    const external = runtimeImports(metafile).filter((p) => !builtinModules.includes(p.replace(/^node:/, '')));
    expect([...new Set(external)].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'electron']);
    // db/ (ESM) resolves files relative to import.meta.url: it must be real in the CJS bundle.
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });
});

describe('report worker bundle', () => {
  it('is strict CommonJS beside main.cjs; only the SQLite package stays external', async () => {
    const { code, metafile } = await bundle(reportWorkerOptions);
    expect(code.startsWith("'use strict';")).toBe(true);
    expect(path.dirname(reportWorkerOptions.outfile)).toBe(path.dirname(mainOptions.outfile ?? ''));
    const external = runtimeImports(metafile).filter((p) => !builtinModules.includes(p.replace(/^node:/, '')));
    expect([...new Set(external)]).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(code).not.toMatch(/\bimport\.meta\b/);
    // The main bundle starts it by this file name (db/reports/worker-host.ts).
    expect((await bundle(mainOptions)).code).toContain(`"${path.basename(reportWorkerOptions.outfile)}"`);
  });
});

describe('import worker bundle', () => {
  it('is strict CommonJS beside main.cjs; only the SQLite package stays external', async () => {
    const { code, metafile } = await bundle(importWorkerOptions);
    expect(code.startsWith("'use strict';")).toBe(true);
    expect(path.dirname(importWorkerOptions.outfile)).toBe(path.dirname(mainOptions.outfile ?? ''));
    const external = runtimeImports(metafile).filter((p) => !builtinModules.includes(p.replace(/^node:/, '')));
    expect([...new Set(external)]).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(code).not.toMatch(/\bimport\.meta\b/);
    // The worker runs the same import code as the in-process path.
    expect(Object.keys(metafile.inputs)).toContain('db/sync/import.ts');
    // The main bundle starts it by this file name (db/sync/import-worker-host.ts).
    expect((await bundle(mainOptions)).code).toContain(`"${path.basename(importWorkerOptions.outfile)}"`);
  });
});
