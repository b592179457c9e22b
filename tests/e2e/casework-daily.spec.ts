/**
 * Daily casework, in Japanese and in English, through the contacts, appointments, drug tests and
 * measures tabs, the agenda and the contact standards page. The office, its staff and two cases are
 * laid out with the services before the app starts (the people screens are tested elsewhere); from
 * there on everything goes through the UI. The clock is fixed at Thursday 26 November 2026, 09:30 in
 * Japan, for the services and the page alike, and moved on once to let an appointment pass.
 * Every screen is photographed into tests/e2e/screenshots/.
 */
import type { Locator, Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { formatDay } from '../../renderer/features/contacts/format';
import { formatDate } from '../../renderer/i18n/dates';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
/** Thursday 26 November 2026, 09:30 in Japan. */
const START = Date.parse('2026-11-26T00:30:00.000Z');
const HOUR = 3_600_000;

const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const OTHER = { login: 'suzuki', displayName: '鈴木 一郎', role: 'officer', passphrase: 'aki no yuugure ni kaeru 3' } as const;
const SUPERVISOR = { login: 'tanaka', displayName: '田中 統括', role: 'supervisor', passphrase: 'fuyu no hoshizora wo miru 5' } as const;
const PERSON = { name: '山田 太郎', caseNumber: 'R8-保-0123' };
const OTHER_PERSON = { name: '中村 健', caseNumber: 'R8-保-0456' };
const VPO = '高橋 良子';

/** The office before the app starts: staff, a VPO, Yamada (Sato's, level B) and Nakamura (Suzuki's, no VPO). */
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
  const vpo = await call('vpos.save', { name: VPO, nameKana: 'たかはし よしこ', district: '中央第一' });
  await call('supervisees.create', {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    familyRomaji: 'Yamada',
    givenRomaji: 'Taro',
    birthDate: '1990-05-05',
    sex: 'male',
    drugTypes: ['stimulants'],
    caseNumber: PERSON.caseNumber,
    rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 },
    intensityLevel: 'B',
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
    caseNumber: OTHER_PERSON.caseNumber,
    rule: { category: '4', judgmentFinalDate: '2026-06-01', suspensionYears: 2 },
    intensityLevel: 'B',
    officerId: suzuki.id,
  });
  core.close();
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

async function signIn(page: Page, m: Messages, login: string, passphrase: string) {
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(login);
  await field(page, m, m.fields.passphrase).fill(passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(nav(page, m)).toBeVisible();
}

async function lockAndSignIn(page: Page, m: Messages, who: { login: string; passphrase: string }) {
  await page.keyboard.press('Control+L');
  await signIn(page, m, who.login, who.passphrase);
}

async function openAgenda(page: Page, m: Messages) {
  await nav(page, m).getByRole('button', { name: m.daily.nav.agenda, exact: true }).click();
  await expect(heading(page, m.daily.agenda.title)).toBeFocused();
}

function missingSection(page: Page, m: Messages) {
  return page.getByRole('region', { name: new RegExp(`^${fill(m.daily.missing.title, { month: '.+' })}$`) });
}

/** From the agenda's missing-reports list (a month with no report for the person) to their page. */
async function openPersonFromMissing(page: Page, m: Messages, month: string, name: string) {
  await openAgenda(page, m);
  const missing = missingSection(page, m);
  await missing.getByLabel(m.daily.missing.month).fill(month);
  await missing.getByLabel(m.daily.missing.month).press('Enter');
  await expect(missing.getByRole('heading', { level: 2 })).toContainText(month.slice(0, 4));
  await missing.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
}

async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function row(scope: Page | Locator, text: string | RegExp) {
  return scope.getByRole('row').filter({ hasText: text });
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const style = { lang, era: false } as const;
  const day = (iso: string) => formatDate(iso, style);
  /** Full-page picture from the top, so the sticky header is where a person sees it. */
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-daily-${name}`);
  };

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice } });

    test('daily casework flow', async ({ harness }) => {
      test.setTimeout(180_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await signIn(page, m, OFFICER.login, OFFICER.passphrase);
      await expect(nav(page, m).getByRole('button', { name: m.daily.nav.agenda, exact: true })).toBeVisible();
      await expect(nav(page, m).getByRole('button', { name: m.daily.nav.standards, exact: true })).toHaveCount(0);

      // The agenda, empty for the officer today; October's monthly reports are missing for both cases.
      await openAgenda(page, m);
      await expect(page.getByText(fill(m.daily.agenda.emptyDay, { date: formatDay('2026-11-26', style) }))).toBeVisible();
      const missing = missingSection(page, m);
      await expect(row(missing, PERSON.name)).toContainText(VPO);
      await expect(row(missing, OTHER_PERSON.name)).toContainText(m.daily.missing.noVpo);
      await shot(harness, '01-agenda-empty');
      await missing.getByRole('button', { name: `${m.daily.missing.record}: ${OTHER_PERSON.name}` }).click();
      const reportDialog = page.getByRole('dialog', { name: fill(m.daily.missing.dialogTitle, { name: OTHER_PERSON.name }) });
      await expect(reportDialog.getByText(m.daily.vpoReport.noVpo)).toBeVisible();
      await expect(reportDialog.getByRole('button', { name: m.daily.vpoReport.submit })).toBeDisabled();
      await shot(harness, '01b-missing-report-no-vpo');
      await page.keyboard.press('Escape');
      await expect(reportDialog).toHaveCount(0);

      // Yamada's page, contacts tab (opened from the missing-reports list).
      await missing.getByRole('button', { name: PERSON.name, exact: true }).click();
      await expect(page.getByRole('tab', { name: m.daily.tabs.contacts, exact: true })).toHaveAttribute('aria-selected', 'true');
      const quick = page.getByRole('region', { name: m.daily.contacts.formTitle });
      const kinds = quick.getByRole('group', { name: m.daily.contacts.kind });
      const kind = (k: keyof Messages['daily']['kinds']) => kinds.getByRole('radio', { name: m.daily.kinds[k], exact: true });
      const dateField = quick.getByLabel(new RegExp(`^${m.daily.common.date}`));
      const timeField = quick.getByLabel(new RegExp(`^${m.daily.common.time}`));
      const notice = quick.getByRole('status');
      await expect(kind('office_interview')).toBeChecked();
      // From the tab, Tab lands on the kind (the first control of the panel).
      await page.getByRole('tab', { name: m.daily.tabs.contacts, exact: true }).focus();
      await page.keyboard.press('Tab');
      await expect(kind('office_interview')).toBeFocused();
      await expect(dateField).toHaveValue('2026-11-26');
      await expect(timeField).toHaveValue('09:30');
      await expect(page.getByText(m.daily.standard.status.past_due, { exact: true })).toBeVisible();
      await shot(harness, '02-contacts-empty');

      // A date in the future: the service's refusal is shown at the date field.
      await dateField.fill('2026-11-30');
      await dateField.press('Enter');
      await expect(quick.getByText(m.errors.DATE_IN_FUTURE)).toBeVisible();
      await expect(dateField).toHaveAttribute('aria-invalid', 'true');
      await expect(dateField).toBeFocused();
      await shot(harness, '03-contacts-field-error');

      // 1. An office interview on 5 November at 10:00, recorded with Enter from the time field.
      await dateField.fill('2026-11-05');
      await timeField.fill('10:00');
      await timeField.press('Enter');
      await expect(notice).toHaveText(
        fill(m.daily.contacts.recorded, { kind: m.daily.kinds.office_interview, date: day('2026-11-05'), time: '10:00', outcome: m.daily.outcomes.held }),
      );
      await expect(kind('office_interview')).toBeFocused();
      await expect(dateField).toHaveValue('2026-11-26');

      // 2. A VPO meeting today, from the keyboard only: "5", Enter.
      const started = Date.now();
      await page.keyboard.press('5');
      await expect(kind('vpo_meeting')).toBeChecked();
      await expect(quick.getByText(fill(m.daily.contacts.byVpo, { name: VPO }))).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(notice).toHaveText(
        fill(m.daily.contacts.recorded, { kind: m.daily.kinds.vpo_meeting, date: day('2026-11-26'), time: '09:30', outcome: m.daily.outcomes.held }),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(kind('vpo_meeting')).toBeFocused();

      // 3. Another VPO meeting on 12 November: the month's standard is met.
      await dateField.fill('2026-11-12');
      await timeField.fill('14:00');
      await kind('vpo_meeting').focus();
      await page.keyboard.press('Enter');
      await expect(notice).toContainText(day('2026-11-12'));
      await expect(page.getByText(m.daily.standard.status.met, { exact: true })).toBeVisible();

      // 4. A missed home visit: the form asks whether the reason was acceptable.
      await page.keyboard.press('2');
      await expect(kind('home_visit')).toBeChecked();
      await dateField.fill('2026-11-19');
      await quick.getByRole('radio', { name: m.daily.contacts.missed, exact: true }).check();
      await page.keyboard.press('Enter');
      const reasonGroup = quick.getByRole('group', { name: new RegExp(`^${m.daily.contacts.missedReason}`) });
      await expect(reasonGroup).toContainText(m.daily.contacts.missedReasonRequired);
      await shot(harness, '04-contacts-missed-reason');
      await reasonGroup.getByRole('radio', { name: m.daily.contacts.missedUnacceptable, exact: true }).check();
      await page.keyboard.press('Enter');
      await expect(notice).toContainText(m.daily.outcomes.missed_unacceptable);

      // 5. A phone call with a sensitive note, recorded with Ctrl+Enter from the notes.
      await page.keyboard.press('4');
      const notes = quick.getByLabel(m.daily.contacts.notes, { exact: true });
      await notes.fill('本人から電話。就労先について相談あり。');
      await quick.getByLabel(m.daily.contacts.sensitive).check();
      await notes.press('Control+Enter');
      await expect(notice).toContainText(m.daily.kinds.phone);

      // The month: each contact says whether and why it counts.
      const month = page.getByRole('region', { name: fill(m.daily.contacts.listTitle, { month: lang === 'ja' ? '2026年11月' : 'November 2026' }) });
      const reason = (key: keyof Messages['daily']['standard']['reasons'], k: keyof Messages['daily']['kinds']) =>
        fill(m.daily.standard.reasons[key], { kind: m.daily.kinds[k], level: 'B' });
      await expect(row(month, m.daily.kinds.office_interview)).toContainText(reason('counts_po', 'office_interview'));
      await expect(row(month, day('2026-11-12'))).toContainText(reason('counts_vpo', 'vpo_meeting'));
      await expect(row(month, m.daily.kinds.home_visit)).toContainText(m.daily.standard.counts.none);
      await expect(row(month, m.daily.kinds.home_visit)).toContainText(reason('missed', 'home_visit'));
      await expect(row(month, m.daily.kinds.phone)).toContainText(reason('kind_not_counted', 'phone'));
      await expect(row(month, m.daily.kinds.phone)).toContainText(m.daily.contacts.sensitiveBadge);
      await expect(month.getByRole('row')).toHaveCount(6);
      const standard = page.getByRole('region', { name: fill(m.daily.standard.title, { month: lang === 'ja' ? '2026年11月' : 'November 2026' }) });
      await expect(standard.getByRole('region', { name: m.daily.standard.po, exact: true })).toContainText(m.daily.standard.sideMet);
      await expect(standard.getByRole('region', { name: m.daily.standard.vpo, exact: true })).toContainText(m.daily.standard.sideMet);
      await shot(harness, '05-contacts-met');

      // A VPO monthly report for last month, keyed in from paper.
      const reports = page.getByRole('region', { name: m.daily.vpoReport.title });
      await expect(reports).toContainText(fill(m.daily.vpoReport.lastMissing, { month: lang === 'ja' ? '2026年10月' : 'October 2026' }));
      await reports.getByRole('button', { name: m.daily.vpoReport.open }).click();
      const reportMonth = reports.getByLabel(new RegExp(`^${m.daily.vpoReport.month}`));
      await expect(reportMonth).toBeFocused();
      await expect(reportMonth).toHaveValue('2026-10');
      await shot(harness, '06-vpo-report-form');
      await reports.getByRole('button', { name: m.daily.vpoReport.submit }).click();
      await expect(reports.getByRole('status')).toHaveText(
        fill(m.daily.vpoReport.recorded, { month: lang === 'ja' ? '2026年10月' : 'October 2026' }),
      );
      await expect(reports).toContainText(
        fill(m.daily.vpoReport.lastReceived, { month: lang === 'ja' ? '2026年10月' : 'October 2026', date: day('2026-11-26') }),
      );

      // October: the report is listed, and it says why it is not a meeting.
      await standard.getByRole('button', { name: m.daily.standard.prev }).click();
      const october = page.getByRole('region', { name: fill(m.daily.contacts.listTitle, { month: lang === 'ja' ? '2026年10月' : 'October 2026' }) });
      await expect(row(october, m.daily.kinds.vpo_monthly_report)).toContainText(m.daily.standard.reasons.vpo_report_not_meeting);
      await expect(page.getByText(m.daily.standard.status.overdue, { exact: true })).toBeVisible();
      await shot(harness, '07-contacts-october');
      await page.getByRole('button', { name: m.daily.standard.current }).click();

      // Appointments: one today at 11:00, and a series every two weeks from next week.
      await openTab(page, m.daily.tabs.appointments);
      await expect(page.getByText(fill(m.daily.appointments.empty, { from: day('2026-11-12'), to: day('2027-01-12') }))).toBeVisible();
      await shot(harness, '08a-appointments-empty');
      const form = page.getByRole('region', { name: m.daily.appointments.formTitle });
      await form.getByLabel(new RegExp(`^${m.daily.common.date}`)).fill('2026-11-26');
      await form.getByLabel(new RegExp(`^${m.daily.appointments.startTime}`)).fill('11:00');
      await form.getByLabel(m.daily.appointments.place).fill(lang === 'ja' ? '面接室2' : 'Interview room 2');
      await form.getByRole('button', { name: m.daily.appointments.submit }).click();
      await expect(page.getByText(fill(m.daily.appointments.createdOne, { date: day('2026-11-26'), time: '11:00' }))).toBeVisible();
      await form.getByLabel(new RegExp(`^${m.daily.common.date}`)).fill('2026-12-03');
      await form.getByLabel(new RegExp(`^${m.daily.appointments.startTime}`)).fill('14:00');
      await form.getByLabel(m.daily.contacts.kind).selectOption('home_visit');
      await form.getByLabel(m.daily.appointments.repeat).selectOption('2weeks');
      await form.getByLabel(new RegExp(`^${m.daily.appointments.count}`)).fill('5');
      await shot(harness, '08-appointments-form');
      await form.getByRole('button', { name: m.daily.appointments.submit }).click();
      await expect(page.getByText(fill(m.daily.appointments.createdMany, { n: 5, date: day('2026-12-03'), time: '14:00' }))).toBeVisible();
      const list = page.getByRole('region', { name: m.daily.appointments.listTitle });
      await expect(list.getByRole('row')).toHaveCount(1 + 1 + 3); // header, today, the series within the window
      await expect(row(list, '11:00')).toContainText(m.daily.appointments.status.scheduled);
      await shot(harness, '09-appointments');

      // One of the series moves a day; the series is cancelled from the last week of December on.
      const action = (label: string, date: string) =>
        list.getByRole('button', { name: new RegExp(`^${escapeRe(`${label}: ${formatDay(date, style)}`)}`) });
      await action(m.daily.appointments.reschedule, '2026-12-17').click();
      const move = page.getByRole('dialog', { name: m.daily.appointments.rescheduleTitle });
      await move.getByLabel(new RegExp(`^${m.daily.appointments.newDate}`)).fill('2026-12-18');
      await shot(harness, '09b-reschedule-dialog');
      await move.getByRole('button', { name: m.daily.appointments.rescheduleSubmit }).click();
      await expect(page.getByText(fill(m.daily.appointments.rescheduled, { date: day('2026-12-18'), time: '14:00' }))).toBeVisible();
      await action(m.daily.appointments.cancel, '2026-12-31').click();
      const cancel = page.getByRole('dialog', { name: m.daily.appointments.cancelTitle });
      await cancel.getByRole('radio', { name: new RegExp(`^${escapeRe(m.daily.appointments.cancelSeries)}`) }).check();
      await shot(harness, '09c-cancel-dialog');
      await cancel.getByRole('button', { name: m.daily.appointments.cancelSubmit }).click();
      await expect(page.getByText(fill(m.daily.appointments.cancelled, { n: 3 }))).toBeVisible();
      await expect(list.getByRole('row')).toHaveCount(1 + 3);
      await expect(row(list, formatDay('2026-12-18', style))).toContainText(m.daily.appointments.status.scheduled);

      // The appointment's time passes without an outcome: the agenda says so.
      harness.clock.advance(3 * HOUR);
      await page.clock.setFixedTime(harness.clock.now());
      await openAgenda(page, m);
      const needs = page.getByRole('region', { name: m.daily.agenda.needsTitle });
      await expect(row(needs, PERSON.name)).toContainText(m.daily.appointments.status.needs_outcome);
      await shot(harness, '10-agenda-needs-outcome');
      await page.getByRole('radio', { name: m.daily.agenda.week, exact: true }).check();
      await expect(page.getByRole('heading', { level: 3, name: new RegExp(formatDay('2026-11-29', style)) })).toBeVisible();
      await shot(harness, '11-agenda-week');
      await page.getByRole('radio', { name: m.daily.agenda.day, exact: true }).check();

      // Resolve it: the dialog is prefilled; Enter records it as held.
      await needs.getByRole('button', { name: new RegExp(`^${m.daily.appointments.resolve}`) }).click();
      const resolve = page.getByRole('dialog', { name: m.daily.appointments.resolveTitle });
      await expect(resolve.getByRole('radio', { name: m.daily.contacts.held, exact: true })).toBeFocused();
      await expect(resolve.getByLabel(new RegExp(`^${m.daily.common.time}`))).toHaveValue('11:00');
      await shot(harness, '12-resolve-dialog');
      await page.keyboard.press('Enter');
      await expect(resolve).toHaveCount(0);
      await expect(page.getByText(fill(m.daily.appointments.resolved, { name: PERSON.name, outcome: m.daily.outcomes.held }))).toBeVisible();
      await expect(needs).toHaveCount(0);
      const today = page.getByRole('region', { name: formatDay('2026-11-26', style) });
      await expect(row(today, PERSON.name)).toContainText(m.daily.appointments.status.done);
      await shot(harness, '13-agenda-resolved');

      // Back on the person's page: a positive drug test is recorded and flagged.
      await today.getByRole('button', { name: PERSON.name, exact: true }).click();
      await expect(page.getByRole('tab', { name: m.daily.tabs.appointments, exact: true })).toHaveAttribute('aria-selected', 'true');
      await openTab(page, m.daily.tabs.drugTests);
      const testForm = page.getByRole('region', { name: m.daily.drugTests.formTitle });
      await expect(testForm.getByRole('checkbox', { name: m.daily.drugTypes.stimulants })).toBeChecked();
      await testForm.getByRole('button', { name: m.daily.drugTests.submit }).click();
      await expect(testForm.getByText(m.daily.drugTests.resultRequired)).toBeVisible();
      await testForm.getByRole('radio', { name: m.daily.drugTests.results.positive, exact: true }).check();
      await testForm.getByRole('button', { name: m.daily.drugTests.submit }).click();
      await expect(testForm.getByText(m.daily.drugTests.consentRequired)).toBeVisible();
      await shot(harness, '14-drug-test-errors');
      await testForm.getByLabel(m.daily.drugTests.consent).check();
      await testForm.getByLabel(m.daily.drugTests.followUp).fill(lang === 'ja' ? '統括保護観察官と協議。来週再検査。' : 'Discuss with the supervisor; retest next week.');
      await testForm.getByRole('button', { name: m.daily.drugTests.submit }).click();
      const flag = fill(m.daily.drugTests.flagTitle, { date: day('2026-11-26'), result: m.daily.drugTests.results.positive });
      await expect(page.getByText(flag)).toBeVisible();
      const tests = page.getByRole('region', { name: m.daily.drugTests.listTitle });
      await expect(row(tests, day('2026-11-26'))).toContainText(m.daily.drugTests.results.positive);
      await expect(row(tests, day('2026-11-26'))).toHaveClass(/row-flagged/);
      await shot(harness, '15-drug-tests-positive');

      // A measure that needs a supervisor's sign-off.
      await openTab(page, m.daily.tabs.measures);
      await expect(page.getByText(m.daily.measures.empty)).toBeVisible();
      await shot(harness, '15a-measures-empty');
      const measureForm = page.getByRole('region', { name: m.daily.measures.formTitle });
      await measureForm.getByLabel(m.daily.measures.kind).selectOption('compulsory_appearance');
      await measureForm.getByLabel(m.daily.measures.decision).fill(lang === 'ja' ? '所在不明のため引致状を請求。' : 'Whereabouts unknown: applied for a warrant.');
      await measureForm.getByRole('button', { name: m.daily.measures.submit }).click();
      const measures = page.getByRole('region', { name: m.daily.measures.listTitle });
      await expect(row(measures, m.daily.measures.kinds.compulsory_appearance)).toContainText(m.daily.measures.awaiting);
      await expect(measures.getByRole('button', { name: new RegExp(`^${m.daily.measures.signOff}`) })).toHaveCount(0);
      await shot(harness, '16-measures-officer');

      // Another officer: the contacts are there (the sensitive note is not), the drug tests are withheld.
      await lockAndSignIn(page, m, OTHER);
      await openPersonFromMissing(page, m, '2026-09', PERSON.name);
      await expect(row(page, m.daily.kinds.phone)).toContainText(m.daily.contacts.notesHidden);
      await expect(page.getByText('就労先について')).toHaveCount(0);
      await shot(harness, '17-contacts-other-officer');
      await openTab(page, m.daily.tabs.drugTests);
      await expect(page.getByRole('heading', { name: m.daily.drugTests.restrictedTitle })).toBeVisible();
      await expect(page.getByText(fill(m.daily.drugTests.restrictedBody, { officer: OFFICER.displayName }))).toBeVisible();
      await expect(page.getByRole('tabpanel').getByRole('table')).toHaveCount(0);
      await expect(page.getByRole('region', { name: m.daily.drugTests.formTitle })).toHaveCount(0);
      await shot(harness, '18-drug-tests-restricted');

      // The supervisor signs the measure off and sees the office's contact standards.
      await lockAndSignIn(page, m, SUPERVISOR);
      await openPersonFromMissing(page, m, '2026-09', PERSON.name);
      await openTab(page, m.daily.tabs.measures);
      await page.getByRole('button', { name: new RegExp(`^${m.daily.measures.signOff}`) }).click();
      const signOff = page.getByRole('dialog', { name: m.daily.measures.signOffTitle });
      await shot(harness, '19-sign-off-dialog');
      await signOff.getByRole('button', { name: m.daily.measures.signOff }).click();
      await expect(signOff).toHaveCount(0);
      await expect(row(page, m.daily.measures.kinds.compulsory_appearance)).toContainText(m.daily.measures.signedOff);
      await expect(row(page, m.daily.measures.kinds.compulsory_appearance)).toContainText(SUPERVISOR.displayName);
      await shot(harness, '20-measures-signed-off');

      await nav(page, m).getByRole('button', { name: m.daily.nav.standards, exact: true }).click();
      await expect(heading(page, m.daily.standardsPage.title)).toBeFocused();
      await expect(page.getByText(m.daily.standardsPage.assumption)).toBeVisible();
      await shot(harness, '21-standards');
      const vpoB = page.getByLabel(fill(m.daily.standardsPage.fieldOf, { field: m.daily.standardsPage.vpoPerMonth, level: 'B' }));
      await expect(vpoB).toHaveValue('2');
      await vpoB.fill('40');
      await page.getByLabel(fill(m.daily.standardsPage.fieldOf, { field: m.daily.kinds.phone, level: 'B' })).selectOption('po');
      await page.getByRole('button', { name: m.daily.standardsPage.save }).click();
      await expect(page.getByText(m.daily.standardsPage.numberInvalid)).toBeVisible();
      await expect(vpoB).toBeFocused();
      await shot(harness, '22-standards-error');
      await vpoB.fill('3');
      await page.getByRole('button', { name: m.daily.standardsPage.save }).click();
      await expect(page.getByText(fill(m.daily.standardsPage.saved, { levels: 'B' }))).toBeVisible();
      await expect(vpoB).toHaveValue('3');

      // The supervisor's agenda shows the whole office; the other case's report is still missing.
      await openAgenda(page, m);
      await expect(page.getByRole('radio', { name: m.daily.agenda.all, exact: true })).toBeChecked();
      await expect(row(missingSection(page, m), OTHER_PERSON.name)).toBeVisible();
      await expect(row(missingSection(page, m), PERSON.name)).toHaveCount(0);
      await shot(harness, '23-agenda-supervisor');
    });
  });
}
