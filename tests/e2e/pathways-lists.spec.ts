/**
 * The office-wide list screens of vocational support and of medical/NGO links, in Japanese and in
 * English: two supervisees with Hello Work referrals, a trial employment, jobs (one current, one
 * ended) and links (one to DARC, continuing; one to a clinic, ended) are laid out with the services
 * before the app starts. Each list is filtered, and a person is opened from a row at the right tab.
 * The clock is fixed at Thursday 26 November 2026, 09:30 in Japan.
 */
import type { Locator, Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const START = Date.parse('2026-11-26T00:30:00.000Z');
const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const YAMADA = '山田 太郎';
const NAKAMURA = '中村 健';
const EMPLOYER = '山本建設';
const SHOP = '中村商店';
const HELLO_WORK = '飯田橋公共職業安定所';
const DARC = '東京ダルク';
const CLINIC = '新宿こころのクリニック';

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
  const person = async (familyName: string, givenName: string, familyKana: string, givenKana: string, caseNumber: string, drug: 'stimulants' | 'cannabis') => {
    const p = await call('supervisees.create', {
      familyName,
      givenName,
      familyKana,
      givenKana,
      birthDate: '1990-05-05',
      sex: 'male',
      drugTypes: [drug],
      caseNumber,
      rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 },
      intensityLevel: 'B',
      officerId: sato.id,
    });
    return p.cases[0]!.id;
  };
  const yamada = await person('山田', '太郎', 'やまだ', 'たろう', 'R8-保-0123', 'stimulants');
  const nakamura = await person('中村', '健', 'なかむら', 'けん', 'R8-保-0456', 'cannabis');
  const employer = await call('employers.save', { name: EMPLOYER, municipality: '新宿区', capacity: 2, acceptsDrugOffences: true });

  // Yamada: Hello Work in November, a trial employment that led to a current full-time job.
  await call('employment.recordSupport', { caseId: yamada, kind: 'hello_work_referral', startedOn: '2026-11-02', office: HELLO_WORK });
  const trial = await call('employment.recordSupport', { caseId: yamada, kind: 'trial_employment', startedOn: '2026-11-09', employerId: employer.id, months: 3, subsidyStatus: 'applied' });
  await call('employment.recordJob', { caseId: yamada, employerId: employer.id, kind: 'full_time', startedOn: '2026-11-20', supportId: trial.id });
  // Nakamura: a Hello Work referral in June without a job; a part-time job in the summer, ended.
  await call('employment.recordSupport', { caseId: nakamura, kind: 'hello_work_referral', startedOn: '2026-06-01', endedOn: '2026-07-01', office: HELLO_WORK, outcome: 'no_job' });
  await call('employment.recordJob', { caseId: nakamura, employerName: SHOP, kind: 'part_time', startedOn: '2026-07-10', endedOn: '2026-09-30', leavingReason: '閉店' });

  // Links: Nakamura to DARC (continuing); Yamada to a clinic (ended).
  const darc = await call('supportOrgs.save', { name: DARC, kind: 'darc' });
  const clinic = await call('supportOrgs.save', { name: CLINIC, kind: 'medical_clinic' });
  await call('supportLinks.create', { caseId: nakamura, orgId: darc.id, startedOn: '2026-10-01' });
  const link = await call('supportLinks.create', { caseId: yamada, orgId: clinic.id, startedOn: '2026-05-01' });
  await call('supportLinks.end', { id: link.id, endedOn: '2026-08-31' });
  core.close();
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

/** The body rows of the table captioned `caption`. */
function rowsOf(page: Page, caption: string): Locator {
  return page.getByRole('table', { name: caption }).locator('tbody tr');
}

async function expectPeople(rows: Locator, names: string[]) {
  await expect(rows).toHaveCount(names.length);
  for (const [i, n] of names.entries()) await expect(rows.nth(i).getByRole('rowheader')).toContainText(n);
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-lists-${name}`);
  };

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice } });

    test('office-wide lists of employment support, jobs and support links', async ({ harness }) => {
      test.setTimeout(60_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await field(page, m, m.fields.login).fill(OFFICER.login);
      await field(page, m, m.fields.passphrase).fill(OFFICER.passphrase);
      await field(page, m, m.fields.passphrase).press('Enter');
      await expect(nav(page, m)).toBeVisible();

      // --- Employment support: all three, then by kind, outcome and period.
      await nav(page, m).getByRole('button', { name: m.workLists.nav, exact: true }).click();
      await expect(heading(page, m.workLists.title)).toBeVisible();
      const supports = rowsOf(page, m.workLists.supportsTab);
      await expectPeople(supports, [YAMADA, YAMADA, NAKAMURA]);
      await expect(supports.nth(0)).toContainText(m.work.kinds.trial_employment);
      await expect(supports.nth(0)).toContainText(EMPLOYER);
      await expect(supports.nth(0)).toContainText(m.work.outcomes.job_found);
      await expect(supports.nth(2)).toContainText(HELLO_WORK);
      const kind = page.getByLabel(m.workLists.kind, { exact: true });
      await kind.selectOption('hello_work_referral');
      await expectPeople(supports, [YAMADA, NAKAMURA]);
      await page.getByLabel(m.workLists.outcome, { exact: true }).selectOption('no_job');
      await expectPeople(supports, [NAKAMURA]);
      await page.getByLabel(m.workLists.outcome, { exact: true }).selectOption('');
      await kind.selectOption('');
      const from = page.getByLabel(m.workLists.from, { exact: true });
      await from.fill('2026-13-45');
      await expect(page.getByText(m.work.common.dateInvalid)).toBeVisible();
      await from.fill('20261101');
      await expectPeople(supports, [YAMADA, YAMADA]);
      await shot(harness, '01-supports');
      await page.getByLabel(m.workLists.to, { exact: true }).fill('2026-10-01');
      await expect(page.getByText(m.work.common.endBeforeStart)).toBeVisible();
      await from.fill('');
      await expectPeople(supports, [NAKAMURA]);
      await page.getByLabel(m.workLists.to, { exact: true }).fill('');

      // --- Jobs: current and ended, period; the tabs move with the arrow keys.
      await page.getByRole('tab', { name: m.workLists.supportsTab, exact: true }).press('ArrowRight');
      await expect(page.getByRole('tab', { name: m.workLists.jobsTab, exact: true })).toHaveAttribute('aria-selected', 'true');
      const jobs = rowsOf(page, m.workLists.jobsTab);
      await expectPeople(jobs, [YAMADA, NAKAMURA]);
      await expect(jobs.nth(1)).toContainText(SHOP);
      const state = page.getByLabel(m.workLists.state, { exact: true });
      await state.selectOption('current');
      await expectPeople(jobs, [YAMADA]);
      await expect(jobs.nth(0)).toContainText(m.workLists.current);
      await state.selectOption('ended');
      await expectPeople(jobs, [NAKAMURA]);
      await state.selectOption('any');
      await page.getByLabel(m.workLists.to, { exact: true }).fill('2026-08-31');
      await expectPeople(jobs, [NAKAMURA]);
      await page.getByLabel(m.workLists.to, { exact: true }).fill('');
      await expectPeople(jobs, [YAMADA, NAKAMURA]);
      await shot(harness, '02-jobs');

      // Open Yamada from a row: the person page at the Work tab.
      await page.getByRole('button', { name: fill(m.workLists.openPerson, { name: YAMADA }) }).click();
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(YAMADA) })).toBeVisible();
      await expect(page.getByRole('tab', { name: m.work.tab, exact: true })).toHaveAttribute('aria-selected', 'true');

      // --- Support links on the Support organisations page.
      await nav(page, m).getByRole('button', { name: m.supportLinks.nav, exact: true }).click();
      await expect(heading(page, m.supportLinks.orgs.title)).toBeVisible();
      const links = rowsOf(page, m.linksList.title);
      await expectPeople(links, [NAKAMURA, YAMADA]);
      await expect(links.nth(0)).toContainText(DARC);
      await expect(links.nth(0)).toContainText(m.linksList.open);
      const linkState = page.getByLabel(m.linksList.state, { exact: true });
      await linkState.selectOption('ended');
      await expectPeople(links, [YAMADA]);
      await expect(links.nth(0)).toContainText(CLINIC);
      await linkState.selectOption('active');
      await expectPeople(links, [NAKAMURA]);
      await linkState.selectOption('any');
      await page.getByLabel(m.linksList.kind, { exact: true }).selectOption('medical_clinic');
      await expectPeople(links, [YAMADA]);
      await page.getByLabel(m.linksList.kind, { exact: true }).selectOption('darc');
      await expectPeople(links, [NAKAMURA]);
      await harness.shot(`${lang}-lists-03-links`);
      await page.getByRole('button', { name: fill(m.linksList.openPerson, { name: NAKAMURA }) }).click();
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(NAKAMURA) })).toBeVisible();
      await expect(page.getByRole('tab', { name: m.supportLinks.tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    });
  });
}
