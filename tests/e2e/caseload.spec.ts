/**
 * The caseload dashboard and the person timeline, in Japanese and in English. An office with two
 * officers, a supervisor and four cases is laid out with the services before the app starts:
 * Yamada (a positive drug test, an appointment whose time has passed with no outcome, an upcoming
 * one), Watanabe (supervision ending within 30 days) and Kobayashi are Sato's; Nakamura is
 * Suzuki's. The clock is fixed at Thursday 26 November 2026, 09:30 in Japan. The officer sees only
 * her cases and their flags, filters by a flag, sorts by the planned end from the keyboard, opens
 * Yamada with Enter and reads the timeline; the supervisor switches to the whole office and to one
 * officer. Every screen is photographed into tests/e2e/screenshots/.
 */
import type { Locator, Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { CaseloadFlag, ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { formatDay } from '../../renderer/features/contacts/format';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
/** Thursday 26 November 2026, 09:30 in Japan. */
const START = Date.parse('2026-11-26T00:30:00.000Z');

const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const SATO = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const SUZUKI = { login: 'suzuki', displayName: '鈴木 一郎', role: 'officer', passphrase: 'aki no yuugure ni kaeru 3' } as const;
const TANAKA = { login: 'tanaka', displayName: '田中 統括', role: 'supervisor', passphrase: 'fuyu no hoshizora wo miru 5' } as const;
const VPO = '高橋 良子';
const YAMADA = '山田 太郎';
const WATANABE = '渡辺 美咲';
const KOBAYASHI = '小林 健太';
const NAKAMURA = '中村 健';

/** The office before the app starts. */
async function layOutOffice(dir: string): Promise<void> {
  const core = new OfficeCore({ dataDir: dir, kdf: { N: 2 ** 10, r: 8, p: 1 }, now: () => START });
  const dispatch = createDispatcher(core);
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  }
  await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
  const sato = await call('users.add', SATO);
  const suzuki = await call('users.add', SUZUKI);
  await call('users.add', TANAKA);
  const vpo = await call('vpos.save', { name: VPO, nameKana: 'たかはし よしこ', district: '中央第一' });

  const yamada = await call('supervisees.create', {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    familyRomaji: 'Yamada',
    givenRomaji: 'Taro',
    birthDate: '1990-05-05',
    sex: 'male',
    drugTypes: ['stimulants'],
    caseNumber: 'R8-保-0123',
    rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 },
    intensityLevel: 'B',
    officerId: sato.id,
    vpoId: vpo.id,
  });
  const yamadaCase = yamada.cases[0]!.id;
  await call('contacts.record', {
    caseId: yamadaCase,
    kind: 'office_interview',
    date: '2026-11-05',
    time: '10:00',
    outcome: 'held',
    notes: '就労状況を確認。',
  });
  await call('contacts.record', {
    caseId: yamadaCase,
    kind: 'phone',
    date: '2026-11-18',
    time: '18:30',
    outcome: 'held',
    notes: '家族の病気について相談あり。',
    sensitive: true,
  });
  await call('drugTests.record', {
    caseId: yamadaCase,
    testedOn: '2026-11-20',
    method: 'urine_kit',
    substances: ['stimulants'],
    result: 'positive',
    consent: true,
    followUp: '統括と協議する',
  });
  // Its time passed on Tuesday with no outcome recorded; another is still to come.
  await call('appointments.create', { caseId: yamadaCase, startsAt: '2026-11-24T10:00:00+09:00', kind: 'home_visit', place: '自宅' });
  await call('appointments.create', { caseId: yamadaCase, startsAt: '2026-12-03T14:00:00+09:00', kind: 'office_interview', place: '面接室2' });

  await call('supervisees.create', {
    familyName: '渡辺',
    givenName: '美咲',
    familyKana: 'わたなべ',
    givenKana: 'みさき',
    birthDate: '1995-08-12',
    sex: 'female',
    drugTypes: ['cannabis'],
    caseNumber: 'R8-保-0207',
    rule: { category: '3', releaseDate: '2026-06-01', sentenceEndDate: '2026-12-15' },
    intensityLevel: 'A',
    officerId: sato.id,
  });
  await call('supervisees.create', {
    familyName: '小林',
    givenName: '健太',
    familyKana: 'こばやし',
    givenKana: 'けんた',
    birthDate: '1988-02-14',
    sex: 'male',
    drugTypes: ['mdma_synthetics', 'cannabis'],
    caseNumber: 'R8-保-0311',
    rule: { category: '3', releaseDate: '2026-09-01', sentenceEndDate: '2027-08-31' },
    intensityLevel: 'C',
    officerId: sato.id,
    vpoId: vpo.id,
  });
  await call('supervisees.create', {
    familyName: '中村',
    givenName: '健',
    familyKana: 'なかむら',
    givenKana: 'けん',
    birthDate: '1985-01-20',
    sex: 'male',
    drugTypes: ['cannabis'],
    caseNumber: 'R8-保-0456',
    rule: { category: '4', judgmentFinalDate: '2026-06-01', suspensionYears: 2 },
    intensityLevel: 'B',
    officerId: suzuki.id,
  });
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
  await expect(heading(page, m.dashboard.title)).toBeVisible();
}

function bodyRows(grid: Locator) {
  return grid.locator('tbody tr.cl-row');
}

function row(grid: Locator, name: string) {
  return grid.getByRole('row').filter({ hasText: name });
}

/** The row the grid points at with aria-activedescendant. */
async function activeRow(page: Page, grid: Locator) {
  const id = await grid.getAttribute('aria-activedescendant');
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const style = { lang, era: false } as const;
  /** i18next's plural: English has "one" and "other"; Japanese only "other". */
  const plural = (forms: Record<string, string>, base: string, count: number) =>
    fill(forms[`${base}_${lang === 'en' && count === 1 ? 'one' : 'other'}`]!, { count });
  const flagCount = (flag: CaseloadFlag, count: number) => plural(m.caseload.flagCounts, flag, count);
  const caseCount = (count: number) => plural(m.caseload as unknown as Record<string, string>, 'count', count);
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-caseload-${name}`);
  };

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice } });

    test('caseload dashboard and timeline', async ({ harness }) => {
      test.setTimeout(180_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await signIn(page, m, SATO);

      // --- The officer's caseload: her three cases, not Suzuki's, with their flags.
      const grid = page.getByRole('grid', { name: m.caseload.headingMine });
      await expect(page.getByRole('heading', { level: 2, name: m.caseload.headingMine })).toBeVisible();
      await expect(bodyRows(grid)).toHaveCount(3);
      await expect(bodyRows(grid)).toContainText([KOBAYASHI, YAMADA, WATANABE]);
      await expect(grid).not.toContainText(NAKAMURA);
      await expect(page.getByText(caseCount(3), { exact: true })).toBeVisible();
      await expect(page.getByText(fill(m.caseload.asOf, { date: formatDay('2026-11-26', style) }))).toBeVisible();
      // "My caseload" has no officer column: every case is hers.
      await expect(grid.getByRole('columnheader', { name: m.caseload.cols.officer })).toHaveCount(0);
      const yamada = row(grid, YAMADA);
      await expect(yamada).toContainText(m.caseload.flags.positiveTest);
      await expect(yamada).toContainText(m.caseload.flags.appointmentNeedsOutcome);
      await expect(yamada).toContainText(m.caseload.flags.missingVpoReport);
      await expect(yamada).toContainText(VPO);
      await expect(row(grid, WATANABE)).toContainText(m.caseload.flags.endingSoon);
      await expect(row(grid, KOBAYASHI)).not.toContainText(m.caseload.flags.positiveTest);
      await expect(row(grid, YAMADA)).toContainText(m.peopleCodes.drug.stimulants);
      await shot(harness, '01-officer');

      // --- Quick filter: the flag's count, then only the case with a positive test.
      const positive = page.getByRole('checkbox', { name: flagCount('positiveTest', 1) });
      await expect(page.getByRole('checkbox', { name: flagCount('endingSoon', 1) })).toBeVisible();
      await expect(page.getByRole('checkbox', { name: flagCount('appointmentNeedsOutcome', 1) })).toBeVisible();
      await positive.check();
      await expect(bodyRows(grid)).toHaveCount(1);
      await expect(bodyRows(grid)).toContainText(YAMADA);
      await expect(page.getByText(caseCount(1), { exact: true })).toBeVisible();
      await shot(harness, '02-filtered');

      // Both flags at once: nobody has them; the empty state offers to clear the filters.
      await page.getByRole('checkbox', { name: flagCount('endingSoon', 1) }).check();
      await expect(page.getByText(m.caseload.empty.noMatchTitle)).toBeVisible();
      await shot(harness, '03-no-match');
      await page.getByRole('region', { name: m.caseload.empty.noMatchTitle }).getByRole('button', { name: m.caseload.clearFilters }).click();
      await expect(bodyRows(grid)).toHaveCount(3);
      await expect(positive).not.toBeChecked();

      // A filter by category: Yamada is the only 4号 case.
      await page.getByLabel(m.caseload.category, { exact: true }).selectOption({ label: m.peopleCodes.categoryShort['4'] });
      await expect(bodyRows(grid)).toHaveCount(1);
      await expect(bodyRows(grid)).toContainText(YAMADA);
      await page.getByRole('button', { name: m.caseload.clearFilters }).click();
      await expect(bodyRows(grid)).toHaveCount(3);

      // --- Keyboard: into the grid, up to the headers, across to "Planned end", Enter sorts.
      await grid.focus();
      await expect(grid).toBeFocused();
      await expect(await activeRow(page, grid)).toContainText(KOBAYASHI);
      await page.keyboard.press('ArrowUp');
      const endHeader = grid.getByRole('columnheader', { name: m.caseload.cols.endDate });
      await expect(grid).toHaveAttribute('aria-activedescendant', (await grid.getByRole('columnheader', { name: m.caseload.cols.name }).getAttribute('id'))!);
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await expect(grid).toHaveAttribute('aria-activedescendant', (await endHeader.getAttribute('id'))!);
      await expect(endHeader).toHaveAttribute('aria-sort', 'none');
      await page.keyboard.press('Enter');
      await expect(endHeader).toHaveAttribute('aria-sort', 'ascending');
      await expect(grid.getByRole('columnheader', { name: m.caseload.cols.name })).toHaveAttribute('aria-sort', 'none');
      await expect(bodyRows(grid)).toContainText([WATANABE, KOBAYASHI, YAMADA]);
      await page.keyboard.press('Enter');
      await expect(endHeader).toHaveAttribute('aria-sort', 'descending');
      await expect(bodyRows(grid)).toContainText([YAMADA, KOBAYASHI, WATANABE]);
      await page.keyboard.press('Enter');
      await expect(bodyRows(grid)).toContainText([WATANABE, KOBAYASHI, YAMADA]);

      // Down into the rows: End, Home, ↓ — the active row follows.
      await page.keyboard.press('ArrowDown');
      await expect(await activeRow(page, grid)).toContainText(WATANABE);
      await page.keyboard.press('End');
      await expect(await activeRow(page, grid)).toContainText(YAMADA);
      await page.keyboard.press('Home');
      await expect(await activeRow(page, grid)).toContainText(WATANABE);
      await page.keyboard.press('PageDown');
      await expect(await activeRow(page, grid)).toContainText(YAMADA);
      await page.keyboard.press('ArrowUp');
      await expect(await activeRow(page, grid)).toContainText(KOBAYASHI);
      await page.keyboard.press('ArrowDown');
      await expect(await activeRow(page, grid)).toContainText(YAMADA);
      await shot(harness, '04-sorted-keyboard');

      // --- Enter opens Yamada on the tab that explains his first flag (the positive test).
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(YAMADA) })).toBeVisible();
      await expect(page.getByRole('tab', { name: m.daily.tabs.drugTests, exact: true })).toHaveAttribute('aria-selected', 'true');

      // --- The timeline: the contact, the test and the appointments, newest first, by month.
      await page.getByRole('tab', { name: m.timeline.tab, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: m.timeline.title })).toBeVisible();
      const november = page.getByRole('region', { name: fill(m.timeline.monthList, { month: lang === 'ja' ? '2026年11月' : 'November 2026' }) });
      const december = page.getByRole('region', { name: fill(m.timeline.monthList, { month: lang === 'ja' ? '2026年12月' : 'December 2026' }) });
      const contactLine = fill(m.timeline.desc.contact, { kind: m.daily.kinds.office_interview, outcome: m.daily.outcomes.held });
      const testLine = fill(m.timeline.desc.drug_test, { result: m.daily.drugTests.results.positive, method: m.daily.drugTests.methods.urine_kit });
      const needsLine = fill(m.timeline.desc.appointment, { kind: m.daily.kinds.home_visit, status: m.daily.appointments.status.needs_outcome });
      const upcomingLine = fill(m.timeline.desc.appointment, { kind: m.daily.kinds.office_interview, status: m.daily.appointments.status.scheduled });
      await expect(november.getByText(contactLine)).toBeVisible();
      await expect(november.getByText(testLine)).toBeVisible();
      await expect(november.getByText(needsLine)).toBeVisible();
      await expect(december.getByText(upcomingLine)).toBeVisible();
      await expect(december.getByText(m.timeline.upcoming, { exact: true })).toBeVisible();
      await expect(november.getByText(fill(m.timeline.detail.substances, { list: m.peopleCodes.drug.stimulants }))).toBeVisible();
      await expect(november.locator('.tl-item').filter({ hasText: contactLine })).toContainText(fill(m.daily.contacts.by, { name: ADMIN.displayName }));
      // Newest first: the months, and within November the appointment (24th), the test (20th), the call (18th), the interview (5th).
      const lists = page.locator('.tl-month');
      await expect(lists.first()).toHaveAttribute('aria-label', fill(m.timeline.monthList, { month: lang === 'ja' ? '2026年12月' : 'December 2026' }));
      const phoneLine = fill(m.timeline.desc.contact, { kind: m.daily.kinds.phone, outcome: m.daily.outcomes.held });
      await expect(november.locator('.tl-line')).toContainText([needsLine, testLine, phoneLine, contactLine]);
      // Sato is his officer: she reads the sensitive note, marked as such.
      await expect(november.getByText(fill(m.timeline.detail.notes, { text: '家族の病気について相談あり。' }))).toBeVisible();
      await expect(november.locator('.tl-item').filter({ hasText: phoneLine })).toContainText(m.daily.contacts.sensitiveBadge);
      await expect(november.locator('.tl-date').first()).toHaveText(formatDay('2026-11-24', style));
      await shot(harness, '05-timeline');

      // The kind filter: tests only, then everything again.
      const filter = page.getByRole('group', { name: m.timeline.filterLegend });
      for (const g of ['contacts', 'appointments', 'conditions', 'phases'] as const) {
        await filter.getByRole('checkbox', { name: new RegExp(`^${m.timeline.groups[g]}`) }).uncheck();
      }
      await expect(page.getByText(testLine)).toBeVisible();
      await expect(page.getByText(contactLine)).toHaveCount(0);
      await expect(page.getByText(upcomingLine)).toHaveCount(0);
      await shot(harness, '06-timeline-tests-only');
      await filter.getByRole('button', { name: m.timeline.showAll }).click();
      await expect(page.getByText(contactLine)).toBeVisible();

      // Back to the dashboard: the same sort, and the table has the focus on Yamada again.
      await page.getByRole('button', { name: m.people.back, exact: true }).click();
      await expect(grid).toBeFocused();
      await expect(await activeRow(page, grid)).toContainText(YAMADA);
      await expect(grid.getByRole('columnheader', { name: m.caseload.cols.endDate })).toHaveAttribute('aria-sort', 'ascending');

      // --- The supervisor: her own caseload is empty; the whole office has all four cases.
      await page.keyboard.press('Control+L');
      await signIn(page, m, TANAKA);
      await expect(page.getByText(m.dashboard.emptyTitle)).toBeVisible();
      await expect(page.getByText(m.caseload.empty.switchToUnit)).toBeVisible();
      await shot(harness, '07-supervisor-empty-mine');
      await page.getByLabel(m.caseload.scope, { exact: true }).selectOption({ label: m.caseload.scopeUnit });
      const unit = page.getByRole('grid', { name: m.caseload.headingUnit });
      await expect(bodyRows(unit)).toHaveCount(4);
      await expect(row(unit, NAKAMURA)).toContainText(SUZUKI.displayName);
      await expect(row(unit, YAMADA)).toContainText(SATO.displayName);
      await expect(row(unit, YAMADA)).toContainText(m.caseload.flags.positiveTest);
      await expect(page.getByText(caseCount(4), { exact: true })).toBeVisible();
      await shot(harness, '08-supervisor-unit');

      // One officer's cases.
      await page.getByLabel(m.caseload.officer, { exact: true }).selectOption({ label: SUZUKI.displayName });
      const suzukis = page.getByRole('grid', { name: fill(m.caseload.headingOfficer, { name: SUZUKI.displayName }) });
      await expect(bodyRows(suzukis)).toHaveCount(1);
      await expect(bodyRows(suzukis)).toContainText(NAKAMURA);
      await shot(harness, '09-supervisor-officer');

      // --- Another officer: only his own case; on Yamada's timeline no drug test and no sensitive note.
      await page.keyboard.press('Control+L');
      await signIn(page, m, SUZUKI);
      const his = page.getByRole('grid', { name: m.caseload.headingMine });
      await expect(bodyRows(his)).toHaveCount(1);
      await expect(bodyRows(his)).toContainText(NAKAMURA);
      const search = page.getByRole('combobox', { name: m.headerSearch.label });
      await page.keyboard.press('/');
      await expect(search).toBeFocused();
      await search.pressSequentially('やまだ');
      await expect(page.getByRole('listbox', { name: m.headerSearch.results }).getByRole('option')).toHaveCount(1);
      await search.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(YAMADA) })).toBeVisible();
      await page.getByRole('tab', { name: m.timeline.tab, exact: true }).click();
      await expect(page.getByText(m.timeline.testsHidden)).toBeVisible();
      await expect(page.getByText(testLine)).toHaveCount(0);
      await expect(page.getByRole('group', { name: m.timeline.filterLegend }).getByRole('checkbox', { name: new RegExp(`^${m.timeline.groups.tests}`) })).toHaveCount(0);
      await expect(page.getByText(phoneLine)).toBeVisible();
      await expect(page.getByText(m.timeline.detail.notesHidden)).toBeVisible();
      await expect(page.getByText('家族の病気について相談あり。')).toHaveCount(0);
      await expect(page.getByText(contactLine)).toBeVisible();
      await shot(harness, '10-timeline-other-officer');
    });
  });
}
