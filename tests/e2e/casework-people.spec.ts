/**
 * The people screens, in Japanese and in English: the VPO registry, intake of a supervisee with a
 * partial suspended sentence (bad input refused at the field, nothing saved), the two phases and
 * their dates, family, a special condition added and one lifted, suspension of supervision and its
 * resumption moving the end date, an assessment, the change history, the header search by kana and
 * by romaji, and an officer who cannot end a case. Every screen is photographed.
 */
import { addDays, addYears, format, getDate, parseISO } from 'date-fns';
import { formatDate } from '../../renderer/i18n/dates';
import { expect, test, type PageGlobals } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';
import { nav, office, signInAs } from './office-call';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
const ADMIN = { login: 'kanri', name: '管理 太郎', passphrase: 'umi no mieru oka de 2026' };
const OFFICER = { login: 'sato.h', name: '佐藤 花子', passphrase: 'sakura ga saku kisetsu 7' };

const JAPAN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const plusDays = (date: string, n: number) => iso(addDays(parseISO(date), n));
/** Last day of a term of years starting on `start` (the first day counts). */
function termEnd(start: string, years: number): string {
  const from = parseISO(start);
  const corresponding = addYears(from, years);
  return iso(getDate(corresponding) !== getDate(from) ? corresponding : addDays(corresponding, -1));
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  const style = { lang, era: false } as const;
  const date = (d: string) => formatDate(d, style);

  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang] });

    test('people: intake, phases, conditions, suspension, search', async ({ harness }) => {
      const { page } = harness;
      const call = office(harness);
      /** Full-page picture from the top, so the sticky header is where a person sees it. */
      const shot = async (name: string) => {
        await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
        await harness.shot(name);
      };
      const today = JAPAN.format(new Date(harness.clock.now()));

      // An office with an administrator (signed in by the setup) and an officer.
      await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.name, passphrase: ADMIN.passphrase });
      await call('users.add', { login: OFFICER.login, displayName: OFFICER.name, role: 'officer', passphrase: OFFICER.passphrase });
      // Someone already registered, whose case number the intake will try to reuse.
      await call('supervisees.create', {
        familyName: '鈴木',
        givenName: '花子',
        familyKana: 'すずき',
        givenKana: 'はなこ',
        birthDate: '1985-03-03',
        sex: 'female',
        caseNumber: 'R8-0099',
        rule: { category: '3', releaseDate: plusDays(today, -10), sentenceEndDate: plusDays(today, 200) },
      });
      await harness.open();
      await expect(heading(page, m.dashboard.title)).toBeVisible();

      // --- VPO registry: empty, then one registered through the dialog.
      await nav(page, lang).getByRole('button', { name: m.vpos.nav, exact: true }).click();
      await expect(heading(page, m.vpos.title)).toBeFocused();
      await expect(page.getByText(m.vpos.emptyTitle)).toBeVisible();
      await shot(`${lang}-p01-vpos-empty`);
      await page.getByRole('button', { name: m.vpos.add }).first().click();
      const vpoDialog = page.getByRole('dialog', { name: m.vpos.addTitle });
      await vpoDialog.getByLabel(new RegExp(`^${m.vpos.name}`)).fill('高橋 一郎');
      await vpoDialog.getByLabel(m.vpos.nameKana, { exact: true }).fill('たかはし いちろう');
      await vpoDialog.getByLabel(m.vpos.district, { exact: true }).fill('千代田区保護区');
      await vpoDialog.getByLabel(m.vpos.phone, { exact: true }).fill('03-0000-0000');
      await shot(`${lang}-p02-vpo-dialog`);
      await vpoDialog.getByRole('button', { name: m.vpos.add }).click();
      await expect(vpoDialog).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: fill(m.vpos.added, { name: '高橋 一郎' }) })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: '高橋 一郎' })).toContainText(m.vpos.active);
      await shot(`${lang}-p03-vpos`);

      // --- People: the office list, then the intake form.
      await nav(page, lang).getByRole('button', { name: m.people.nav, exact: true }).click();
      await expect(heading(page, m.people.title)).toBeFocused();
      await expect(page.getByRole('row').filter({ hasText: '鈴木 花子' })).toContainText('R8-0099');
      await shot(`${lang}-p04-people`);
      await page.getByRole('button', { name: m.people.newIntake }).click();
      await expect(heading(page, m.intake.title)).toBeVisible();

      // Missing fields: each named at its field, focus on the first, nothing sent.
      await page.getByRole('button', { name: m.intake.submit }).click();
      await expect(page.getByText(m.peopleErrors.familyNameRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.familyKanaRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.birthDateRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.sexRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.caseNumberRequired)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.categoryRequired)).toBeVisible();
      await expect(field(page, m, m.person.familyName)).toBeFocused();
      await shot(`${lang}-p05-intake-missing`);

      // The person, with a birth date in the future at first.
      await field(page, m, m.person.familyName).fill('山田');
      await field(page, m, m.person.givenName).fill('太郎');
      await field(page, m, m.person.familyKana).fill('やまだ');
      await field(page, m, m.person.givenKana).fill('たろう');
      await field(page, m, m.person.familyRomaji).fill('Yamada');
      await field(page, m, m.person.givenRomaji).fill('Taro');
      await field(page, m, m.person.birthDate).fill(plusDays(today, 3));
      await page.getByRole('radio', { name: m.peopleCodes.sex.male, exact: true }).check();
      await field(page, m, m.person.phone).fill('090-1234-5678');
      await field(page, m, m.person.address).fill('東京都千代田区霞が関1-1-1');
      await page.getByRole('checkbox', { name: m.peopleCodes.drug.stimulants }).check();
      await field(page, m, m.person.offences).fill('覚醒剤取締法違反（使用）');
      await field(page, m, m.person.priorConvictions).fill('2');
      await page.getByLabel(m.person.vpo, { exact: true }).selectOption({ index: 1 });
      await expect(page.getByLabel(m.person.vpo, { exact: true }).locator('option:checked')).toHaveText(/高橋 一郎/);
      await field(page, m, m.person.caseNumber).fill('R8-0099');
      await field(page, m, m.intake.category).selectOption('partial');
      const paroleDate = plusDays(today, -60);
      const unsuspendedEnd = plusDays(today, 120);
      await field(page, m, m.intake.paroleDate).fill(paroleDate);
      await field(page, m, m.intake.unsuspendedEndDate).fill(plusDays(paroleDate, -1));
      await field(page, m, m.intake.suspensionYears).fill('2');
      await page.getByLabel(m.person.employmentAtStart).selectOption('unemployed');
      await page.getByRole('button', { name: m.intake.submit }).click();
      await expect(page.getByText(m.peopleErrors.birthFuture)).toBeVisible();
      await expect(page.getByText(m.peopleErrors.unsuspendedBeforeParole)).toBeVisible();
      await expect(field(page, m, m.person.birthDate)).toBeFocused();
      await shot(`${lang}-p06-intake-bad-dates`);

      // Dates put right; the case number is taken: the service says so at the field, and nothing is saved.
      await field(page, m, m.person.birthDate).fill('1990-05-05');
      await expect(page.getByText(fill(m.person.age, { n: Number(today.slice(0, 4)) - 1990 - (today.slice(5) < '05-05' ? 1 : 0) }))).toBeVisible();
      await field(page, m, m.intake.unsuspendedEndDate).fill(unsuspendedEnd);
      await page.getByRole('button', { name: m.intake.submit }).click();
      await expect(page.getByText(m.peopleErrors.caseNumberTaken)).toBeVisible();
      await expect(field(page, m, m.person.caseNumber)).toBeFocused();
      expect(await call('search.query', { q: 'やまだ' })).toEqual([]);
      await shot(`${lang}-p07-intake-duplicate`);

      await field(page, m, m.person.caseNumber).fill('R8-0001');
      await page.getByRole('button', { name: m.intake.submit }).click();

      // The person page opens on the case: two phases with their dates.
      await expect(heading(page, '山田 太郎')).toBeFocused();
      await expect(page.getByText(m.person.created)).toBeVisible();
      await expect(page.getByText('YAMADA Taro')).toBeVisible();
      await expect(page.getByRole('tab', { name: m.person.tabs.case })).toHaveAttribute('aria-selected', 'true');
      const probationStart = plusDays(unsuspendedEnd, 1);
      const plannedEnd = termEnd(probationStart, 2);
      const phases = page.locator('.phases-table tbody tr');
      await expect(phases).toHaveCount(2);
      await expect(phases.nth(0)).toContainText(m.peopleCodes.phaseKind.partial_parole);
      await expect(phases.nth(0)).toContainText(date(paroleDate));
      await expect(phases.nth(0)).toContainText(date(unsuspendedEnd));
      await expect(phases.nth(1)).toContainText(m.peopleCodes.phaseKind.partial_probation);
      await expect(phases.nth(1)).toContainText(date(probationStart));
      await expect(phases.nth(1)).toContainText(date(plannedEnd));
      await expect(page.locator('.person-facts')).toContainText(date(plannedEnd));
      await expect(page.locator('.person-facts')).toContainText('高橋 一郎');
      await shot(`${lang}-p08-person-case`);

      // Overview: details and a guarantor.
      await page.getByRole('tab', { name: m.person.tabs.overview }).click();
      await expect(page.getByText('090-1234-5678')).toBeVisible();
      await page.getByRole('button', { name: m.person.edit, exact: true }).click();
      await expect(field(page, m, m.person.familyName)).toBeFocused();
      await field(page, m, m.person.phone).fill('080-9999-0000');
      await field(page, m, m.person.givenKana).fill('太郎');
      await page.getByRole('button', { name: m.common.save, exact: true }).click();
      await expect(page.getByText(m.peopleErrors.kanaOnly)).toBeVisible();
      await expect(field(page, m, m.person.givenKana)).toBeFocused();
      await shot(`${lang}-p09a-person-edit`);
      await field(page, m, m.person.givenKana).fill('たろう');
      await page.getByRole('button', { name: m.common.save, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: m.person.saved })).toBeVisible();
      await expect(page.getByText('080-9999-0000')).toBeVisible();
      await page.getByRole('button', { name: m.family.add }).click();
      const familyDialog = page.getByRole('dialog', { name: m.family.addTitle });
      await familyDialog.getByLabel(new RegExp(`^${m.family.name}`)).fill('山田 花子');
      await familyDialog.getByLabel(m.family.nameKana, { exact: true }).fill('やまだ はなこ');
      await familyDialog.getByLabel(new RegExp(`^${m.family.relation}`)).selectOption('parent');
      await familyDialog.getByLabel(m.family.contact, { exact: true }).fill('03-1111-2222');
      await familyDialog.getByLabel(m.family.seminar).selectOption('invited');
      await familyDialog.getByLabel(m.family.isGuarantor).check();
      await shot(`${lang}-p09-family-dialog`);
      await familyDialog.getByRole('button', { name: m.common.save }).click();
      await expect(familyDialog).toHaveCount(0);
      await expect(page.getByRole('row').filter({ hasText: '山田 花子' })).toContainText(m.family.guarantor);
      await shot(`${lang}-p10-person-overview`);

      // Conditions: add two special conditions from the catalogue, lift one.
      await page.getByRole('tab', { name: m.person.tabs.conditions }).click();
      await expect(page.getByText(m.conditions.noSpecial)).toBeVisible();
      await page.getByLabel(new RegExp(`^${m.conditions.kind}`)).selectOption('specialised_treatment');
      await page.getByLabel(m.conditions.fromCatalogue).selectOption('drug_relapse_prevention_program');
      await expect(page.getByLabel(new RegExp(`^${m.conditions.text}`))).toHaveValue(/薬物再乱用防止プログラム/);
      await page.getByRole('button', { name: m.conditions.add, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: m.conditions.added })).toBeVisible();
      await page.getByLabel(new RegExp(`^${m.conditions.kind}`)).selectOption('prohibited_conduct');
      await page.getByLabel(m.conditions.fromCatalogue).selectOption('no_drug_related_places');
      await page.getByRole('button', { name: m.conditions.add, exact: true }).click();
      await expect(page.locator('.condition-list').first().locator('> li')).toHaveCount(2);
      await page.getByRole('button', { name: new RegExp(`^${m.conditions.lift}: 規制薬物の入手`) }).click();
      const liftDialog = page.getByRole('dialog', { name: m.conditions.liftTitle });
      await liftDialog.getByRole('button', { name: m.conditions.liftSubmit }).click();
      await expect(liftDialog).toHaveCount(0);
      const lifted = page.locator('.condition-lifted');
      await expect(lifted).toHaveCount(1);
      await expect(lifted.locator('del')).toContainText('規制薬物の入手に関係する場所');
      await expect(lifted).toContainText(fill(m.conditions.liftedOnShort, { date: date(today) }));
      await expect(page.locator('.condition-list-general > li')).toHaveCount(4);
      await shot(`${lang}-p11-person-conditions`);

      // Suspension of supervision during the parole phase, then resumption: the end moves by the days stopped.
      await page.getByRole('tab', { name: m.person.tabs.case }).click();
      await page.getByRole('button', { name: m.caseTab.suspend }).click();
      const suspendDialog = page.getByRole('dialog', { name: m.caseTab.suspendTitle });
      const suspendedFrom = plusDays(today, -30);
      await suspendDialog.getByLabel(new RegExp(`^${m.caseTab.suspendFrom}`)).fill(suspendedFrom);
      await suspendDialog.getByLabel(new RegExp(`^${m.caseTab.suspendReason}`)).fill('所在不明');
      await shot(`${lang}-p12-suspend-dialog`);
      await suspendDialog.getByRole('button', { name: m.caseTab.suspendSubmit }).click();
      await expect(suspendDialog).toHaveCount(0);
      await expect(page.locator('.person-badges')).toHaveText(m.person.badgeSuspended);
      await expect(page.locator('.person-facts')).toContainText(m.person.endUnknown);
      await shot(`${lang}-p13-person-suspended`);

      await page.getByRole('button', { name: m.caseTab.resume }).click();
      const resumeDialog = page.getByRole('dialog', { name: m.caseTab.resumeTitle });
      await resumeDialog.getByLabel(new RegExp(`^${m.caseTab.resumedOn}`)).fill(plusDays(today, -10));
      await expect(resumeDialog.getByText(fill(m.caseTab.resumePreview, { n: 20 }))).toBeVisible();
      await shot(`${lang}-p14-resume-dialog`);
      await resumeDialog.getByRole('button', { name: m.caseTab.resumeSubmit }).click();
      await expect(resumeDialog).toHaveCount(0);
      const movedEnd = plusDays(plannedEnd, 20);
      await expect(page.getByRole('status').filter({ hasText: fill(m.caseTab.resumed, { n: 20, date: date(movedEnd) }) })).toBeVisible();
      await expect(page.locator('.person-badges')).toHaveText(m.person.badgeActive);
      await expect(page.locator('.person-facts')).toContainText(`${date(movedEnd)} ${fill(m.person.shiftDays, { n: 20 })}`);
      await expect(phases.nth(0)).toContainText(date(plusDays(unsuspendedEnd, 20)));
      await expect(phases.nth(1)).toContainText(date(plusDays(probationStart, 20)));
      await expect(phases.nth(1)).toContainText(date(movedEnd));
      await expect(page.getByRole('row').filter({ hasText: '所在不明' })).toContainText(fill(m.caseTab.daysMoved, { n: 20 }));
      await shot(`${lang}-p15-person-resumed`);

      // The administrator may end the case: the dialog is offered (and cancelled here).
      await page.getByRole('button', { name: m.caseTab.terminate }).click();
      const terminateDialog = page.getByRole('dialog', { name: fill(m.caseTab.terminateTitle, { caseNumber: 'R8-0001' }) });
      await expect(terminateDialog).toBeVisible();
      await shot(`${lang}-p16-terminate-dialog`);
      await page.keyboard.press('Escape');
      await expect(terminateDialog).toHaveCount(0);

      // Assessment: the 8 domains, by keyboard-friendly segmented choices.
      await page.getByRole('tab', { name: m.person.tabs.assessment }).click();
      await expect(page.getByText(m.assessment.none)).toBeVisible();
      const ratings: Record<string, [number, number]> = {
        family: [1, 2],
        relationships: [2, 1],
        work_school: [2, 1],
        substance_use: [3, 1],
        leisure: [1, 1],
        finances: [2, 0],
        offending_history: [2, 0],
        psychological: [1, 2],
      };
      for (const [domain, [risk, strength]] of Object.entries(ratings)) {
        const label = m.peopleCodes.domain[domain as keyof typeof m.peopleCodes.domain];
        await page.getByRole('group', { name: `${label}: ${m.assessment.risk}` }).getByRole('radio', { name: String(risk) }).check();
        await page.getByRole('group', { name: `${label}: ${m.assessment.strength}` }).getByRole('radio', { name: String(strength) }).check();
      }
      await page.getByRole('radio', { name: m.peopleCodes.risk.medium }).check();
      await shot(`${lang}-p17-assessment-form`);
      await page.getByRole('button', { name: m.assessment.submit }).click();
      await expect(page.getByRole('status').filter({ hasText: m.assessment.recorded })).toBeVisible();
      await expect(page.getByText(fill(m.assessment.totals, { risk: 14, strength: 8 }))).toBeVisible();
      await shot(`${lang}-p18-assessment-recorded`);

      // History: readable before → after.
      await page.getByRole('tab', { name: m.person.tabs.history }).click();
      const resumeRow = page.getByRole('row').filter({ hasText: m.personHistory.actions.cases_resume }).filter({ hasText: m.personHistory.entities.cases });
      await expect(resumeRow).toContainText(date(plannedEnd));
      await expect(resumeRow).toContainText(date(movedEnd));
      await expect(page.getByRole('row').filter({ hasText: m.personHistory.actions.supervisees_create }).first()).toBeVisible();
      const phoneRow = page.getByRole('row').filter({ hasText: m.personHistory.actions.supervisees_update });
      await expect(phoneRow.locator('del')).toHaveText('090-1234-5678');
      await expect(phoneRow.locator('ins')).toHaveText('080-9999-0000');
      await shot(`${lang}-p19-person-history`);

      // Keyboard across tabs: Home, →, End.
      await page.getByRole('tab', { name: m.person.tabs.history }).press('Home');
      await expect(page.getByRole('tab', { name: m.person.tabs.overview })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: m.person.tabs.case })).toBeFocused();
      await expect(page.getByRole('tab', { name: m.person.tabs.case })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('End');
      await expect(page.getByRole('tab', { name: m.person.tabs.history })).toHaveAttribute('aria-selected', 'true');

      // Header search: "/" focuses it; kana finds the person; Enter opens the page.
      await page.getByRole('button', { name: m.people.back, exact: true }).click();
      await expect(heading(page, m.people.title)).toBeVisible();
      const search = page.getByRole('combobox', { name: m.headerSearch.label });
      await page.keyboard.press('/');
      await expect(search).toBeFocused();
      await search.pressSequentially('ヤマダ');
      const listbox = page.getByRole('listbox', { name: m.headerSearch.results });
      const options = listbox.getByRole('option');
      await expect(listbox).toHaveAttribute('aria-busy', 'false');
      await expect(options).toHaveCount(1);
      await expect(options.first()).toContainText('山田 太郎');
      await expect(options.first()).toContainText('R8-0001');
      await expect(options.first()).toHaveAttribute('aria-selected', 'true');
      await shot(`${lang}-p20-search-kana`);
      await search.press('Enter');
      await expect(heading(page, '山田 太郎')).toBeFocused();
      await expect(search).toHaveValue('');

      // Romaji through Ctrl+K; then a search that finds no one.
      await page.keyboard.press('Control+K');
      await expect(search).toBeFocused();
      await search.pressSequentially('yamada taro');
      await expect(listbox).toHaveAttribute('aria-busy', 'false');
      await expect(options).toHaveCount(1);
      await expect(options.first()).toContainText('やまだ たろう');
      await search.press('ArrowDown');
      await search.press('Enter');
      await expect(heading(page, '山田 太郎')).toBeFocused();
      await page.keyboard.press('Control+K');
      await search.pressSequentially('zzz');
      await expect(page.locator('.search-popup').getByText(fill(m.headerSearch.noResults, { q: 'zzz' }))).toBeVisible();
      await shot(`${lang}-p21-search-none`);
      await search.press('Escape');
      await search.press('Escape');
      await expect(search).toHaveValue('');

      // The people list now shows both, with the VPO's case count.
      await nav(page, lang).getByRole('button', { name: m.people.nav, exact: true }).click();
      await expect(page.getByRole('row').filter({ hasText: '山田 太郎' })).toContainText('高橋 一郎');
      await shot(`${lang}-p22-people-list`);
      await nav(page, lang).getByRole('button', { name: m.vpos.nav, exact: true }).click();
      await expect(page.getByRole('row').filter({ hasText: '高橋 一郎' }).getByRole('cell').nth(2)).toHaveText('1');

      // An officer: no way to end a case on screen, and the service refuses it too.
      await signInAs(page, m, OFFICER);
      await page.keyboard.press('Control+K');
      await search.pressSequentially('R8-0001');
      await expect(listbox).toHaveAttribute('aria-busy', 'false');
      await expect(options.first()).toContainText('山田 太郎');
      await search.press('Enter');
      await expect(heading(page, '山田 太郎')).toBeFocused();
      await page.getByRole('tab', { name: m.person.tabs.case }).click();
      await expect(page.getByRole('button', { name: m.caseTab.suspend })).toBeVisible();
      await expect(page.getByRole('button', { name: m.caseTab.terminate })).toHaveCount(0);
      await shot(`${lang}-p23-person-case-officer`);
      const caseId = (await call('search.query', { q: 'R8-0001' }))[0]?.caseId;
      expect(caseId).toBeTruthy();
      const refused = await page.evaluate(
        (id) => (globalThis as unknown as PageGlobals).api.invoke('cases.terminate', { caseId: id!, terminationDate: '2026-01-01', reason: 'expiry', employmentAtTermination: 'employed' }),
        caseId,
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      // The officer's intake takes the case on themself.
      await nav(page, lang).getByRole('button', { name: m.people.nav, exact: true }).click();
      await expect(page.getByText(m.people.emptyMine)).toBeVisible();
      await shot(`${lang}-p24-people-officer-empty`);
      await page.getByRole('button', { name: m.people.newIntake }).first().click();
      await expect(page.getByText(fill(m.intake.officerSelf, { name: OFFICER.name }))).toBeVisible();
      await field(page, m, m.intake.category).selectOption('4');
      await shot(`${lang}-p25-intake-officer`);
    });
  });
}
