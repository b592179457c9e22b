// Where the Electron binary is, or null when `npm ci` could not download it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function findElectronBinary() {
  let binary;
  try {
    // The electron package's main export is the path of its downloaded binary; it throws when
    // the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD) or failed.
    binary = require('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && existsSync(binary) ? binary : null;
}

export function electronVersion() {
  return require('electron/package.json').version;
}

export const MISSING_ELECTRON_MESSAGE =
  'The Electron binary is not installed in node_modules/electron (its download was skipped or failed), ' +
  'so the app cannot start here: on a machine that can download Electron, run `npm ci` without ' +
  'ELECTRON_SKIP_BINARY_DOWNLOAD, then `npm run native:electron`, then `npm start`.';
