/**
 * The program catalogue, in Japanese and in English: a supervisor opens it from the program
 * sessions page, renames core session 3 of the relapse prevention program and changes the step-up
 * interval (after a bad interval is refused at its field), adds an outside-treatment program, and
 * sees the new title in the new-session form's session list. An officer sees no catalogue (and
 * the service refuses the officer's save). Every new screen is photographed.
 */
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness, type PageGlobals } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const START = Date.parse('2026-11-26T00:30:00.000Z');
const DRP = '00000000-0000-4000-8000-000000000001';

const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const SUPERVISOR = { login: 'tanaka', displayName: '田中 統括', role: 'supervisor', passphrase: 'fuyu no hoshizora wo miru 5' } as const;

const NEW_TITLE: Record<Lang, string> = { ja: '仲間と家族の支えを生かす', en: 'Drawing on peers and family' };
const DARC: Record<Lang, string> = { ja: '東京ダルク デイケア', en: 'Tokyo DARC day care' };

async function layOutOffice(dir: string): Promise<void> {
  const core = new OfficeCore({ dataDir: dir, kdf: { N: 2 ** 10, r: 8, p: 1 }, now: () => START });
  const dispatch = createDispatcher(core);
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  }
  await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
  await call('users.add', OFFICER);
  await call('users.add', SUPERVISOR);
  core.close();
}

const nav = (page: Page, m: Messages) => page.getByRole('navigation', { name: m.shell.nav });

async function signIn(page: Page, m: Messages, who: { login: string; passphrase: string }) {
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(who.login);
  await field(page, m, m.fields.passphrase).fill(who.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(nav(page, m)).toBeVisible();
}

async function start(harness: Harness, m: Messages, who: { login: string; passphrase: string }) {
  const { page } = harness;
  harness.clock.advance(START - harness.clock.now());
  await page.clock.setFixedTime(START);
  await harness.open();
  await signIn(page, m, who);
  await nav(page, m).getByRole('button', { name: m.programs.nav, exact: true }).click();
  await expect(heading(page, m.programs.title)).toBeVisible();
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const P = m.programs;
  const C = P.catalogue;
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-programs-catalogue-${name}`);
  };

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice }, viewport: { width: 1366, height: 768 } });

    test('program catalogue: a supervisor renames core session 3 and changes the step-up interval', async ({ harness }) => {
      test.setTimeout(60_000);
      const { page } = harness;
      await start(harness, m, SUPERVISOR);
      await page.getByRole('button', { name: C.open, exact: true }).click();
      await expect(heading(page, C.title)).toBeVisible();
      const table = page.getByRole('table', { name: C.listTitle });
      const drpName = '薬物再乱用防止プログラム';
      const drpRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: drpName, exact: true }) });
      await expect(drpRow).toContainText(fill(C.rulesCore, { n: 5, days: 14, stepUp: 30 }));
      await expect(drpRow).toContainText(P.kinds.relapse_prevention);
      await shot(harness, 'list');

      // The edit dialog: a bad step-up interval is refused at its field, then the change is saved.
      await drpRow.getByRole('button', { name: `${C.edit}: ${drpName}` }).click();
      const dialog = page.getByRole('dialog', { name: fill(C.editTitle, { name: drpName }) });
      await expect(dialog).toBeVisible();
      await shot(harness, 'dialog');
      const title3 = dialog.getByLabel(new RegExp(`^${fill(C.sessionTitle, { n: 3 })}`));
      await title3.fill(NEW_TITLE[lang]);
      const stepUp = dialog.getByLabel(new RegExp(`^${C.stepUpInterval.replace(/[()（）]/g, '.')}`));
      await stepUp.fill('0');
      await dialog.getByRole('button', { name: m.common.save, exact: true }).click();
      await expect(dialog.getByText(fill(C.daysInvalid, { min: 1, max: 180 }))).toBeVisible();
      await expect(stepUp).toBeFocused();
      await expect(stepUp).toHaveAttribute('aria-invalid', 'true');
      await stepUp.fill('28');
      await stepUp.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: fill(C.saved, { name: drpName }) })).toBeVisible();
      await expect(drpRow).toContainText(fill(C.rulesCore, { n: 5, days: 14, stepUp: 28 }));

      // An outside-treatment program.
      await page.getByRole('button', { name: C.add, exact: true }).click();
      const add = page.getByRole('dialog', { name: C.addTitle });
      await add.getByLabel(new RegExp(`^${C.name}`)).fill(DARC[lang]);
      await add.getByLabel(new RegExp(`^${C.kind}`)).selectOption({ label: P.kinds.darc_day_program });
      await add.getByLabel(new RegExp(`^${C.provider}`)).fill('東京ダルク');
      await shot(harness, 'add');
      await add.getByRole('button', { name: C.add, exact: true }).click();
      await expect(add).toBeHidden();
      const darcRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DARC[lang], exact: true }) });
      await expect(darcRow).toContainText(P.kinds.darc_day_program);
      await expect(darcRow).toContainText(C.activeYes);
      await shot(harness, 'saved');

      // The new title is in the new-session form's list of core sessions.
      await page.getByRole('button', { name: C.back, exact: true }).click();
      await page.getByRole('button', { name: P.sessions.new }).first().click();
      await expect(heading(page, P.sessions.newTitle)).toBeVisible();
      const sessionNo = page.getByLabel(new RegExp(`^${P.sessions.sessionNo}`));
      await expect(sessionNo.locator('option', { hasText: NEW_TITLE[lang] })).toHaveText(`${fill(P.sessionNo, { n: 3 })} ${NEW_TITLE[lang]}`);
      const saved = (await page.evaluate(() => (globalThis as unknown as PageGlobals).api.invoke('programs.list' as never, { activeOnly: false } as never))) as {
        value: { id: string; rules: { stepUp?: { intervalDays: number } } }[];
      };
      expect(saved.value.find((p) => p.id === DRP)?.rules.stepUp?.intervalDays).toBe(28);
    });

    test('program catalogue: an officer does not see it', async ({ harness }) => {
      const { page } = harness;
      await start(harness, m, OFFICER);
      await expect(page.getByRole('button', { name: P.sessions.new }).first()).toBeVisible();
      await expect(page.getByRole('button', { name: C.open })).toHaveCount(0);
      // The service refuses the officer too.
      const r = (await page.evaluate(
        ([id]) =>
          (globalThis as unknown as PageGlobals).api.invoke('programs.save' as never, { id, code: 'drp', name: 'x', kind: 'relapse_prevention', rules: { core: { intervalDays: 14, sessions: [{ no: 1, title: 'x' }] }, stepUp: { intervalDays: 30 } } } as never),
        [DRP] as const,
      )) as { ok: boolean; error?: { code: string } };
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('FORBIDDEN');
    });
  });
}
