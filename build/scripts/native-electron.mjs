// npm run native:electron — builds better-sqlite3-multiple-ciphers for Electron's ABI into
// .native/electron/better_sqlite3.node. The build runs in a temporary copy of the package, so the
// Node build in node_modules (used by `npm test`) is never touched.
//
// Options: --arch=<x64|arm64|…> (default: this machine). Environment: ELECTRON_HEADERS_DIR=<dir>
// uses already unpacked Electron headers instead of downloading them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronVersion } from './electron-binary.mjs';
import { projectRoot } from './electron-bundles.mjs';

const require = createRequire(import.meta.url);
const HEADERS_URL = 'https://electronjs.org/headers';
const PROBE_TIMEOUT_MS = 15_000;
const BUILD_TIMEOUT_MS = 20 * 60_000;

function fail(message) {
  console.error(`native:electron: ${message}`);
  process.exit(1);
}

const archArg = process.argv.find((a) => a.startsWith('--arch='));
const arch = archArg ? archArg.slice('--arch='.length) : process.arch;
const version = electronVersion();
const pkgDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const pkgVersion = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const outDir = path.join(projectRoot, '.native', 'electron');
const devDir = path.join(projectRoot, '.native', 'node-gyp');
const headersDir = process.env.ELECTRON_HEADERS_DIR;

if (headersDir && !existsSync(path.join(headersDir, 'include', 'node', 'node.h'))) {
  fail(`ELECTRON_HEADERS_DIR=${headersDir} does not contain include/node/node.h.`);
}

// node-gyp's own download has no overall timeout; find out quickly whether the headers are reachable.
// Node's fetch ignores proxy settings, so behind a proxy leave the download to node-gyp (which
// honours them) under the overall build timeout.
const cached = existsSync(path.join(devDir, version, 'installVersion'));
const proxied = ['https_proxy', 'HTTPS_PROXY', 'npm_config_https_proxy', 'npm_config_proxy'].some((k) => process.env[k]);
if (!headersDir && !cached && !proxied) {
  const url = `${HEADERS_URL}/v${version}/node-v${version}-headers.tar.gz`;
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    fail(
      `cannot download the Electron ${version} headers from ${HEADERS_URL} (${reason}); run this on a machine ` +
        'with internet access, or set ELECTRON_HEADERS_DIR to unpacked headers of that version. ' +
        'Nothing was changed.',
    );
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'hogo-native-'));
try {
  build();
} catch (e) {
  console.error(`native:electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

function build() {
  const src = path.join(work, 'better-sqlite3-multiple-ciphers');
  cpSync(pkgDir, src, {
    recursive: true,
    filter: (p) => {
      const rel = path.relative(pkgDir, p).split(path.sep);
      return rel[0] !== 'build' && rel[0] !== 'node_modules';
    },
  });

  const args = [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${version}`,
    `--arch=${arch}`,
    '--runtime=electron',
    `--dist-url=${HEADERS_URL}`,
    `--devdir=${devDir}`,
    ...(headersDir ? [`--nodedir=${headersDir}`] : []),
  ];
  console.log(`native:electron: building better-sqlite3-multiple-ciphers ${pkgVersion} for Electron ${version} (${arch})…`);
  const result = spawnSync(process.execPath, args, {
    cwd: src,
    stdio: 'inherit',
    timeout: BUILD_TIMEOUT_MS,
    env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version },
  });
  if (result.error) throw new Error(`node-gyp could not run (${result.error.message}).`);
  if (result.status !== 0) throw new Error('node-gyp failed (see its output above); node_modules was not changed.');

  const built = path.join(src, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error('node-gyp finished but produced no build/Release/better_sqlite3.node.');
  checkAbi(built);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
  writeFileSync(
    path.join(outDir, 'build-info.json'),
    `${JSON.stringify({ electron: version, platform: process.platform, arch, package: pkgVersion }, null, 2)}\n`,
  );
  console.log(`native:electron: wrote ${path.relative(projectRoot, path.join(outDir, 'better_sqlite3.node'))}`);
}

/**
 * Guards against headers of the wrong runtime (e.g. a wrong ELECTRON_HEADERS_DIR): Node refuses
 * a foreign addon naming its NODE_MODULE_VERSION, so loading it here must fail with Electron's.
 */
function checkAbi(file) {
  const expected = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
  const probe = spawnSync(
    process.execPath,
    ['-e', 'try { process.dlopen({ exports: {} }, process.argv[1]); console.log("LOADED"); } catch (e) { console.log(e.message); }', file],
    { encoding: 'utf8', timeout: 30_000 },
  );
  const out = probe.stdout ?? '';
  if (out.includes('LOADED')) {
    throw new Error(`the module was built for Node ${process.versions.node}, not for Electron ${version}; check the headers.`);
  }
  const found = /NODE_MODULE_VERSION (\d+)/.exec(out)?.[1];
  if (found !== undefined && found !== expected) {
    throw new Error(`the module has ABI ${found}, Electron ${version} needs ${expected}; check the headers.`);
  }
}
