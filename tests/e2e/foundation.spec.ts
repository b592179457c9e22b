/**
 * The foundation flow, in Japanese and in English: first-run setup, the recovery code, locking,
 * a wrong passphrase, users, the audit log, an officer's limited view, a refused admin call, the idle
 * lock and the language switch. Every screen is photographed into tests/e2e/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OfficeCore } from '../../db/core';
import { expect, test, type PageGlobals } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const ADMIN = { login: 'kanri', name: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato.h', name: '佐藤 花子', passphrase: 'sakura ga saku kisetsu 7' };
const OFFICE = '東京保護観察所';

/** A message template as a regular expression, with each {{placeholder}} matching anything. */
function pattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

async function signIn(page: Page, lang: Lang, login: string, passphrase: string) {
  const m = MESSAGES[lang];
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(login);
  await field(page, m, m.fields.passphrase).fill(passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(heading(page, m.dashboard.title)).toBeVisible();
}

function nav(page: Page, lang: Lang) {
  return page.getByRole('navigation', { name: MESSAGES[lang].shell.nav });
}

async function go(page: Page, lang: Lang, target: 'dashboard' | 'users' | 'audit' | 'settings') {
  const m = MESSAGES[lang];
  await nav(page, lang).getByRole('button', { name: m.nav[target], exact: true }).click();
  const title = { dashboard: m.dashboard.title, users: m.users.title, audit: m.audit.title, settings: m.settings.title }[target];
  await expect(heading(page, title)).toBeFocused();
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const other: Lang = lang === 'ja' ? 'en' : 'ja';

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang] });

    test('foundation flow', async ({ harness }) => {
      const { page } = harness;
      await harness.open();

      // First-run setup, language picked from the OS locale.
      await expect(heading(page, m.setup.title)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.getByRole('button', { name: m.setup.submit }).click();
      await expect(page.getByText(m.setup.officeNameRequired)).toBeVisible();
      await expect(field(page, m, m.setup.officeName)).toBeFocused();
      await harness.shot(`${lang}-01-setup-errors`);

      await field(page, m, m.setup.officeName).fill(OFFICE);
      await field(page, m, m.fields.login).fill(ADMIN.login);
      await field(page, m, m.fields.displayName).fill(ADMIN.name);
      await field(page, m, m.fields.passphrase).fill('short');
      await expect(page.getByText(`${m.strength.label}: ${m.strength.levels.tooShort}`)).toBeVisible();
      await field(page, m, m.fields.passphrase).fill(ADMIN.passphrase);
      await field(page, m, m.fields.passphraseConfirm).fill(ADMIN.passphrase);
      await expect(page.getByText(new RegExp(`${m.strength.label}: (${m.strength.levels.good}|${m.strength.levels.strong})`))).toBeVisible();
      await harness.shot(`${lang}-02-setup-filled`);
      await field(page, m, m.fields.passphraseConfirm).press('Enter');

      // The recovery code, once, with a confirmation before going on.
      await expect(heading(page, m.recovery.title)).toBeVisible();
      const groups = page.locator('.recovery-group');
      await expect(groups).toHaveCount(8);
      const code = (await groups.allTextContents()).join('-');
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
      const proceed = page.getByRole('button', { name: m.recovery.continue });
      await expect(proceed).toBeDisabled();
      await harness.shot(`${lang}-03-recovery-code`);
      await page.getByLabel(m.recovery.confirm).check();
      await proceed.click();

      await expect(heading(page, m.dashboard.title)).toBeFocused();
      await expect(page.getByText(OFFICE, { exact: true })).toBeVisible();
      await expect(nav(page, lang).getByRole('button', { name: m.nav.users })).toBeVisible();
      await expect(nav(page, lang).getByRole('button', { name: m.nav.audit })).toBeVisible();
      await expect(page.getByText(m.dashboard.emptyTitle)).toBeVisible();
      await harness.shot(`${lang}-04-dashboard-admin`);

      // Lock, then a wrong passphrase.
      await page.getByRole('button', { name: m.shell.lock }).click();
      await expect(heading(page, m.unlock.title)).toBeVisible();
      await expect(page.getByText(m.unlock.lockedReasonManual)).toBeVisible();
      await expect(nav(page, lang)).toHaveCount(0);
      await expect(field(page, m, m.fields.login)).toBeFocused();
      await harness.shot(`${lang}-05-lock`);
      await field(page, m, m.fields.login).fill(ADMIN.login);
      await field(page, m, m.fields.passphrase).fill('not the right passphrase');
      await field(page, m, m.fields.passphrase).press('Enter');
      await expect(page.getByRole('alert')).toHaveText(m.errors.WRONG_PASSPHRASE);
      await expect(page.getByText(fill(m.unlock.failedAttempts, { n: 1 }))).toBeVisible();
      await expect(field(page, m, m.fields.passphrase)).toHaveValue('');
      await harness.shot(`${lang}-06-unlock-wrong`);

      // The recovery-code mode is there (not used here), then a normal unlock.
      await page.getByRole('button', { name: m.unlock.useRecovery }).click();
      await expect(heading(page, m.recover.title)).toBeVisible();
      await harness.shot(`${lang}-07-recover`);
      await page.getByRole('button', { name: m.recover.back }).click();
      await signIn(page, lang, ADMIN.login, ADMIN.passphrase);

      // Users: add an officer; the reset dialog opens and Escape closes it.
      await go(page, lang, 'users');
      await field(page, m, m.fields.login).fill(OFFICER.login);
      await field(page, m, m.fields.displayName).fill(OFFICER.name);
      await page.getByLabel(m.fields.role).selectOption('officer');
      await field(page, m, m.users.tempPassphrase).fill(OFFICER.passphrase);
      await page.getByRole('button', { name: m.users.add, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: fill(m.users.added, { name: OFFICER.name, login: OFFICER.login }) })).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: OFFICER.login });
      await expect(row).toContainText(m.roles.officer);
      await expect(row).toContainText(m.users.active);
      await harness.shot(`${lang}-08-users`);
      await page.getByRole('button', { name: `${m.users.resetPassphrase}: ${OFFICER.name}` }).click();
      const dialog = page.getByRole('dialog', { name: m.users.resetTitle });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(new RegExp(`^${m.users.tempPassphrase}`))).toBeFocused();
      await harness.shot(`${lang}-09-reset-dialog`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole('button', { name: `${m.users.resetPassphrase}: ${OFFICER.name}` })).toBeFocused();

      // Disabling removes the officer's key; enabling again asks for a new temporary passphrase.
      await page.getByRole('button', { name: `${m.users.disable}: ${OFFICER.name}` }).click();
      await expect(row).toContainText(m.users.inactive);
      await page.getByRole('button', { name: `${m.users.enable}: ${OFFICER.name}` }).click();
      const enable = page.getByRole('dialog', { name: m.users.enableTitle });
      await enable.getByLabel(new RegExp(`^${m.users.tempPassphrase}`)).fill(OFFICER.passphrase);
      await enable.getByLabel(new RegExp(`^${m.fields.passphraseConfirm}`)).fill(OFFICER.passphrase);
      await enable.getByLabel(new RegExp(`^${m.fields.passphraseConfirm}`)).press('Enter');
      await expect(enable).toHaveCount(0);
      await expect(row).toContainText(m.users.active);
      await expect(page.getByText(fill(m.users.enabled, { name: OFFICER.name }))).toBeVisible();

      // Audit log: readable entries, a filter, and the chain check.
      await go(page, lang, 'audit');
      await page.getByRole('button', { name: m.audit.verify }).click();
      await expect(page.getByText(pattern(m.audit.verifyOk))).toBeVisible();
      await expect(page.getByRole('rowheader', { name: new RegExp(m.auditActions.users_add) })).toHaveCount(2);
      await harness.shot(`${lang}-10-audit`);
      await field(page, m, m.audit.action).fill('users.add');
      await field(page, m, m.audit.action).press('Enter');
      await expect(page.locator('.audit-table tbody tr')).toHaveCount(2);
      await expect(page.getByText(fill(m.audit.range, { from: 1, to: 2, total: 2 }))).toBeVisible();
      await harness.shot(`${lang}-11-audit-filtered`);

      // Settings: the administrator shortens the idle lock.
      await go(page, lang, 'settings');
      await field(page, m, m.settings.idleMinutes).fill('5');
      await page.getByRole('region', { name: m.settings.idleSection }).getByRole('button', { name: m.common.save }).click();
      await expect(page.getByText(fill(m.settings.idleSaved, { n: 5 }))).toBeVisible();
      await harness.shot(`${lang}-12-settings-admin`);
      if (lang === 'ja') {
        const era = page.getByLabel(new RegExp(`^${m.settings.era.split('（')[0]}`));
        await era.check();
        await go(page, lang, 'audit');
        await expect(page.locator('.audit-table tbody tr').first()).toContainText(/令和\d+年\d+月\d+日/);
        await harness.shot('ja-12b-audit-era');
        await go(page, lang, 'settings');
        await era.uncheck();
      }

      // Ctrl+L locks; the officer signs in and sees no administration.
      await page.keyboard.press('Control+L');
      await signIn(page, lang, OFFICER.login, OFFICER.passphrase);
      await expect(page.getByText(OFFICER.name, { exact: true })).toBeVisible();
      // No administration pages (the casework pages come and go with their features).
      await expect(nav(page, lang).getByRole('button').first()).toHaveText(m.nav.dashboard);
      await expect(nav(page, lang).getByRole('button').last()).toHaveText(m.nav.settings);
      await expect(nav(page, lang).getByRole('button', { name: m.nav.users, exact: true })).toHaveCount(0);
      await expect(nav(page, lang).getByRole('button', { name: m.nav.audit, exact: true })).toHaveCount(0);
      await expect(page.getByText(m.dashboard.emptyOfficer)).toBeVisible();
      await harness.shot(`${lang}-13-dashboard-officer`);

      // The services refuse an administrator's call made straight through the bridge.
      const direct = await page.evaluate(async () => {
        const api = (globalThis as unknown as PageGlobals).api;
        return [await api.invoke('users.list', {}), await api.invoke('audit.verify', {})];
      });
      for (const r of direct) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      await go(page, lang, 'settings');
      await expect(page.getByText(fill(m.settings.idleCurrent, { n: 5 }))).toBeVisible();
      await harness.shot(`${lang}-14-settings-officer`);

      // Idle: the core's clock passes the limit; the page drops everything and shows the lock screen.
      harness.clock.advance(6 * 60_000);
      harness.core.checkIdle();
      await harness.flushEvents();
      expect(harness.events.at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'idle' } });
      await expect(heading(page, m.unlock.title)).toBeVisible();
      await expect(page.getByText(m.unlock.lockedReasonIdle)).toBeVisible();
      await expect(nav(page, lang)).toHaveCount(0);
      await expect(page.locator('body')).not.toContainText(OFFICER.name);
      await expect(page.locator('body')).not.toContainText(OFFICER.login);
      await expect(page.locator('body')).not.toContainText(ADMIN.name);
      for (const input of await page.locator('input').all()) await expect(input).toHaveValue('');
      await harness.shot(`${lang}-15-idle-locked`);

      // Language: switch to the other one (persisted on this computer), then back.
      await signIn(page, lang, OFFICER.login, OFFICER.passphrase);
      await go(page, lang, 'settings');
      const o = MESSAGES[other];
      await page.getByLabel(o.languages[other], { exact: true }).check();
      await expect(heading(page, o.settings.title)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.getItem('hogo.ui.lang'))).toBe(other);
      await harness.shot(`${lang}-16-settings-switched-to-${other}`);
      await page.reload();
      await expect(heading(page, o.dashboard.title)).toBeVisible();
      await nav(page, other).getByRole('button', { name: o.nav.settings }).click();
      await page.getByLabel(m.languages[lang], { exact: true }).check();
      await expect(heading(page, m.settings.title)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      // Five wrong passphrases pause signing in, with a countdown.
      await page.getByRole('button', { name: m.shell.lock }).click();
      for (let i = 0; i < 5; i++) {
        await field(page, m, m.fields.login).fill(OFFICER.login);
        await field(page, m, m.fields.passphrase).fill(`wrong passphrase ${i}`);
        await page.getByRole('button', { name: m.unlock.submit }).click();
        await expect(field(page, m, m.fields.passphrase)).toHaveValue('');
      }
      await expect(page.getByText(m.unlock.lockoutTitle)).toBeVisible();
      await expect(page.getByRole('button', { name: m.unlock.submit })).toBeDisabled();
      await harness.shot(`${lang}-17-lockout`);
    });

    test.describe('damaged key file', () => {
      test.use({
        prepareDataDir: {
          run: (dir: string) => {
            writeFileSync(join(dir, 'office.db'), Buffer.alloc(4096, 7));
            writeFileSync(join(dir, 'office.keys.json'), '{"format":"something else"}');
          },
        },
      });

      test('error screen explains and offers nothing destructive', async ({ harness }) => {
        const { page } = harness;
        await harness.open();
        await expect(heading(page, m.errorScreen.title)).toBeVisible();
        await expect(page.getByText(m.errors.SLOTS_MALFORMED)).toBeVisible();
        await expect(page.getByText(m.errorHelp.SLOTS_MALFORMED)).toBeVisible();
        await expect(page.getByRole('button')).toHaveText([m.common.retry]);
        await page.getByRole('button', { name: m.common.retry }).click();
        await expect(heading(page, m.errorScreen.title)).toBeVisible();
        await harness.shot(`${lang}-18-error-slots-malformed`);
      });
    });

    test.describe('demo office', () => {
      test.use({
        prepareDataDir: {
          run: async (dir: string) => {
            const core = new OfficeCore({ dataDir: dir, kdf: { N: 2 ** 10, r: 8, p: 1 } });
            await core.setup(
              { officeName: 'デモ保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.name, passphrase: ADMIN.passphrase },
              { demo: true },
            );
            core.close();
          },
        },
      });

      test('shows the DEMO badge', async ({ harness }) => {
        const { page } = harness;
        await harness.open();
        await signIn(page, lang, ADMIN.login, ADMIN.passphrase);
        await expect(page.locator('.demo-badge')).toContainText(m.shell.demo);
        await harness.shot(`${lang}-19-demo-dashboard`);
      });
    });
  });
}
