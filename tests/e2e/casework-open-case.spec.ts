/**
 * A second case for a person already registered, in Japanese and in English: an officer opens it
 * from the person page (the intake's case section), is told in place what is missing and that the
 * period overlaps the earlier case, then opens it; the person page shows the new case and the
 * caseload lists it. Then a job whose status is refused: shown at the box, no job recorded.
 */
import { addDays, format, parseISO } from 'date-fns';
import { formatDate } from '../../renderer/i18n/dates';
import { partialIntake } from '../helpers/intake';
import { expect, test } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';
import { nav, office, signInAs } from './office-call';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const ADMIN = { login: 'kanri', name: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato.h', name: '佐藤 花子', passphrase: 'sakura ga saku kisetsu 7' };

const JAPAN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
const plusDays = (date: string, n: number) => format(addDays(parseISO(date), n), 'yyyy-MM-dd');

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const date = (d: string) => formatDate(d, { lang, era: false });

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang] });

    test('open a second case for a registered person; a job with a refused status records nothing', async ({ harness }) => {
      const { page } = harness;
      const call = office(harness);
      const shot = async (name: string) => {
        await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
        await harness.shot(`${lang}-open-case-${name}`);
      };
      const today = JAPAN.format(new Date(harness.clock.now()));

      // The officer's person, whose parole (R8-0001) was revoked 30 days ago.
      await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.name, passphrase: ADMIN.passphrase });
      const officer = await call('users.add', { login: OFFICER.login, displayName: OFFICER.name, role: 'officer', passphrase: OFFICER.passphrase });
      const first = await call(
        'supervisees.create',
        partialIntake({ officerId: officer.id, caseNumber: 'R8-0001', rule: { category: '3', releaseDate: plusDays(today, -200), sentenceEndDate: plusDays(today, 100) } }),
      );
      const revokedOn = plusDays(today, -30);
      await call('cases.terminate', { caseId: first.cases[0]!.id, terminationDate: revokedOn, reason: 'revocation', employmentAtTermination: 'unemployed' });
      await harness.open();
      await expect(heading(page, m.dashboard.title)).toBeVisible();
      await signInAs(page, m, OFFICER);

      // The person page, and its action, reached by keyboard.
      await nav(page, lang).getByRole('button', { name: m.people.nav, exact: true }).click();
      await page.getByLabel(m.people.status, { exact: true }).selectOption('all');
      await page.locator('.person-link', { hasText: '山田 太郎' }).click();
      await expect(heading(page, '山田 太郎')).toBeFocused();
      const action = page.getByRole('button', { name: m.openCase.action });
      await action.focus();
      await expect(action).toBeFocused();
      await shot('01-person');
      await page.keyboard.press('Enter');
      await expect(heading(page, m.openCase.title)).toBeFocused();
      await expect(page.getByText(fill(m.intake.officerSelf, { name: OFFICER.name }))).toHaveCount(0);
      await expect(page.locator('.field-static')).toHaveText(OFFICER.name);
      await shot('02-form');

      // Nothing filled in: each problem at its field, focus on the first, nothing sent.
      await page.getByRole('button', { name: m.openCase.submit }).click();
      await expect(page.getByText(m.peopleErrors.caseNumberRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.categoryRequired)).toBeVisible();
      await expect(field(page, m, m.person.caseNumber)).toBeFocused();

      // A probation judged final before the revocation: the periods overlap, said at the date.
      await field(page, m, m.person.caseNumber).fill('R8-0002');
      await field(page, m, m.intake.category).selectOption('4');
      const judged = plusDays(today, -10);
      await field(page, m, m.intake.judgmentFinalDate).fill(plusDays(today, -40));
      await field(page, m, m.intake.suspensionYears).fill('3');
      await page.getByLabel(m.person.employmentAtStart).selectOption('unemployed');
      await page.getByRole('button', { name: m.openCase.submit }).click();
      const overlap = fill(m.openCase.overlap, { caseNumber: 'R8-0001', start: date(plusDays(today, -200)), end: date(revokedOn) });
      await expect(page.getByText(overlap)).toBeVisible();
      await expect(field(page, m, m.intake.judgmentFinalDate)).toBeFocused();
      expect((await call('supervisees.get', { id: first.person.id })).cases).toHaveLength(1);
      await shot('03-overlap');

      // The right date: the person page comes back on the new case.
      await field(page, m, m.intake.judgmentFinalDate).fill(judged);
      await expect(page.getByText(overlap)).toHaveCount(0);
      await page.getByRole('button', { name: m.openCase.submit }).click();
      await expect(heading(page, '山田 太郎')).toBeFocused();
      await expect(page.getByRole('status').filter({ hasText: fill(m.openCase.opened, { caseNumber: 'R8-0002' }) })).toBeVisible();
      await expect(page.getByRole('tab', { name: m.person.tabs.case })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByLabel(m.person.chooseCase).locator('option:checked')).toHaveText(/R8-0002/);
      await expect(page.locator('.person-facts')).toContainText('R8-0002');
      const phases = page.locator('.phases-table tbody tr');
      await expect(phases).toHaveCount(1);
      await expect(phases.first()).toContainText(m.peopleCodes.phaseKind.probation);
      await expect(phases.first()).toContainText(date(judged));
      await shot('04-person-new-case');
      // Back leaves the person page, not a second copy of it.
      await page.getByRole('button', { name: m.people.back }).click();
      await expect(heading(page, m.people.title)).toBeFocused();

      // The caseload lists the new case.
      await nav(page, lang).getByRole('button', { name: m.nav.dashboard, exact: true }).click();
      const grid = page.getByRole('grid', { name: m.caseload.headingMine });
      await expect(grid.getByRole('row').filter({ hasText: 'R8-0002' })).toContainText('山田 太郎');
      await expect(grid.getByRole('row').filter({ hasText: 'R8-0001' })).toHaveCount(0);
      await shot('05-caseload');

      // A job whose status cannot be recorded (one is already recorded from that day): no job either.
      const newCase = (await call('supervisees.get', { id: first.person.id })).cases[0]!;
      await call('employment.setStatus', { caseId: newCase.id, status: 'part_time', since: plusDays(today, -5) });
      await grid.getByRole('row').filter({ hasText: 'R8-0002' }).click();
      await expect(heading(page, '山田 太郎')).toBeFocused();
      const workTab = page.getByRole('tab', { name: m.work.tab, exact: true });
      await workTab.click();
      await expect(workTab).toHaveAttribute('aria-selected', 'true');
      await page.getByRole('button', { name: m.work.jobs.record }).click();
      const job = page.getByRole('dialog', { name: m.work.jobs.recordTitle });
      await job.getByRole('radio', { name: m.work.jobs.typed }).check();
      await job.getByLabel(new RegExp(`^${m.work.jobs.employerName}`)).fill('山田商店');
      await job.getByLabel(new RegExp(`^${m.work.jobs.startedOn}`)).fill(plusDays(today, -5));
      const alsoStatus = job.getByLabel(fill(m.work.jobs.alsoStatus, { status: m.work.statuses.full_time }));
      await expect(alsoStatus).toBeChecked();
      await job.getByRole('button', { name: m.work.jobs.record }).click();
      await expect(job.getByText(m.work.jobs.statusDuplicate)).toBeVisible();
      await expect(alsoStatus).toBeFocused();
      expect((await call('employment.forCase', { caseId: newCase.id })).jobs).toEqual([]);
      await shot('06-job-status-refused');
      // Without the status the job is recorded.
      await alsoStatus.uncheck();
      await expect(job.getByText(m.work.jobs.statusDuplicate)).toHaveCount(0);
      await job.getByRole('button', { name: m.work.jobs.record }).click();
      await expect(page.getByText(fill(m.work.jobs.saved, { employer: '山田商店', date: date(plusDays(today, -5)) }))).toBeVisible();
      const w = await call('employment.forCase', { caseId: newCase.id });
      expect(w.jobs).toHaveLength(1);
      expect(w.statusHistory.map((h) => h.status)).toEqual(['part_time']);
    });
  });
}
