/**
 * Family seminars and facility placements, in Japanese and in English. The office, an officer, two
 * supervisees with family members, and a one-bed facility already occupied by the second supervisee
 * are laid out with the services before the app starts; from there on everything goes through the
 * UI: hold a family seminar that two family members attend, place a supervisee in the full facility
 * (warning, then "place anyway"), see a refused overlap at its field, and read the occupancy.
 * The clock is fixed at Thursday 26 November 2026, 09:30 in Japan.
 */
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { formatMonth } from '../../renderer/features/contacts/format';
import { formatDate } from '../../renderer/i18n/dates';
import type { Messages } from '../../renderer/i18n/messages';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const START = Date.parse('2026-11-26T00:30:00.000Z');

const ADMIN = { login: 'kanri', displayName: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer', passphrase: 'sakura ga saku kisetsu 7' } as const;
const PERSON = { name: '山田 太郎', kana: 'やまだ たろう', caseNumber: 'R8-保-0123' };
const MOTHER = '山田 花子';
const WIFE = '山田 恵子';
const FACILITY = 'あさひ寮';
const TOPIC = '薬物依存の理解と家族の関わり方';

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
  const yamada = await call('supervisees.create', {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    birthDate: '1990-05-05',
    sex: 'male',
    drugTypes: ['stimulants'],
    caseNumber: PERSON.caseNumber,
    rule: { category: '4', judgmentFinalDate: '2026-04-01', suspensionYears: 3 },
    intensityLevel: 'B',
    officerId: sato.id,
  });
  await call('family.save', { superviseeId: yamada.person.id, name: MOTHER, nameKana: 'やまだ はなこ', relation: 'parent', isGuarantor: true, contact: '090-1111-2222' });
  await call('family.save', { superviseeId: yamada.person.id, name: WIFE, nameKana: 'やまだ けいこ', relation: 'spouse', contact: '090-3333-4444' });
  const nakamura = await call('supervisees.create', {
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
    officerId: sato.id,
  });
  const facility = await call('facilities.save', { name: FACILITY, kind: 'rehabilitation_facility', capacity: 1, drugFocused: true, address: '東京都港区1-2-3', phone: '03-1234-5678' });
  await call('facilities.save', { name: 'ひかりホーム', kind: 'self_reliance_home', capacity: 4 });
  await call('placements.create', { caseId: nakamura.cases[0]!.id, facilityId: facility.id, startedOn: '2026-10-01' });
  core.close();
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

async function signIn(page: Page, m: Messages) {
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(OFFICER.login);
  await field(page, m, m.fields.passphrase).fill(OFFICER.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(nav(page, m)).toBeVisible();
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const f = m.families;
  const style = { lang, era: false } as const;
  const shot = async (h: Harness, name: string) => {
    await h.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await h.shot(`${lang}-families-${name}`);
  };

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang], prepareDataDir: { run: layOutOffice }, viewport: { width: 1366, height: 768 } });

    test('family seminar, placement over capacity and occupancy', async ({ harness }) => {
      test.setTimeout(90_000);
      const { page } = harness;
      harness.clock.advance(START - harness.clock.now());
      await page.clock.setFixedTime(START);
      await harness.open();
      await signIn(page, m);

      // --- Family seminars: empty, then a seminar today.
      await nav(page, m).getByRole('button', { name: f.seminars.nav, exact: true }).click();
      await expect(heading(page, f.seminars.title)).toBeFocused();
      await expect(page.getByText(f.seminars.emptyTitle)).toBeVisible();
      await shot(harness, '01-seminars-empty');
      await page.getByRole('button', { name: f.seminars.add }).first().click();
      const dialog = page.getByRole('dialog', { name: f.seminars.addTitle });
      await field(page, m, f.seminars.topic).fill('');
      await dialog.getByRole('button', { name: f.seminars.add }).click();
      await expect(dialog.getByText(f.seminars.topicRequired)).toBeVisible();
      await field(page, m, f.seminars.time).fill('14:00');
      await field(page, m, f.seminars.topic).fill(TOPIC);
      await field(page, m, f.seminars.place).fill('東京保護観察所 会議室A');
      await field(page, m, f.seminars.facilitator).fill('佐藤 花子');
      await field(page, m, f.seminars.capacity).fill('12');
      await shot(harness, '02-seminar-form');
      await dialog.getByRole('button', { name: f.seminars.add }).click();
      await expect(heading(page, TOPIC)).toBeVisible();
      await expect(page.getByText(f.attendance.empty)).toBeVisible();

      // Invite Yamada's mother (guarantor) and wife.
      await field(page, m, f.invite.search).fill('やまだ');
      await page.getByRole('list', { name: f.invite.hits }).getByRole('button', { name: new RegExp(PERSON.name) }).click();
      const members = page.getByRole('group', { name: fill(f.invite.membersOf, { name: PERSON.name }) });
      await members.getByRole('checkbox', { name: new RegExp(MOTHER) }).check();
      await members.getByRole('checkbox', { name: new RegExp(WIFE) }).check();
      await expect(page.getByText(f.invite.instructed)).toHaveCount(0); // an adult case: no guardian measure
      await shot(harness, '03-seminar-invite');
      await page.getByRole('button', { name: fill(f.invite.submit, { n: 2 }) }).click();
      await expect(page.getByRole('status').filter({ hasText: fill(f.invite.done, { names: [MOTHER, WIFE].join(f.listSeparator) }) })).toBeVisible();
      const table = page.getByRole('table', { name: f.attendance.title });
      await expect(table.getByRole('row')).toHaveCount(3);

      // Attendance for both in one pass, with a follow-up note.
      await page.getByRole('button', { name: f.attendance.save }).click();
      await expect(page.getByText(f.attendance.noneChosen)).toBeVisible();
      await page.getByRole('button', { name: f.attendance.allAttended }).click();
      await page.getByRole('textbox', { name: fill(f.attendance.followUpOf, { name: MOTHER }) }).fill('家族相談を案内');
      await page.getByRole('button', { name: f.attendance.save }).click();
      await expect(page.getByRole('status').filter({ hasText: fill(f.attendance.saved, { n: 2 }) })).toBeVisible();
      await expect(page.getByRole('group', { name: fill(f.attendance.of, { name: MOTHER }) }).getByRole('radio', { name: f.attendanceCodes.attended })).toBeChecked();
      await expect(page.getByRole('group', { name: fill(f.attendance.of, { name: WIFE }) }).getByRole('radio', { name: f.attendanceCodes.attended })).toBeChecked();
      await shot(harness, '04-seminar-attendance');

      // Back to the list: the seminar shows two attended; then the families after supervision.
      await page.getByRole('button', { name: f.seminars.backToList }).click();
      const list = page.getByRole('table', { name: f.seminars.list });
      await expect(list.getByRole('row').filter({ hasText: TOPIC })).toContainText(fill(f.seminars.seatsValue, { taken: 2, capacity: 12 }));
      await shot(harness, '05-seminar-list');
      await page.getByRole('button', { name: f.reachable.title }).click();
      await expect(page.getByText(f.reachable.empty)).toBeVisible();
      await shot(harness, '06-reachable-empty');

      // --- Housing: Yamada's tab; a planned end before the start is refused at its field.
      const search = page.getByRole('combobox', { name: m.headerSearch.label });
      await search.fill(PERSON.kana);
      await expect(page.getByRole('listbox', { name: m.headerSearch.results }).getByRole('option')).toHaveCount(1);
      await search.press('Enter');
      await expect(heading(page, PERSON.name)).toBeVisible();
      const tab = page.getByRole('tab', { name: f.housing.tab, exact: true });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByText(f.housing.empty)).toBeVisible();
      const form = page.getByRole('region', { name: f.housing.formTitle });
      await form.getByLabel(new RegExp(`^${f.housing.facility}`)).selectOption({ label: fill(f.housing.facilityOption, { name: FACILITY, kind: f.facilityKinds.rehabilitation_facility, occupied: 1, capacity: 1 }) });
      const startField = form.getByLabel(new RegExp(`^${f.housing.start}`));
      const endField = form.getByLabel(new RegExp(`^${f.housing.plannedEnd}`));
      await startField.fill('2026-11-20');
      await endField.fill('2026-11-10');
      await form.getByRole('button', { name: f.housing.place }).click();
      await expect(form.getByText(m.errors.END_BEFORE_START)).toBeVisible();
      await expect(endField).toHaveAttribute('aria-invalid', 'true');

      // The facility is full: a warning with the figures, then "place anyway".
      await endField.fill('2027-02-20');
      await form.getByRole('button', { name: f.housing.place }).click();
      const warning = form.getByRole('alert').filter({ hasText: f.housing.fullTitle });
      await expect(warning).toContainText(fill(f.housing.fullBody, { name: FACILITY, capacity: 1, occupied: 1, date: formatDate('2026-11-20', style) }));
      await expect(form.getByRole('button', { name: f.housing.placeAnyway })).toBeFocused();
      await shot(harness, '07-housing-over-capacity');
      await form.getByRole('button', { name: f.housing.placeAnyway }).click();
      await expect(page.getByRole('status').filter({ hasText: fill(f.housing.placed, { name: FACILITY, date: formatDate('2026-11-20', style) }) })).toBeVisible();
      const placements = page.getByRole('table', { name: f.housing.listTitle });
      await expect(placements.getByRole('row').filter({ hasText: FACILITY })).toContainText(f.housing.living);

      // An overlapping placement elsewhere is refused at the start field.
      await form.getByLabel(new RegExp(`^${f.housing.facility}`)).selectOption({ index: 2 });
      await startField.fill('2026-11-24');
      await form.getByRole('button', { name: f.housing.place }).click();
      await expect(form.getByText(m.errors.OVERLAP)).toBeVisible();
      await expect(startField).toHaveAttribute('aria-invalid', 'true');
      await shot(harness, '08-housing-overlap');

      // --- Facilities: the directory shows the facility over capacity; occupancy per month.
      await nav(page, m).getByRole('button', { name: f.facilities.nav, exact: true }).click();
      await expect(heading(page, f.facilities.title)).toBeFocused();
      const directory = page.getByRole('table', { name: f.facilities.list });
      await expect(directory.getByRole('row').filter({ hasText: FACILITY })).toContainText(fill(f.facilities.over, { n: 1 }));
      const occupancy = page.getByRole('table', { name: f.occupancy.title });
      await expect(occupancy.getByRole('rowheader', { name: new RegExp(FACILITY) })).toBeVisible();
      const asahi = occupancy.locator('tbody').filter({ hasText: FACILITY });
      await expect(asahi.getByRole('row').filter({ hasText: formatMonth('2026-10', style) })).toContainText('100%');
      await shot(harness, '09-facilities');
      await page.getByRole('button', { name: f.facilities.add }).first().click();
      const facilityDialog = page.getByRole('dialog', { name: f.facilities.addTitle });
      await facilityDialog.getByRole('button', { name: f.facilities.add }).click();
      await expect(facilityDialog.getByText(f.facilities.nameRequired)).toBeVisible();
      await shot(harness, '10-facility-form');
      await page.keyboard.press('Escape');
    });
  });
}
