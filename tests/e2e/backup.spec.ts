/**
 * The restore dialog while a restore runs, in Japanese and English: it says it is busy, keeps
 * focus, and neither Escape nor its buttons close it until the restore has finished; a refused
 * restore leaves it closable, with focus on Close. The restore call is held in the page until the
 * test lets it through, so the running state can be looked at; the restore itself is real.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import { OfficeCore } from '../../db/core';
import type { Messages } from '../../renderer/i18n/messages';
import { ADMIN } from '../helpers/office';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

/** The office before its window opens: a backup, then a user added after it (so the restore shows). */
async function layOutOffice(dataDir: string): Promise<string> {
  const core = new OfficeCore({ dataDir, kdf: { N: 2 ** 10, r: 8, p: 1 } });
  const dispatch = createDispatcher(core);
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(channel as never, input as never);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as { name?: string };
  };
  await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
  const backup = await call('backup.create', {});
  await call('users.add', { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'officer passphrase 1' });
  core.close();
  return backup.name!;
}

/** From now on the page's `backup.restore` call waits until releaseRestore() (the bridge itself is untouched). */
async function holdRestore(page: Page) {
  await page.evaluate(() => {
    type Invoke = (channel: string, input: unknown) => Promise<unknown>;
    const g = globalThis as unknown as { __hogoInvoke: Invoke; __releaseRestore?: () => void };
    const invoke = g.__hogoInvoke;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    g.__releaseRestore = () => release();
    g.__hogoInvoke = (channel, input) => (channel === 'backup.restore' ? gate.then(() => invoke(channel, input)) : invoke(channel, input));
  });
}

async function releaseRestore(page: Page) {
  await page.evaluate(() => (globalThis as unknown as { __releaseRestore: () => void }).__releaseRestore());
}

async function openBackups(h: Harness, m: Messages) {
  const { page } = h;
  await h.open();
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(ADMIN.login);
  await field(page, m, m.fields.passphrase).fill(ADMIN.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(heading(page, m.dashboard.title)).toBeVisible();
  await page.getByRole('navigation', { name: m.shell.nav }).getByRole('button', { name: m.syncNav.backup, exact: true }).click();
  await expect(heading(page, m.backup.title)).toBeFocused();
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang] });

    test('the restore dialog stays open, busy and focused while the restore runs', async ({ harness }) => {
      const { page } = harness;
      const backupName = await layOutOffice(harness.dataDir);
      // Not a backup at all, under a backup's name: its restore is refused.
      writeFileSync(join(harness.dataDir, 'backups', 'manual-20200101T000000000Z-v1.db'), 'not a database');
      await openBackups(harness, m);
      const backups = page.getByRole('region', { name: m.backup.listSection });
      await expect(backups.getByRole('row')).toHaveCount(3);
      await expect(page.getByText(fill(m.backup.otherKept, { aside: 3, migration: 3 }))).toBeVisible();

      // Restore the real backup, by keyboard, with the call held while we look.
      await holdRestore(page);
      await backups.getByRole('row').filter({ hasText: backupName }).getByRole('button', { name: new RegExp(`^${m.backup.restore}`) }).click();
      const dialog = page.getByRole('dialog', { name: m.backup.restoreTitle });
      await expect(dialog).toContainText(fill(m.backup.restoreAsideKept, { n: 3 }));
      const confirm = dialog.getByRole('button', { name: m.backup.restoreConfirm });
      await confirm.focus();
      await page.keyboard.press('Enter');

      const running = dialog.getByRole('button', { name: m.backup.restoring });
      await expect(running).toBeFocused();
      await expect(running).toHaveAttribute('aria-disabled', 'true');
      await expect(dialog).toHaveAttribute('aria-busy', 'true');
      await expect(dialog.getByRole('status')).toContainText(m.backup.restoreWait);
      await harness.shot(`${lang}-backup-restore-running`);
      // Escape, again and again, and the Cancel button: the dialog stays, focus stays in it.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
      const cancel = dialog.getByRole('button', { name: m.common.cancel });
      await expect(cancel).toBeDisabled();
      // A person can still click it (Playwright would wait for it to be enabled): nothing happens.
      await cancel.click({ force: true });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeVisible();
      await expect(dialog).toHaveAttribute('aria-busy', 'true');
      await expect(page.locator('dialog[open]')).toHaveCount(1);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document.activeElement?.closest('dialog') != null)).toBe(true);

      // Done: the dialog closes by itself and says what happened.
      await releaseRestore(page);
      await expect(dialog).toHaveCount(0);
      const aside = (await page.getByRole('row').filter({ hasText: m.backup.kinds.aside }).locator('.backup-name').textContent())!;
      await expect(page.getByText(fill(m.backup.restored, { name: backupName, aside }))).toBeVisible();
      await expect(backups.getByRole('row').filter({ hasText: 'sato' })).toHaveCount(0);

      // A refused restore: the dialog says why, focus goes to Close, and Escape closes it.
      await backups.getByRole('row').filter({ hasText: 'manual-20200101T000000000Z-v1.db' }).getByRole('button', { name: new RegExp(`^${m.backup.restore}`) }).click();
      await dialog.getByRole('button', { name: m.backup.restoreConfirm }).click();
      await expect(dialog.getByRole('alert')).toContainText(m.errors.BACKUP_UNREADABLE);
      await expect(dialog.getByRole('button', { name: m.common.close })).toBeFocused();
      await expect(dialog).not.toHaveAttribute('aria-busy', 'true');
      await harness.shot(`${lang}-backup-restore-refused`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });
  });
}
