// electron-builder beforePack hook: refuse to package without a native SQLite module built for
// this Electron version, platform and architecture (.native/electron, from `npm run native:electron`).
// Without it the installed app could not open its database.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // builder-util's Arch enum order

exports.default = async function beforePack(context) {
  const { packager, electronPlatformName } = context;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const platform = electronPlatformName === 'mas' ? 'darwin' : electronPlatformName;
  const electron = packager.config.electronVersion;
  const dir = path.join(packager.projectDir, '.native', 'electron');
  const wanted = `Electron ${electron} on ${platform}-${arch}`;

  if (!existsSync(path.join(dir, 'better_sqlite3.node'))) {
    throw new Error(`.native/electron/better_sqlite3.node is missing: run \`npm run native:electron\` on ${platform}-${arch} before packaging.`);
  }
  let info;
  try {
    info = JSON.parse(readFileSync(path.join(dir, 'build-info.json'), 'utf8'));
  } catch {
    throw new Error('.native/electron/build-info.json is missing or unreadable: run `npm run native:electron` again.');
  }
  if (info.electron !== electron || info.platform !== platform || info.arch !== arch) {
    throw new Error(
      `.native/electron holds a build for Electron ${info.electron} on ${info.platform}-${info.arch}, ` +
        `but this package is for ${wanted}: run \`npm run native:electron\` on a matching machine.`,
    );
  }
};
