// npm start: build, make sure the Electron-ABI native module exists, then run Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MISSING_ELECTRON_MESSAGE, electronVersion, findElectronBinary } from './electron-binary.mjs';
import { projectRoot } from './electron-bundles.mjs';

const electron = findElectronBinary();
if (electron === null) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const result = spawnSync(npm, args, { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`start: \`npm ${args.join(' ')}\` failed; fix the error above and run \`npm start\` again.`);
    process.exit(result.status ?? 1);
  }
}

/** True when .native/electron holds a build for this Electron version and architecture. */
function nativeBuildIsCurrent() {
  const dir = path.join(projectRoot, '.native', 'electron');
  if (!existsSync(path.join(dir, 'better_sqlite3.node'))) return false;
  try {
    const info = JSON.parse(readFileSync(path.join(dir, 'build-info.json'), 'utf8'));
    return info.electron === electronVersion() && info.platform === process.platform && info.arch === process.arch;
  } catch {
    return false;
  }
}

run(['run', 'build']);
if (!nativeBuildIsCurrent()) run(['run', 'native:electron']);

// ELECTRON_RUN_AS_NODE inherited from a parent tool would start Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [projectRoot], { cwd: projectRoot, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
