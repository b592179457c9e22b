/**
 * Vocational support and medical/NGO links, in Japanese and in English: register a cooperating
 * employer and find it by romaji; refer a supervisee to Hello Work, record a trial employment with
 * that employer and then a job, and see the employment status change; add DARC to the directory,
 * link the supervisee to it, and see the office's share of drug-related cases linked to support
 * change. The office, an officer and two drug-related cases are laid out with the services before
 * the app starts. The clock is fixed at Thursday 26 November 2026, 09:30 in Japan.
 */
import type { Locator, Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { formatDate } from '../../renderer/i18n/dates';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const START = Date.parse('2026-11-26T00:30:00.000Z');
const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const PERSON = '山田 太郎';
const EMPLOYER = { name: '山本建設', kana: 'やまもとけんせつ', industry: '建設業', municipality: '新宿区' };
const HELLO_WORK = '飯田橋公共職業安定所';
const DARC = '東京ダルク';

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
  const person = (familyName: string, givenName: string, familyKana: string, givenKana: string, caseNumber: string, drug: 'stimulants' | 'cannabis') =>
    call('supervisees.create', {
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
  await person('山田', '太郎', 'やまだ', 'たろう', 'R8-保-0123', 'stimulants');
  await person('中村', '健', 'なかむら', 'けん', 'R8-保-0456', 'cannabis');
  core.close();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The control labelled `text` inside `scope` (its label may carry the "required" marker). */
function lbl(scope: Locator, text: string) {
  return scope.getByLabel(new RegExp(`^${escapeRe(text)}(\\s*\\(.+\\))?$`));
}

/** The table row whose row header reads `name`. */
function rowOf(page: Page, name: string | RegExp) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: typeof name === 'string' }) });
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

async function openNav(page: Page, m: Messages, label: string, title: string) {
  await nav(page, m).getByRole('button', { name: label, exact: true }).click();
  await expect(heading(page, title)).toBeVisible();
}

async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const day = (iso: string) => formatDate(iso, { lang, era: false });
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-work-${name}`);
  };

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice } });

    test('employer, Hello Work, trial employment, job; DARC link and share', async ({ harness }) => {
      test.setTimeout(60_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await expect(heading(page, m.unlock.title)).toBeVisible();
      await field(page, m, m.fields.login).fill(OFFICER.login);
      await field(page, m, m.fields.passphrase).fill(OFFICER.passphrase);
      await field(page, m, m.fields.passphrase).press('Enter');
      await expect(nav(page, m)).toBeVisible();

      // --- Employers: empty registry, then one employer added from the keyboard.
      await openNav(page, m, m.work.nav, m.employers.title);
      await expect(page.getByText(m.employers.emptyTitle)).toBeVisible();
      await shot(harness, '01-employers-empty');
      await page.getByRole('button', { name: m.employers.add }).first().click();
      const addEmployer = page.getByRole('dialog', { name: m.employers.addTitle });
      await addEmployer.getByRole('button', { name: m.employers.add }).click();
      await expect(addEmployer.getByText(m.employers.nameRequired)).toBeVisible();
      await expect(lbl(addEmployer, m.employers.name)).toBeFocused();
      await lbl(addEmployer, m.employers.name).fill(EMPLOYER.name);
      await lbl(addEmployer, m.employers.nameKana).fill(EMPLOYER.kana);
      await lbl(addEmployer, m.employers.industry).fill(EMPLOYER.industry);
      await lbl(addEmployer, m.employers.municipality).fill(EMPLOYER.municipality);
      await lbl(addEmployer, m.employers.capacity).fill('2');
      await shot(harness, '02-employer-dialog');
      await addEmployer.getByRole('button', { name: m.employers.add }).click();
      await expect(page.getByRole('status').filter({ hasText: fill(m.employers.added, { name: EMPLOYER.name }) })).toBeVisible();
      const employerRow = rowOf(page, new RegExp(`^${EMPLOYER.name}`));
      await expect(employerRow).toContainText(m.employers.accepts);
      // As-you-type search by romaji, and a filter that excludes it.
      await field(page, m, m.employers.search).fill('yamamoto');
      await expect(employerRow).toBeVisible();
      await field(page, m, m.employers.search).fill('tanaka');
      await expect(page.getByText(m.employers.noMatch)).toBeVisible();
      await field(page, m, m.employers.search).fill('');
      await page.getByLabel(m.employers.industry, { exact: true }).selectOption(EMPLOYER.industry);
      await expect(employerRow).toBeVisible();
      await shot(harness, '03-employers-list');

      // --- Yamada's Work tab.
      await openNav(page, m, m.people.nav, m.people.title);
      await page.getByRole('button', { name: PERSON, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(PERSON) })).toBeVisible();
      await openTab(page, m.work.tab);
      const current = page.getByTestId('work-current-status');
      await expect(current).toContainText(m.work.status.noneYet);
      await shot(harness, '04-work-empty');

      // Status: unemployed and seeking work since 1 November.
      await page.getByRole('button', { name: m.work.status.set }).click();
      const statusDialog = page.getByRole('dialog', { name: m.work.status.setTitle });
      await statusDialog.getByLabel(new RegExp(`^${m.work.status.statusLabel}`)).selectOption('unemployed_seeking');
      await statusDialog.getByLabel(new RegExp(`^${m.work.status.since}`)).fill('2026-11-01');
      await statusDialog.getByRole('button', { name: m.work.status.set }).click();
      await expect(current).toContainText(m.work.statuses.unemployed_seeking);

      // Hello Work referral: the office is required (the form says so at the field).
      await page.getByRole('button', { name: m.work.supports.record }).click();
      let support = page.getByRole('dialog', { name: m.work.supports.recordTitle });
      await support.getByLabel(new RegExp(`^${m.work.supports.startedOn}`)).fill('2026-11-02');
      await support.getByRole('button', { name: m.work.supports.record }).click();
      await expect(support.getByText(m.work.supports.officeRequired)).toBeVisible();
      await support.getByLabel(new RegExp(`^${m.work.supports.office}`)).fill(HELLO_WORK);
      await support.getByRole('button', { name: m.work.supports.record }).click();
      await expect(page.getByText(fill(m.work.supports.saved, { kind: m.work.kinds.hello_work_referral, date: day('2026-11-02') }))).toBeVisible();

      // Trial employment with the employer, 3 months, subsidy applied for.
      await page.getByRole('button', { name: m.work.supports.record }).click();
      support = page.getByRole('dialog', { name: m.work.supports.recordTitle });
      await support.getByLabel(new RegExp(`^${m.work.supports.kind}`)).selectOption('trial_employment');
      await support.getByLabel(new RegExp(`^${m.work.supports.startedOn}`)).fill('2026-11-09');
      await support.getByLabel(new RegExp(`^${m.work.supports.employer}`)).selectOption({ label: `${EMPLOYER.name}（${EMPLOYER.municipality}）` });
      await support.getByLabel(new RegExp(`^${m.work.supports.months}`)).fill('3');
      await support.getByLabel(new RegExp(`^${m.work.supports.subsidyStatus}`)).selectOption('applied');
      await shot(harness, '05-trial-dialog');
      await support.getByRole('button', { name: m.work.supports.record }).click();
      await expect(page.getByText(fill(m.work.supports.saved, { kind: m.work.kinds.trial_employment, date: day('2026-11-09') }))).toBeVisible();
      const trialRow = rowOf(page, m.work.kinds.trial_employment);
      await expect(trialRow).toContainText(EMPLOYER.name);
      await expect(trialRow).toContainText(m.work.subsidy.applied);

      // A full-time job with the employer from 20 November, led by the trial; the status follows.
      await page.getByRole('button', { name: m.work.jobs.record }).click();
      const job = page.getByRole('dialog', { name: m.work.jobs.recordTitle });
      await job.getByLabel(new RegExp(`^${m.work.jobs.employer}`)).selectOption({ label: `${EMPLOYER.name}（${EMPLOYER.municipality}）` });
      await job.getByLabel(new RegExp(`^${m.work.jobs.startedOn}`)).fill('2026-11-20');
      await job.getByLabel(m.work.jobs.fromSupport).selectOption({ index: 1 });
      await expect(job.getByLabel(fill(m.work.jobs.alsoStatus, { status: m.work.statuses.full_time }))).toBeChecked();
      await shot(harness, '06-job-dialog');
      await job.getByRole('button', { name: m.work.jobs.record }).click();
      await expect(
        page.getByText(fill(m.work.jobs.savedWithStatus, { employer: EMPLOYER.name, date: day('2026-11-20'), status: m.work.statuses.full_time })),
      ).toBeVisible();
      await expect(current).toContainText(m.work.statuses.full_time);
      await expect(rowOf(page, m.work.kinds.trial_employment)).toContainText(m.work.outcomes.job_found);
      await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: m.work.jobKinds.full_time, exact: true }) })).toContainText(m.work.jobs.current);
      await shot(harness, '07-work-filled');

      // --- Support tab: no organisations yet.
      await openTab(page, m.supportLinks.tab);
      await expect(page.getByText(m.supportLinks.noOrgs)).toBeVisible();
      await shot(harness, '08-support-empty');
      await page.getByRole('button', { name: m.supportLinks.openDirectory }).click();
      await expect(heading(page, m.supportLinks.orgs.title)).toBeVisible();
      const office = page.getByTestId('office-share');
      await expect(office).toContainText('0.0%');
      await expect(office).toContainText(fill(m.supportLinks.share.of, { n: 0, d: 2 }));
      await expect(page.getByText('9.1%')).toBeVisible();
      await shot(harness, '09-orgs-empty');

      // Add DARC.
      await page.getByRole('button', { name: m.supportLinks.orgs.add }).first().click();
      const org = page.getByRole('dialog', { name: m.supportLinks.orgs.addTitle });
      await org.getByLabel(new RegExp(`^${m.supportLinks.orgs.name}`)).fill(DARC);
      await expect(org.getByLabel(new RegExp(`^${m.supportLinks.orgs.kind}`))).toHaveValue('darc');
      await org.getByLabel(new RegExp(`^${m.supportLinks.orgs.address}`)).fill('東京都荒川区');
      await org.getByRole('button', { name: m.supportLinks.orgs.add }).click();
      await expect(rowOf(page, DARC)).toContainText(m.supportLinks.kinds.darc);

      // Back to Yamada's Support tab and link him to DARC.
      await openNav(page, m, m.people.nav, m.people.title);
      await page.getByRole('button', { name: PERSON, exact: true }).click();
      await openTab(page, m.supportLinks.tab);
      await page.getByRole('button', { name: m.supportLinks.link }).click();
      const link = page.getByRole('dialog', { name: m.supportLinks.linkTitle });
      await link.getByLabel(new RegExp(`^${m.supportLinks.org}`)).selectOption({ label: `${DARC}（${m.supportLinks.kinds.darc}）` });
      await link.getByLabel(new RegExp(`^${m.supportLinks.startedOn}`)).fill('2026-11-24');
      await link.getByLabel(m.supportLinks.notes).fill('デイプログラム週3回');
      await shot(harness, '10-link-dialog');
      await link.getByRole('button', { name: m.supportLinks.link }).click();
      await expect(page.getByText(fill(m.supportLinks.linked, { org: DARC, date: day('2026-11-24') }))).toBeVisible();
      await expect(rowOf(page, DARC)).toContainText(m.supportLinks.open);
      await shot(harness, '11-support-linked');

      // The share changes: 1 of the 2 drug-related cases.
      await openNav(page, m, m.supportLinks.nav, m.supportLinks.orgs.title);
      await expect(office).toContainText('50.0%');
      await expect(office).toContainText(fill(m.supportLinks.share.of, { n: 1, d: 2 }));
      await expect(rowOf(page, DARC)).toContainText('1');
      await shot(harness, '12-orgs-share');
    });
  });
}
