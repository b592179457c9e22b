import { AppError } from './errors';

/**
 * What services may ask of the desktop shell: dialogs and printing. Electron's main process
 * implements it with its dialogs and printToPDF; the browser-mode test harness with a temp folder,
 * queued answers and Chromium's page.pdf. Services never see a window or a dialog themselves.
 */
export interface ShellPort {
  /** Asks where to save (a Save dialog), writes the bytes atomically (0600); null when cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  /** The window's current page as an A4 PDF, print styles applied. */
  printPage(): Promise<Uint8Array>;
  /** Asks for files to open (an Open dialog); empty when cancelled. */
  pickFiles(filters: { name: string; extensions: string[] }[]): Promise<string[]>;
  /** Asks for a folder; null when cancelled. */
  chooseFolder(): Promise<string | null>;
}

/** The port a core was given, or a clear error where there is no shell (scripts, some tests). */
export function requireShell(shell: ShellPort | undefined): ShellPort {
  if (!shell) throw new AppError('INVALID_STATE', 'this action needs the desktop app (no shell attached)');
  return shell;
}
