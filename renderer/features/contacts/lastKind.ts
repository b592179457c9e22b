/** The contact kind recorded last on this computer: a preference, not case data. */
const LAST_KIND_KEY = 'hogo.daily.lastContactKind';

/** The kind recorded last on this computer (not case data: only the kind's code). */
export function readLastKind<T extends string>(options: readonly T[], fallback: T): T {
  try {
    const v = globalThis.localStorage?.getItem(LAST_KIND_KEY);
    return options.find((o) => o === v) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writeLastKind(kind: string): void {
  try {
    globalThis.localStorage?.setItem(LAST_KIND_KEY, kind);
  } catch {
    // Storage may be unavailable; the default then lasts until the window closes.
  }
}
