import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../db/errors';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';
import { ApiError } from '../../renderer/api';
import { errorText } from '../../renderer/i18n/errorText';
import { detectLanguage } from '../../renderer/preferences/detect';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const JA = flatten(ja);
const EN = flatten(en);

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.config.ts') ? [p] : [];
  });
}

describe('renderer messages', () => {
  it('have the same keys in Japanese and English', () => {
    expect([...JA.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...EN.keys()].filter((k) => !JA.has(k))).toEqual([]);
  });

  it('are never empty and use the same placeholders in both languages', () => {
    for (const [key, text] of JA) {
      expect(text.trim(), key).not.toBe('');
      expect(EN.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(EN.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('explain every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(JA.has(`errors.${code}`), `ja errors.${code}`).toBe(true);
      expect(EN.has(`errors.${code}`), `en errors.${code}`).toBe(true);
    }
    expect([...JA.keys()].filter((k) => k.startsWith('errors.')).map((k) => k.slice(7)).sort()).toEqual(
      [...ERROR_CODES].sort(),
    );
  });

  it('contain every key the renderer source asks for by name', () => {
    const root = resolve(import.meta.dirname, '../../renderer');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!JA.has(m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('pick Japanese for a Japanese OS locale and English otherwise', () => {
    expect(detectLanguage('ja')).toBe('ja');
    expect(detectLanguage('ja-JP')).toBe('ja');
    expect(detectLanguage('JA-jp')).toBe('ja');
    expect(detectLanguage('en-US')).toBe('en');
    expect(detectLanguage('fr-FR')).toBe('en');
    expect(detectLanguage(undefined)).toBe('en');
  });
});

describe('error sentences', () => {
  async function translator(lng: 'ja' | 'en') {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { ja: { translation: ja }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  }
  const style = { lang: 'ja', era: false } as const;

  it('say until when signing in is locked out, from the error or else from the status', async () => {
    const t = await translator('ja');
    const until = new Date(2026, 10, 26, 14, 5).toISOString();
    const now = new Date();
    const sameDay = now.toDateString() === new Date(until).toDateString();
    const fromError = errorText(t, new ApiError('LOCKED_OUT', 'x', { until }), { dateStyle: style });
    expect(fromError).toContain(sameDay ? '14:05' : '2026年11月26日 14:05');
    const fromStatus = errorText(t, new ApiError('LOCKED_OUT', 'x'), { dateStyle: style, lockedUntil: until });
    expect(fromStatus).toBe(fromError);
    expect(errorText(t, new ApiError('LOCKED_OUT', 'x'), { dateStyle: style })).toBe(ja.errorVariants.LOCKED_OUT_unknown);
  });

  it('name the minimum length of a passphrase', async () => {
    const t = await translator('en');
    expect(errorText(t, new ApiError('WEAK_PASSPHRASE', 'x', { min: 12 }), { dateStyle: style })).toContain('at least 12 characters');
    expect(errorText(t, new ApiError('WEAK_PASSPHRASE', 'x'), { dateStyle: style, minLength: 14 })).toContain('at least 14');
  });

  it('let a form put its own sentence for a code, and never show a raw key', async () => {
    const t = await translator('en');
    const wrong = new ApiError('WRONG_PASSPHRASE', 'x');
    expect(errorText(t, wrong, { dateStyle: style, overrides: { WRONG_PASSPHRASE: 'settings.wrongCurrent' } })).toBe(
      en.settings.wrongCurrent,
    );
    const unknown = new ApiError('SOMETHING_NEW' as never, 'x');
    expect(errorText(t, unknown, { dateStyle: style })).toBe(en.errors.INTERNAL);
    expect(errorText(t, new Error('plain'), { dateStyle: style })).toBe(en.errors.INTERNAL);
  });
});
