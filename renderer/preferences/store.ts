/**
 * Display preferences of this computer (language, era calendar). They are not case data, so they
 * live in localStorage and survive locking.
 */
import { detectLanguage, type Lang } from './detect';

export type { Lang };
export interface Prefs {
  lang: Lang;
  era: boolean;
}

const LANG_KEY = 'hogo.ui.lang';
const ERA_KEY = 'hogo.ui.era';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable; the choice then lasts until the window closes.
  }
}

function initialPrefs(): Prefs {
  const stored = readStorage(LANG_KEY);
  const lang: Lang = stored === 'ja' || stored === 'en' ? stored : detectLanguage(navigator.language);
  return { lang, era: readStorage(ERA_KEY) === '1' };
}

let current: Prefs = initialPrefs();
const listeners = new Set<() => void>();

export function getPrefs(): Prefs {
  return current;
}

export function subscribePrefs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updatePrefs(patch: Partial<Prefs>): void {
  current = { ...current, ...patch };
  if (patch.lang) writeStorage(LANG_KEY, patch.lang);
  if (patch.era !== undefined) writeStorage(ERA_KEY, patch.era ? '1' : '0');
  for (const listener of listeners) listener();
}
