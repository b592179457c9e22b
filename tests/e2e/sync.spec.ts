/**
 * Sync across three app instances side by side (the office and the laptops of officers Sato and
 * Suzuki), each on its own database in its own browser context, sharing one sync folder and one
 * fake clock: a laptop's first run ("Join an office") and enrolment both ways; a contact recorded on
 * laptop A reaching the office and counted in the office's report for the month it was held in; the
 * same field edited on both sides and the one conflict (the phone) resolved on screen; a case reassigned at the office moving from laptop A to laptop B; a backup and restore at
 * the office. Every new screen is photographed into tests/e2e/screenshots/ in Japanese and English.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf, PersonDetail } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import type { Messages } from '../../renderer/i18n/messages';
import { STAFF } from '../helpers/contacts';
import { partialIntake } from '../helpers/intake';
import { ADMIN } from '../helpers/office';
import { expect, SHOTS, test, type Clock, type Harness, type PageGlobals } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
/** Thursday 26 November 2026, 09:30 in Japan. */
const START = Date.parse('2026-11-26T00:30:00.000Z');
const MINUTE = 60_000;

const { sato: SATO, suzuki: SUZUKI } = STAFF;
/** The laptops' local first-run passphrases (each becomes its officer's at enrolment). */
const LAPTOP_PASS = { sato: 'natsu no umi de oyogu 42', suzuki: 'yuki no hi ni aruku 1234' };
/** tests/helpers/intake.ts's partial-sentence intake. */
const PERSON = { name: '山田 太郎', caseNumber: 'R8-0001' };

type Call = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

function caller(core: OfficeCore): Call {
  const dispatch = createDispatcher(core);
  return async (channel, input) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<typeof channel>;
  };
}

/** The office before its window opens (through a core of its own, so no event reaches the page): staff and Yamada's case, assigned to Sato. */
async function layOutOffice(dataDir: string, clock: Clock): Promise<{ satoId: string; suzukiId: string; superviseeId: string }> {
  const core = new OfficeCore({ dataDir, kdf: { N: 2 ** 10, r: 8, p: 1 }, now: clock.now });
  const call = caller(core);
  await call('session.setup', { officeName: '東京保護観察所', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
  const sato = await call('users.add', SATO);
  const suzuki = await call('users.add', SUZUKI);
  const person = await call('supervisees.create', partialIntake({ officerId: sato.id }));
  core.close();
  return { satoId: sato.id, suzukiId: suzuki.id, superviseeId: person.person.id };
}

function nav(page: Page, m: Messages) {
  return page.getByRole('navigation', { name: m.shell.nav });
}

async function openSync(page: Page, m: Messages) {
  await nav(page, m).getByRole('button', { name: m.syncNav.sync, exact: true }).click();
  await expect(heading(page, m.sync.title)).toBeFocused();
}

/** A call through the page's own bridge, as the person signed in there. */
function invoke<C extends ChannelName>(page: Page, channel: C, input: InputOf<C>): Promise<{ ok: boolean; value?: OutputOf<C>; error?: { code: string } }> {
  return page.evaluate(([c, i]) => (globalThis as unknown as PageGlobals).api.invoke(c as never, i as never), [channel, input] as const) as never;
}

/** The laptop's first run through "Join an office", up to its dashboard. */
async function joinOffice(h: Harness, m: Messages, who: { login: string; displayName: string }, passphrase: string, shot?: (name: string) => Promise<void>) {
  const { page } = h;
  await h.open();
  await expect(heading(page, m.setup.title)).toBeVisible();
  await expect(page.getByRole('region', { name: m.join.offerTitle })).toBeVisible();
  await shot?.('setup-offer');
  await page.getByRole('button', { name: m.join.offerButton }).click();
  await expect(heading(page, m.join.title)).toBeFocused();
  await field(page, m, m.fields.login).fill(who.login);
  await field(page, m, m.fields.displayName).fill(who.displayName);
  await field(page, m, m.fields.passphrase).fill(passphrase);
  await field(page, m, m.fields.passphraseConfirm).fill(passphrase);
  await shot?.('join');
  await page.getByRole('button', { name: m.join.submit }).click();
  await expect(heading(page, m.recovery.title)).toBeVisible();
  await page.getByLabel(m.recovery.confirm).check();
  await page.getByRole('button', { name: m.recovery.continue }).click();
  await expect(heading(page, m.dashboard.title)).toBeFocused();
}

/** The one file in the folder with this prefix that is not among `known`. */
function fresh(folder: string, prefix: string, known: string[] = []): string {
  const f = readdirSync(folder)
    .filter((n) => n.startsWith(prefix))
    .map((n) => join(folder, n))
    .filter((p) => !known.includes(p));
  if (f.length !== 1) throw new Error(`expected one new ${prefix} file in the sync folder, found ${f.length}`);
  return f[0]!;
}

async function exportNow(page: Page, m: Messages) {
  await page.getByRole('button', { name: m.sync.exportNow }).click();
  await expect(page.getByRole('region', { name: m.sync.runSection }).getByRole('status').filter({ hasText: /./ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: m.sync.exportNow })).toBeEnabled();
}

async function importNow(page: Page, m: Messages) {
  await page.getByRole('button', { name: m.sync.importNow }).click();
  await expect(page.getByRole('button', { name: m.sync.importNow })).toBeEnabled();
  await expect(page.getByRole('region', { name: m.sync.runSection }).getByRole('status').filter({ hasText: /./ }).first()).toBeVisible();
}

/** Opens a person by case number through the header search (Ctrl+K). */
async function openPerson(page: Page, m: Messages, caseNumber: string, name: string) {
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: m.headerSearch.label });
  await search.pressSequentially(caseNumber);
  const listbox = page.getByRole('listbox', { name: m.headerSearch.results });
  await expect(listbox).toHaveAttribute('aria-busy', 'false');
  await expect(listbox.getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  await expect(heading(page, name)).toBeFocused();
}

/** What a search for the case finds on this instance: its presence is what "holding the case" means. */
async function holdsCase(page: Page, caseNumber: string): Promise<boolean> {
  const r = (await invoke(page, 'search.query', { q: caseNumber })) as { ok: boolean; value?: unknown[] };
  return Boolean(r.ok && r.value && r.value.length > 0);
}

/**
 * The office report's "contacts done" for one month, on the Reports screen: the whole office's
 * figure and the officer's row of the by-officer table. The compliance section counts only months
 * that ended before the report date, so a contact reaches it in a month that is over.
 */
async function contactsDone(page: Page, m: Messages, month: string, officerId: string): Promise<{ office: number; officer: number }> {
  await nav(page, m).getByRole('button', { name: m.reports.nav, exact: true }).click();
  await expect(heading(page, m.reports.title)).toBeFocused();
  await page.getByLabel(m.reports.form.period, { exact: true }).selectOption('month');
  await field(page, m, m.reports.form.month).fill(month);
  await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
  const report = page.getByRole('article', { name: m.reports.header.title });
  await expect(report.locator('.rp-doc-header')).toBeVisible();
  const figure = report.locator('[data-figure="compliance.done"] .rp-value');
  const row = report.locator(`[data-table="compliance.byOfficer"] tr[data-row="${officerId}"] td[data-column="done"]`);
  const number = async (l: typeof figure) => Number(((await l.textContent()) ?? '').replace(/[^0-9]/g, ''));
  return { office: await number(figure), officer: await number(row) };
}

/**
 * The office sees a contact recorded on a laptop: on the person's contacts tab, and counted in the
 * supervisor's report of the month it was held in (the administrator signed in here may run it too).
 */
async function officeSeesContact(
  page: Page,
  m: Messages,
  seen: { notes: string; month: string; officerId: string; before: { office: number; officer: number } },
  shotName: string,
) {
  await openPerson(page, m, PERSON.caseNumber, PERSON.name);
  await page.getByRole('tab', { name: m.daily.tabs.contacts, exact: true }).click();
  // The tab lists a month at a time: the contact is in last month's.
  await page.getByRole('button', { name: m.daily.standard.prev, exact: true }).click();
  await expect(page.getByText(seen.notes)).toBeVisible();
  const after = await contactsDone(page, m, seen.month, seen.officerId);
  expect(after).toEqual({ office: seen.before.office + 1, officer: seen.before.officer + 1 });
  await page.locator('[data-section="compliance"]').screenshot({ path: join(SHOTS, `${shotName}.png`) });
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];

  test.describe(`${lang}`, () => {
    test.use({ locale: LOCALE[lang] });

    test('office and two laptops: enrol, sync, conflict, case move, backup and restore', async ({ instances }) => {
      test.setTimeout(300_000);
      let t = START;
      const clock: Clock = { now: () => t, advance: (ms) => void (t += ms) };
      const folder = mkdtempSync(join(tmpdir(), 'hogo-e2e-sync-'));
      try {
        const office = await instances.start('office', { clock });
        const a = await instances.start('laptop-a', { clock });
        const b = await instances.start('laptop-b', { clock });
        /** What a person sees at 1366×768: from the top, or scrolled to the end of a long page. */
        const shot = async (h: Harness, name: string, where: 'top' | 'end' = 'top') => {
          await h.page.evaluate((w) => {
            const g = globalThis as unknown as { scrollTo(x: number, y: number): void; document: { body: { scrollHeight: number } } };
            g.scrollTo(0, w === 'top' ? 0 : g.document.body.scrollHeight);
          }, where);
          await h.shot(`${lang}-sync-${name}`, { viewportOnly: true });
        };
        const ids = await layOutOffice(office.dataDir, clock);
        for (const h of [office, a, b]) await h.page.clock.setFixedTime(START);

        // The office: the administrator chooses the sync folder.
        await office.open();
        await expect(heading(office.page, m.unlock.title)).toBeVisible();
        await field(office.page, m, m.fields.login).fill(ADMIN.login);
        await field(office.page, m, m.fields.passphrase).fill(ADMIN.passphrase);
        await office.page.getByRole('button', { name: m.unlock.submit, exact: true }).click();
        await openSync(office.page, m);
        await expect(office.page.getByText(m.sync.roles.office)).toBeVisible();
        await expect(office.page.getByText(m.sync.devicesEmpty)).toBeVisible();
        office.queueFolder(folder);
        await office.page.getByRole('button', { name: m.sync.chooseFolder }).click();
        await expect(office.page.getByText(folder, { exact: true })).toBeVisible();
        await shot(office, '01-office-sync-empty');

        // Laptop A: first run as an officer's laptop, then the enrolment request.
        await joinOffice(a, m, { login: 'sato.local', displayName: SATO.displayName }, LAPTOP_PASS.sato, (n) => shot(a, `02-laptop-${n}`));
        await openSync(a.page, m);
        await expect(a.page.getByRole('heading', { name: m.sync.enrolLaptopSection })).toBeVisible();
        await expect(a.page.getByRole('button', { name: m.sync.enrolRequest })).toBeDisabled();
        a.queueFolder(folder);
        await a.page.getByRole('button', { name: m.sync.chooseFolder }).click();
        await a.page.getByRole('button', { name: m.sync.enrolRequest }).click();
        const requestA = fresh(folder, 'hogo-enrol-request-');
        await expect(a.page.getByText(requestA, { exact: false })).toBeVisible();
        await shot(a, '03-laptop-enrol-request');

        // The office accepts it for Sato and writes the response.
        const enrol = office.page.getByRole('region', { name: m.sync.enrolOfficeSection });
        await enrol.getByRole('button', { name: m.sync.enrolAccept }).click();
        await expect(enrol.getByText(m.sync.enrolOfficerRequired)).toBeVisible();
        await expect(enrol.getByLabel(m.sync.enrolOfficer)).toBeFocused();
        await enrol.getByLabel(m.sync.enrolOfficer).selectOption({ label: SATO.displayName });
        office.queuePicks([requestA]);
        await enrol.getByRole('button', { name: m.sync.enrolAccept }).click();
        await expect(enrol.getByRole('status')).toContainText('hogo-enrol-response-');
        const responseA = fresh(folder, 'hogo-enrol-response-');
        await expect(enrol.getByRole('status')).toContainText(responseA);

        // Laptop A imports the response and becomes Sato.
        a.queuePicks([responseA]);
        await a.page.getByRole('button', { name: m.sync.enrolComplete }).click();
        await expect(a.page.getByText(fill(m.sync.enrolCompleted, { name: SATO.displayName }))).toBeVisible();
        await expect(a.page.getByText(m.sync.enrolledYes)).toBeVisible();
        await shot(a, '04-laptop-enrolled');

        // Laptop B, the same way for Suzuki.
        await joinOffice(b, m, { login: 'suzuki.local', displayName: SUZUKI.displayName }, LAPTOP_PASS.suzuki);
        await openSync(b.page, m);
        b.queueFolder(folder);
        await b.page.getByRole('button', { name: m.sync.chooseFolder }).click();
        await b.page.getByRole('button', { name: m.sync.enrolRequest }).click();
        const requestB = fresh(folder, 'hogo-enrol-request-', [requestA]);
        await enrol.getByLabel(m.sync.enrolOfficer).selectOption({ label: SUZUKI.displayName });
        office.queuePicks([requestB]);
        await enrol.getByRole('button', { name: m.sync.enrolAccept }).click();
        await expect(enrol.getByRole('status')).toContainText('hogo-enrol-response-');
        const responseB = fresh(folder, 'hogo-enrol-response-', [responseA]);
        b.queuePicks([responseB]);
        await b.page.getByRole('button', { name: m.sync.enrolComplete }).click();
        await expect(b.page.getByText(m.sync.enrolledYes)).toBeVisible();

        // The office lists both laptops.
        const devices = office.page.getByRole('region', { name: m.sync.devicesSection });
        await expect(devices.getByRole('row').filter({ hasText: SATO.displayName })).toContainText(m.sync.statusActive);
        await expect(devices.getByRole('row').filter({ hasText: SUZUKI.displayName })).toContainText(m.sync.statusActive);
        await shot(office, '05-office-enrol');
        await shot(office, '05b-office-devices', 'end');

        // First sync: the office sends Sato's case to laptop A only.
        clock.advance(MINUTE);
        await exportNow(office.page, m);
        await importNow(a.page, m);
        await importNow(b.page, m);
        expect(await holdsCase(a.page, PERSON.caseNumber)).toBe(true);
        expect(await holdsCase(b.page, PERSON.caseNumber)).toBe(false);
        await shot(a, '06-laptop-after-import');

        // The office's report for last month before the laptop's contact arrives.
        const month = '2026-10';
        const before = await contactsDone(office.page, m, month, ids.satoId);
        await shot(office, '06b-office-report-before');

        // A contact recorded on laptop A (held last month, entered late), exported, imported at
        // the office and seen there, and counted in the office's report for that month.
        clock.advance(MINUTE);
        const notes = lang === 'ja' ? '自宅訪問の予定を確認した' : 'Confirmed the home visit';
        await openPerson(a.page, m, PERSON.caseNumber, PERSON.name);
        await a.page.getByRole('tab', { name: m.daily.tabs.contacts, exact: true }).click();
        const quick = a.page.getByRole('region', { name: m.daily.contacts.formTitle });
        await quick.getByLabel(new RegExp(`^${m.daily.common.date}`)).fill('2026-10-15');
        await quick.getByLabel(m.daily.contacts.notes, { exact: true }).fill(notes);
        await quick.getByLabel(m.daily.contacts.notes, { exact: true }).press('Control+Enter');
        await expect(quick.getByRole('status')).not.toBeEmpty();
        await openSync(a.page, m);
        await exportNow(a.page, m);
        // The status bar shows the last export and that it worked.
        await expect(a.page.getByRole('contentinfo', { name: m.syncStatusBar.label })).toContainText(m.syncStatusBar.ok.split('{{time}}')[0]!);
        await openSync(office.page, m);
        await importNow(office.page, m);
        await shot(office, '07-office-after-import');
        await officeSeesContact(office.page, m, { notes, month, officerId: ids.satoId, before }, `${lang}-sync-07b-office-report-compliance`);

        // The same field edited at the office and on laptop A before either saw the other: a conflict.
        clock.advance(MINUTE);
        expect((await invoke(office.page, 'supervisees.update', { id: ids.superviseeId, phone: '090-1111-1111' })).ok).toBe(true);
        clock.advance(MINUTE);
        expect((await invoke(a.page, 'supervisees.update', { id: ids.superviseeId, phone: '090-2222-2222' })).ok).toBe(true);
        await exportNow(a.page, m);
        await openSync(office.page, m);
        await importNow(office.page, m);
        const conflicts = office.page.getByRole('region', { name: m.sync.conflictsSection });
        // One conflict, the phone: the updated_at both edits stamped is bookkeeping, merged silently.
        await expect(conflicts).toContainText(fill(m.sync.conflictsSome, { n: 1 }));
        await shot(office, '08-office-conflict-pending');
        await conflicts.getByRole('button', { name: m.sync.openConflicts }).click();
        await expect(heading(office.page, m.conflicts.title)).toBeFocused();
        const card = office.page.getByRole('listitem').filter({ hasText: fill(m.conflicts.record, { entity: m.conflictEntities.supervisees, field: m.conflictFields.phone }) });
        await expect(card).toContainText('090-1111-1111');
        await expect(card).toContainText('090-2222-2222');
        await expect(card).toContainText(SATO.displayName);
        await expect(office.page.getByRole('button', { name: m.conflicts.keepRemote })).toHaveCount(1);
        await shot(office, '09-conflicts');
        // Keyboard: Tab from the heading reaches the choices; Enter keeps the laptop's value.
        const keepRemote = card.getByRole('button', { name: m.conflicts.keepRemote });
        await keepRemote.focus();
        await office.page.keyboard.press('Enter');
        await expect(card).toHaveCount(0);
        await expect(office.page.getByRole('status').filter({ hasText: fill(m.conflicts.resolved, { record: fill(m.conflicts.record, { entity: m.conflictEntities.supervisees, field: m.conflictFields.phone }) }) })).toBeVisible();
        // That was the only one.
        await expect(office.page.getByText(m.conflicts.emptyTitle)).toBeVisible();
        await shot(office, '10-conflicts-resolved');
        const person = await invoke(office.page, 'supervisees.get', { id: ids.superviseeId });
        expect((person.value as PersonDetail).person.phone).toBe('090-2222-2222');

        // Reassigning the case at the office moves it: B receives it, A removes it.
        clock.advance(MINUTE);
        expect((await invoke(office.page, 'supervisees.update', { id: ids.superviseeId, officerId: ids.suzukiId })).ok).toBe(true);
        await openSync(office.page, m);
        await exportNow(office.page, m);
        await importNow(a.page, m);
        await importNow(b.page, m);
        expect(await holdsCase(b.page, PERSON.caseNumber)).toBe(true);
        expect(await holdsCase(a.page, PERSON.caseNumber)).toBe(false);
        await openPerson(b.page, m, PERSON.caseNumber, PERSON.name);
        await shot(b, '11-laptop-b-received-case');
        await expect(a.page.getByRole('region', { name: m.sync.bundlesSection }).getByRole('row')).not.toHaveCount(1);
        await shot(a, '12-laptop-a-bundles', 'end');

        // Backup and restore at the office.
        await nav(office.page, m).getByRole('button', { name: m.syncNav.backup, exact: true }).click();
        await expect(heading(office.page, m.backup.title)).toBeFocused();
        await expect(office.page.getByText(m.backup.emptyTitle)).toBeVisible();
        await shot(office, '13-backup-empty');
        await office.page.getByRole('button', { name: m.backup.createNow }).click();
        const backups = office.page.getByRole('region', { name: m.backup.listSection });
        await expect(backups.getByRole('row')).toHaveCount(2);
        const backupName = readdirSync(join(office.dataDir, 'backups')).find((n) => n.startsWith('manual-'))!;
        await expect(office.page.getByText(fill(m.backup.created, { name: backupName }))).toBeVisible();
        clock.advance(MINUTE);
        expect((await invoke(office.page, 'supervisees.update', { id: ids.superviseeId, phone: '090-3333-3333' })).ok).toBe(true);
        await backups.getByRole('button', { name: new RegExp(`^${m.backup.restore}`) }).first().click();
        const dialog = office.page.getByRole('dialog', { name: m.backup.restoreTitle });
        await expect(dialog).toContainText(m.backup.restoreLoss);
        await shot(office, '14-restore-confirm');
        await dialog.getByRole('button', { name: m.backup.restoreConfirm }).click();
        await expect(dialog).toHaveCount(0);
        const aside = readdirSync(join(office.dataDir, 'backups')).find((n) => n.startsWith('aside-'))!;
        await expect(office.page.getByText(fill(m.backup.restored, { name: backupName, aside }))).toBeVisible();
        await expect(backups.getByRole('row').filter({ hasText: m.backup.kinds.aside })).toHaveCount(1);
        await shot(office, '15-restored');
        const restored = await invoke(office.page, 'supervisees.get', { id: ids.superviseeId });
        expect((restored.value as PersonDetail).person.phone).toBe('090-2222-2222');

        // The restore is in the restored database's audit log, by name.
        await nav(office.page, m).getByRole('button', { name: m.nav.audit, exact: true }).click();
        await expect(heading(office.page, m.audit.title)).toBeFocused();
        await expect(office.page.getByRole('row').filter({ hasText: m.auditActions.backup_restore })).toHaveCount(1);

        // Revoking laptop B at the office: its next bundle is refused, and the office says why.
        await openSync(office.page, m);
        const rowB = devices.getByRole('row').filter({ hasText: SUZUKI.displayName });
        await rowB.getByRole('button', { name: `${m.sync.revoke}: ${SUZUKI.displayName}` }).click();
        const revokeDialog = office.page.getByRole('dialog', { name: m.sync.revokeTitle });
        await expect(revokeDialog).toContainText(SUZUKI.displayName);
        await shot(office, '16-revoke-confirm');
        await revokeDialog.getByRole('button', { name: m.sync.revokeConfirm }).click();
        await expect(rowB).toContainText(m.sync.statusRevoked.split('{{time}}')[0]!);
        clock.advance(MINUTE);
        expect((await invoke(b.page, 'supervisees.update', { id: ids.superviseeId, phone: '090-4444-4444' })).ok).toBe(true);
        await openSync(b.page, m);
        await exportNow(b.page, m);
        await importNow(office.page, m);
        await expect(office.page.locator('.sync-problems')).toContainText(m.errors.SYNC_SENDER_REVOKED);
        const after = await invoke(office.page, 'supervisees.get', { id: ids.superviseeId });
        expect((after.value as PersonDetail).person.phone).toBe('090-2222-2222');
        await shot(office, '17-import-refused');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}
