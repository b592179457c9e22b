/** The shell port as the report tests need it: saves into a temp folder (or cancels), prints fixed bytes. */
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../db/atomic-file';
import type { ShellPort } from '../../db/shell';

export const PRINTED = new TextEncoder().encode('%PDF-1.4\n% the page as printed by the shell\n%%EOF\n');

export function testShell(dir: string) {
  const saved: string[] = [];
  const state = { cancel: false };
  const shell: ShellPort = {
    saveFile: async (name, bytes) => {
      if (state.cancel) return null;
      const file = join(dir, basename(name));
      writeFileAtomic(file, bytes);
      saved.push(file);
      return file;
    },
    printPage: async () => PRINTED,
    pickFiles: async () => [],
    chooseFolder: async () => null,
  };
  return { shell, saved, state };
}
