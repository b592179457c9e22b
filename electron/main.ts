/**
 * The Electron main process: lifecycle, one window, the app:// protocol, IPC, and the office core.
 * Never logs personal data: only fixed sentences and error codes.
 */
import { existsSync, chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { IPC_EVENT_PREFIX } from '../db/contract';
import { fillDemoOffice } from '../db/demo/office';
import { OfficeHost } from '../db/office-host';
import { scheduleForCore, TICK_MS, type SyncScheduler } from '../db/sync/schedule';
import { makeFrameCheck, registerIpc } from './ipc';
import { installAppProtocol, registerAppScheme } from './protocol';
import { electronShellPort } from './shell-port';
import { APP_ENTRY_URL, denyAllPermissions, hardenWebContents, isAppUrl, isSafeExternalUrl } from './security';

const IDLE_CHECK_MS = 15_000;
/** The export at quit may take this long before the app quits anyway. */
const QUIT_EXPORT_MS = 20_000;

let mainWindow: BrowserWindow | null = null;
let core: OfficeHost | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let scheduler: SyncScheduler | null = null;
let scheduleTimer: NodeJS.Timeout | null = null;
let quitExportStarted = false;

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/** better_sqlite3.node built for Electron's ABI; the Node build in node_modules is for tests. */
function nativeBindingPath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
}

function prepareDataDir(): string {
  const dir = app.getPath('userData');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode alone.
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
  return dir;
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ role: 'editMenu' });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: view });
  template.push({ role: 'windowMenu' });
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  // Office laptops are often 1366×768: fit the work area (taskbar excluded) rather than overflow it.
  const area = screen.getPrimaryDisplay().workAreaSize;
  const win = new BrowserWindow({
    width: Math.min(1280, area.width),
    height: Math.min(800, area.height),
    minWidth: Math.min(1024, area.width),
    minHeight: Math.min(600, area.height),
    show: false,
    title: 'Hogo Case',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function sendEvent(event: string, payload: unknown): void {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return;
  win.webContents.send(IPC_EVENT_PREFIX + event, payload);
}

function focusMainWindow(): void {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function shutdown(): void {
  if (idleTimer !== null) {
    clearInterval(idleTimer);
    idleTimer = null;
  }
  if (scheduleTimer !== null) {
    clearInterval(scheduleTimer);
    scheduleTimer = null;
  }
  if (core !== null) {
    const c = core;
    core = null;
    try {
      c.close();
    } catch {
      console.error('hogo-case: closing the office database failed');
    }
  }
}

/** Quitting while unlocked first writes one last sync export (bounded in time), then quits. */
function onBeforeQuit(event: { preventDefault: () => void }): void {
  const s = scheduler;
  if (quitExportStarted || s === null || core === null || !core.real.isUnlocked()) {
    shutdown();
    return;
  }
  event.preventDefault();
  quitExportStarted = true;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_EXPORT_MS));
  void Promise.race([s.atQuit().then(() => undefined), timeout])
    .catch(() => console.error('hogo-case: the export at quit failed'))
    .finally(() => app.quit());
}

async function onReady(): Promise<void> {
  const nativeBinding = nativeBindingPath();
  if (!existsSync(nativeBinding)) {
    if (app.isPackaged) {
      fatal('Hogo Case cannot start', 'The database module is missing from this installation. Please reinstall Hogo Case.');
    } else {
      fatal(
        'Database module not built for Electron',
        `${nativeBinding} does not exist. Run "npm run native:electron" and start again.`,
      );
    }
    return;
  }

  let host: OfficeHost;
  try {
    host = new OfficeHost(
      {
        dataDir: prepareDataDir(),
        migrationsDir: path.join(__dirname, 'migrations'),
        nativeBinding,
        onEvent: (event, payload) => sendEvent(event, payload),
        shell: electronShellPort(dialog, () => mainWindow),
      },
      (demo, scale, progress) => fillDemoOffice(demo, scale, progress).then(() => undefined),
    );
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    console.error(`hogo-case: the office core failed to start${typeof code === 'string' ? ` (${code})` : ''}`);
    fatal('Hogo Case cannot start', 'The office data could not be opened.');
    return;
  }
  core = host;
  idleTimer = setInterval(() => core?.checkIdle(), IDLE_CHECK_MS);
  // Scheduled sync export and backups (db/sync/schedule.ts) for the real office, never the demo.
  const schedule = scheduleForCore(host.real);
  scheduler = schedule;
  scheduleTimer = setInterval(() => void schedule.tick(), TICK_MS);

  denyAllPermissions(session.defaultSession);
  installAppProtocol(session.defaultSession.protocol, path.join(__dirname, '..', 'renderer'));

  const dispatch = host.dispatch;
  registerIpc(
    ipcMain,
    dispatch,
    makeFrameCheck(isAppUrl, () => {
      const win = mainWindow;
      return win === null || win.isDestroyed() ? null : win.webContents.mainFrame;
    }),
  );

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
}

function main(): void {
  // Lets the Electron end-to-end tests use a throw-away profile; ignored in the packaged app.
  // Set before the lock, which lives in the profile folder.
  const testUserData = process.env.HOGO_CASE_USER_DATA;
  if (!app.isPackaged && testUserData) app.setPath('userData', path.resolve(testUserData));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);

  // Before 'ready': privileged scheme, and every renderer sandboxed whatever its options say.
  registerAppScheme(protocol);
  app.enableSandbox();

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : undefined));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', onBeforeQuit);
  app.on('activate', () => {
    if (core !== null && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  app
    .whenReady()
    .then(onReady)
    .catch(() => {
      console.error('hogo-case: start-up failed');
      fatal('Hogo Case cannot start', 'An unexpected error stopped the start-up.');
    });
}

main();
