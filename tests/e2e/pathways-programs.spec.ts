/**
 * Treatment programs, in Japanese and in English: enrolment from the person page (and the refusal
 * for a case without the specialised-treatment condition), a group session of ten recorded in one
 * pass on the roster screen (attendance and drug tests, from the keyboard), the core program
 * completed for one participant (5/5, then step-up), and what an officer sees of other officers'
 * participants. The office is laid out with the services before the app starts; the clock is fixed
 * at Thursday 26 November 2026, 09:30 in Japan. Every screen is photographed.
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
const TODAY = '2026-11-26';
const DRP = '00000000-0000-4000-8000-000000000001';

const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const OTHER = { login: 'suzuki', displayName: '鈴木 一郎', role: 'officer', passphrase: 'aki no yuugure ni kaeru 3' } as const;
const SUPERVISOR = { login: 'tanaka', displayName: '田中 統括', role: 'supervisor', passphrase: 'fuyu no hoshizora wo miru 5' } as const;

/** Ten supervisees with the condition (the last three Suzuki's), then one without it (Sato's). */
const PEOPLE = [
  ['青木', 'あおき'], ['石井', 'いしい'], ['上田', 'うえだ'], ['江口', 'えぐち'], ['大野', 'おおの'],
  ['加藤', 'かとう'], ['木村', 'きむら'], ['工藤', 'くどう'], ['小林', 'こばやし'], ['斎藤', 'さいとう'],
  ['清水', 'しみず'],
].map(([family, kana], i) => ({ family: family!, kana: kana!, name: `${family} 誠`, caseNumber: `R8-保-${String(101 + i)}` }));
/** Enrolled through the UI. */
const NEW = PEOPLE[0]!;
const NO_CONDITION = PEOPLE[10]!;

async function layOutOffice(dir: string): Promise<void> {
  const core = new OfficeCore({ dataDir: dir, kdf: { N: 2 ** 10, r: 8, p: 1 }, now: () => START });
  const dispatch = createDispatcher(core);
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  }
  await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
  const sato = await call('users.add', OFFICER);
  const suzuki = await call('users.add', OTHER);
  await call('users.add', SUPERVISOR);
  for (const [i, p] of PEOPLE.entries()) {
    const d = await call('supervisees.create', {
      familyName: p.family,
      givenName: '誠',
      familyKana: p.kana,
      givenKana: 'まこと',
      birthDate: '1988-03-03',
      sex: 'male',
      drugTypes: ['stimulants'],
      caseNumber: p.caseNumber,
      rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 },
      intensityLevel: 'B',
      officerId: i >= 7 && i < 10 ? suzuki.id : sato.id,
    });
    if (i === 10) continue;
    const caseId = d.cases[0]!.id;
    await call('conditions.add', {
      caseId,
      kind: 'specialised_treatment',
      catalogueCode: 'drug_relapse_prevention_program',
      text: '薬物再乱用防止プログラムを受けること。',
      setOn: '2026-04-01',
    });
    if (i > 0) await call('enrolments.create', { caseId, programId: DRP, enrolledOn: '2026-11-19' });
  }
  core.close();
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

async function signIn(page: Page, m: Messages, who: { login: string; passphrase: string }) {
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(who.login);
  await field(page, m, m.fields.passphrase).fill(who.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(nav(page, m)).toBeVisible();
}

async function openPerson(page: Page, m: Messages, p: { kana: string; name: string }) {
  const search = page.getByRole('combobox', { name: m.headerSearch.label });
  await search.fill(p.kana);
  const options = page.getByRole('listbox', { name: m.headerSearch.results }).getByRole('option');
  await expect(options).toHaveCount(1);
  await search.press('Enter');
  await expect(heading(page, p.name)).toBeVisible();
}

async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** A call through the page's bridge, as the signed-in user. */
async function invoke<C extends ChannelName>(page: Page, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = (await page.evaluate(([c, i]) => (globalThis as unknown as PageGlobals).api.invoke(c as never, i as never), [channel, input] as const)) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as OutputOf<C>;
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const P = m.programs;
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-programs-${name}`);
  };

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice }, viewport: { width: 1366, height: 768 } });

    test('treatment programs: enrol, group session of ten in one pass, core completed', async ({ harness }) => {
      test.setTimeout(120_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await signIn(page, m, OFFICER);

      // A case without the specialised-treatment condition: the refusal is shown at the condition.
      await openPerson(page, m, NO_CONDITION);
      await openTab(page, P.tab);
      await expect(page.getByText(P.enrolment.empty)).toBeVisible();
      const enrolForm = page.getByRole('region', { name: P.enrol.title });
      await expect(enrolForm.getByText(P.enrol.noConditionHint)).toBeVisible();
      await enrolForm.getByRole('button', { name: P.enrol.submit }).click();
      await expect(enrolForm.getByText(P.enrol.conditionRefused)).toBeVisible();
      await shot(harness, '01-enrol-refused');

      // Aoki has the condition: enrolled through the UI.
      await openPerson(page, m, NEW);
      await openTab(page, P.tab);
      await enrolForm.getByRole('button', { name: P.enrol.submit }).click();
      const drp = (await invoke(page, 'programs.list', { activeOnly: true })).find((p) => p.id === DRP)!;
      await expect(page.getByText(fill(P.enrol.done, { program: drp.name }))).toBeVisible();
      const card = page.locator('.program-enrolment').first();
      await expect(card).toContainText(fill(P.enrolment.coreProgress, { n: 0, total: 5 }));
      await shot(harness, '02-enrolled');

      // The supervisor runs the group session: ten participants, recorded in one pass.
      await page.keyboard.press('Control+L');
      await signIn(page, m, SUPERVISOR);
      await nav(page, m).getByRole('button', { name: P.nav, exact: true }).click();
      await expect(heading(page, P.title)).toBeFocused();
      await expect(page.getByRole('region', { name: P.sessions.emptyTitle })).toBeVisible();
      await shot(harness, '03-sessions-empty');
      await page.getByRole('button', { name: P.sessions.new }).first().click();
      await expect(heading(page, P.sessions.newTitle)).toBeVisible();
      await field(page, m, P.sessions.place).fill('本庁 第2会議室');
      await field(page, m, P.sessions.otherFacilitators).fill('ダルク 森');
      await page.getByRole('button', { name: P.sessions.pickAll }).click();
      await expect(page.getByText(fill(P.sessions.picked, { n: 10, total: 10 }))).toBeVisible();
      await shot(harness, '04-new-session');
      await page.getByRole('button', { name: P.sessions.create }).click();

      // The roster: the first attendance control has focus; everyone in one pass from the keyboard.
      const table = page.locator('.programs-roster-table');
      await expect(table.getByRole('row')).toHaveCount(11);
      const firstAtt = table.getByLabel(`${P.roster.attendance}: ${PEOPLE[0]!.name}`);
      await expect(firstAtt).toBeFocused();
      const started = Date.now();
      for (let i = 0; i < 10; i++) {
        const absent = i === 8;
        await page.keyboard.press(absent ? '4' : i === 3 ? '2' : '1'); // attendance
        if (absent) {
          await page.keyboard.press('Tab'); // notes (the test controls are off)
          await page.keyboard.type('連絡なし');
          await page.keyboard.press('Tab');
          continue;
        }
        await page.keyboard.press('Tab');
        await page.keyboard.press(i === 5 ? '2' : '1'); // test: negative (one positive)
        await page.keyboard.press('Tab'); // substance
        await page.keyboard.press('Tab'); // consent
        if (i !== 2) await page.keyboard.press('Space');
        await page.keyboard.press('Tab'); // notes
        await page.keyboard.press('Tab'); // next row
      }
      // One consent was left out: the row says so and nothing is saved.
      await page.keyboard.press('Control+Enter');
      await expect(table.getByText(P.roster.consentRequired)).toBeVisible();
      await expect(table.getByLabel(`${P.roster.consent}: ${PEOPLE[2]!.name}`)).toBeFocused();
      await shot(harness, '05-roster-line-error');
      await page.keyboard.press('Space');
      await page.keyboard.press('Control+Enter');
      expect(Date.now() - started).toBeLessThan(20_000);
      await expect(page.getByRole('status').filter({ hasText: lang === 'ja' ? '出席 9/10名' : '9/10 attended' })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: P.sessionStatus.held })).toHaveCount(1);
      await shot(harness, '06-sessions-held');

      // Aoki's core sessions 2–5 (through the services, to keep the test short), then the page.
      const list = await invoke(page, 'enrolments.list', { programId: DRP, status: 'active' });
      const aoki = list.rows.find((r) => r.name === NEW.name)!;
      for (const no of [2, 3, 4, 5]) {
        const s = await invoke(page, 'sessions.create', { programId: DRP, stage: 'core', sessionNo: no, heldOn: TODAY, deliveryMode: 'individual', participants: [aoki.id] });
        await invoke(page, 'sessions.recordAttendance', { sessionId: s.id, entries: [{ enrolmentId: aoki.id, attendance: 'attended' }] });
      }
      await openPerson(page, m, NEW);
      await openTab(page, P.tab);
      await expect(card).toContainText(fill(P.enrolment.coreProgress, { n: 5, total: 5 }));
      await expect(card).toContainText(P.stages.step_up);
      await expect(card).toContainText(fill(P.enrolment.stepUp, { year: 2026 }));
      await shot(harness, '07-core-complete');

      // The absent participant: a missed session, flagged as a possible breach.
      await openPerson(page, m, PEOPLE[8]!);
      await openTab(page, P.tab);
      await expect(page.getByText(P.enrolment.possibleBreach)).toBeVisible();
      await shot(harness, '08-missed-flag');

      // The officer opens the held session: Suzuki's three participants show no drug test.
      await page.keyboard.press('Control+L');
      await signIn(page, m, OFFICER);
      await nav(page, m).getByRole('button', { name: P.nav, exact: true }).click();
      await page.getByRole('row').filter({ hasText: fill(P.sessions.attendedOf, { n: 9, total: 10 }) }).getByRole('button').click();
      await expect(page.getByText(fill(P.roster.hiddenNote, { n: 3 }))).toBeVisible();
      await expect(table.getByText(P.roster.testHidden)).toHaveCount(3);
      await shot(harness, '09-roster-held-officer');
    });
  });
}
