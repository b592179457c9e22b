/**
 * The shell port for services (db/shell.ts), on Electron: native Save/Open dialogs attached to the
 * window, atomic 0600 writes, and printToPDF of the page the window shows.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { writeFileAtomic } from '../db/atomic-file';
import type { ShellPort } from '../db/shell';

export function electronShellPort(dialog: Dialog, window: () => BrowserWindow | null): ShellPort {
  const win = (): BrowserWindow => {
    const w = window();
    if (w === null || w.isDestroyed()) throw new Error('no window');
    return w;
  };
  return {
    async saveFile(suggestedName, bytes) {
      const r = await dialog.showSaveDialog(win(), { defaultPath: suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] });
      if (r.canceled || !r.filePath) return null;
      writeFileAtomic(r.filePath, bytes);
      return r.filePath;
    },
    async printPage() {
      const pdf = await win().webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    },
    async pickFiles(filters) {
      const r = await dialog.showOpenDialog(win(), { properties: ['openFile', 'multiSelections'], filters });
      return r.canceled ? [] : r.filePaths;
    },
    async chooseFolder() {
      const r = await dialog.showOpenDialog(win(), { properties: ['openDirectory', 'createDirectory'] });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
  };
}
