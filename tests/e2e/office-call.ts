/** Shared steps of the casework specs: calling the office's services directly, the menu, signing in. */
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, type Harness } from './harness';
import { field, heading, MESSAGES, type Lang } from './messages';

/** Calls a service as the signed-in user, for setting up what a test needs; throws on a refusal. */
export function office(harness: Harness) {
  const dispatch = createDispatcher(harness.core);
  return async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  };
}

/** The app's navigation menu. */
export function nav(page: Page, lang: Lang) {
  return page.getByRole('navigation', { name: MESSAGES[lang].shell.nav });
}

/** Locks with Ctrl+L and signs in as someone else; waits for the dashboard. */
export async function signInAs(page: Page, m: Messages, user: { login: string; passphrase: string }) {
  // Right after a page shows, its shortcut listener may not be attached yet: press again until locked.
  await expect(async () => {
    await page.keyboard.press('Control+L');
    await expect(heading(page, m.unlock.title)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await field(page, m, m.fields.login).fill(user.login);
  await field(page, m, m.fields.passphrase).fill(user.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(heading(page, m.dashboard.title)).toBeVisible();
}
