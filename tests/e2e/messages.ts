/** The renderer's own message tables, so the specs find controls by the text a person reads. */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/i18n/en';
import { ja } from '../../renderer/i18n/ja';
import type { Messages } from '../../renderer/i18n/messages';

export type Lang = 'ja' | 'en';
export const MESSAGES: Record<Lang, Messages> = { ja, en };

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The input labelled `text` (its label may carry the "required" marker after it). */
export function field(page: Page, m: Messages, text: string) {
  return page.getByLabel(new RegExp(`^${escape(text)}(\\s*\\(${escape(m.common.required)}\\))?$`));
}

export function heading(page: Page, text: string) {
  return page.getByRole('heading', { level: 1, name: text, exact: true });
}
