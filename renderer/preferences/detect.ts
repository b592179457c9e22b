export type Lang = 'ja' | 'en';

/** Japanese for a Japanese OS locale (ja, ja-JP, …), English for everything else. */
export function detectLanguage(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
