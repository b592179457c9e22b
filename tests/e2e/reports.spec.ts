/**
 * Supervisor reports on a demo office (scale 1, generated once and copied per test). The
 * supervisor creates the office report for the current fiscal year; every count on the page must
 * equal the hand-written SQL of tests/helpers/report-sql.ts run on the same database. She drills
 * into the overdue cases (the list is as long as the figure), opens one, comes back to the same
 * report, and exports PDF, CSV and XLSX, each read back and checked against the same SQL. An
 * officer sees only the report on their own cases; a period without cases shows an empty state.
 * The exported files are also kept in the test's output folder, to be looked at.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEMO_CREDENTIALS, type ReportScope } from '../../db/contract';
import { createDemoOffice } from '../../db/demo/office';
import { DEMO_OFFICER_LOGIN, DEMO_SUPERVISOR_LOGIN } from '../../db/demo/people';
import { japanToday } from '../../renderer/features/contacts/japanDates';
import { formatWithUnit } from '../../renderer/features/reports/format';
import { fiscalYearOf } from '../../renderer/features/reports/period';
import { TOP_ROWS } from '../../renderer/features/reports/tableRows';
import { HAND_SQL, handSection, type HandSection } from '../helpers/report-sql';
import { expect, test, type Harness } from './harness';
import { field, fill, heading, MESSAGES, type Lang } from './messages';

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

/** One demo office per size for the whole file; each test works on its own copy. */
const templates = new Map<number, Promise<string>>();
function demoTemplate(scale: number): Promise<string> {
  let template = templates.get(scale);
  if (!template) {
    template = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hogo-e2e-reports-'));
      const { core } = await createDemoOffice(dir, { scale, kdf: { N: 2 ** 10, r: 8, p: 1 } });
      core.close();
      return dir;
    })();
    templates.set(scale, template);
  }
  return template;
}

const copyOf = (scale: number) => ({ run: async (dir: string) => cpSync(await demoTemplate(scale), dir, { recursive: true }) });

test.use({ prepareDataDir: copyOf(1) });

// The templates (the scale-20 one is ~280 MB) go when the file's tests are done.
test.afterAll(async () => {
  for (const template of templates.values()) rmSync(await template, { recursive: true, force: true });
  templates.clear();
});

async function signIn(page: Page, lang: Lang, login: string) {
  const m = MESSAGES[lang];
  await expect(heading(page, m.unlock.title)).toBeVisible();
  await field(page, m, m.fields.login).fill(login);
  await field(page, m, m.fields.passphrase).fill(DEMO_CREDENTIALS.passphrase);
  await field(page, m, m.fields.passphrase).press('Enter');
  await expect(page.locator('.demo-badge')).toBeVisible();
}

async function openReports(page: Page, lang: Lang, own = false) {
  const m = MESSAGES[lang];
  await page.getByRole('navigation', { name: m.shell.nav }).getByRole('button', { name: m.reports.nav, exact: true }).click();
  await expect(heading(page, own ? m.reports.titleOwn : m.reports.title)).toBeFocused();
}

/** Runs the report the form shows and waits until every section is on screen. */
async function createReport(page: Page, lang: Lang) {
  const m = MESSAGES[lang];
  await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
  const report = page.getByRole('article', { name: m.reports.header.title });
  await expect(report.locator('.rp-doc-header')).toBeVisible({ timeout: 60_000 });
  return report;
}

/** The hand-written SQL's numbers for the current fiscal year, as the signed-in user sees them. */
function handFigures(harness: Harness, scope: ReportScope, seeAll: boolean) {
  const ctx = harness.core.context();
  const now = harness.clock.now();
  const fy = fiscalYearOf(japanToday(now));
  const params = {
    from: `${fy}-04-01`,
    to: `${fy + 1}-03-31`,
    today: japanToday(now),
    now: new Date(now).toISOString(),
    scope,
    viewer: ctx.actor.userId ?? '',
    seeAll,
  };
  const all = new Map<string, number | null>();
  for (const section of Object.keys(HAND_SQL) as HandSection[]) for (const [k, v] of handSection(ctx.db, section, params)) all.set(k, v);
  /** The non-zero cells of one table column, as `table|row|column` keys. */
  const cells = (prefix: string, column: string) => [...all].filter(([k, v]) => k.startsWith(`${prefix}|`) && k.endsWith(`|${column}`) && v);
  return { get: (key: string) => all.get(key) ?? 0, cells, fy };
}

/** Every count on the page (figures and table cells) with its key as the hand-written SQL names it. */
async function countsOnPage(page: Page): Promise<{ key: string; text: string }[]> {
  return page.evaluate(() => {
    type El = { getAttribute(n: string): string | null; textContent: string | null; closest(s: string): El | null };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): El[] } }).document;
    const out: { key: string; text: string }[] = [];
    for (const tr of doc.querySelectorAll('tr[data-figure][data-unit="count"], tr[data-figure][data-unit="months"]')) {
      const value = (tr as unknown as { querySelector(s: string): El }).querySelector('.rp-value');
      out.push({ key: tr.getAttribute('data-figure')!, text: value.textContent ?? '' });
    }
    for (const td of doc.querySelectorAll('td[data-column][data-unit="count"]')) {
      const table = td.closest('[data-table]')!.getAttribute('data-table');
      const row = td.closest('tr[data-row]')!.getAttribute('data-row');
      out.push({ key: `${table}|${row}|${td.getAttribute('data-column')}`, text: td.textContent ?? '' });
    }
    return out;
  });
}

function count(text: string): number {
  return Number(text.replace(/[^0-9]/g, ''));
}

async function pdfText(file: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  await doc.destroy();
  // Chromium's PDF maps some kanji to their compatibility forms (⽉ for 月): NFKC folds them back.
  // Its text layer also gives the middle dot ・ as the hyphenation point ‧.
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\u2027/g, '\u30fb');
}

test.describe('ja', () => {
  test.use({ locale: LOCALE.ja });
  const m = MESSAGES.ja;

  test('a supervisor reads the fiscal-year office report, drills into overdue cases and exports PDF, CSV and XLSX', async ({ harness }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = harness;
    await harness.open();
    await signIn(page, 'ja', DEMO_SUPERVISOR_LOGIN);
    await openReports(page, 'ja');
    await expect(page.getByRole('heading', { name: m.reports.notRun.title })).toBeVisible();
    await harness.shot('ja-reports-01-form', { viewportOnly: true });

    const report = await createReport(page, 'ja');
    const hand = handFigures(harness, { kind: 'office' }, true);
    await harness.flushEvents();
    const progress = harness.events.filter((e) => e.event === 'progress' && (e.payload as { task: string }).task === 'report');
    expect(progress.length).toBeGreaterThanOrEqual(5);

    // Header: office, the fiscal year, the scope, the author.
    const header = report.locator('.rp-doc-header');
    await expect(header).toContainText('デモ保護観察所');
    await expect(header).toContainText(`${hand.fy}年4月1日〜${hand.fy + 1}年3月31日`);
    await expect(header).toContainText(m.reports.header.author);

    // Every count on the page equals the hand-written SQL.
    const counts = await countsOnPage(page);
    expect(counts.length).toBeGreaterThan(80);
    const wrong = counts.filter((c) => count(c.text) !== hand.get(c.key)).map((c) => `${c.key}: ${c.text} ≠ ${hand.get(c.key)}`);
    expect(wrong).toEqual([]);
    // A rate: done ÷ due, with one decimal and its unit.
    const rate = (100 * hand.get('compliance.done')) / hand.get('compliance.due');
    await expect(report.locator('[data-figure="compliance.rate"] td.rp-fig-value')).toHaveText(formatWithUnit(rate, 'percent', 'ja', m.reports.units.percent));
    // Each figure has its definition beside it, not only in a tooltip.
    await expect(report.locator('[data-figure="caseload.active"] .rp-fig-definition')).toContainText('ケース単位');
    // Months counted read as months.
    await expect(report.locator('[data-figure="compliance.months"] td.rp-fig-value')).toHaveText(`${hand.get('compliance.months')}か月`);
    await harness.shot('ja-reports-02-report');
    await page.locator('[data-table="caseload.byOfficer"]').screenshot({ path: join('tests/e2e/screenshots', 'ja-reports-03-chart.png') });

    // The VPO list grows with the office: its largest 20 rows, largest first, and all on request.
    const vpoCells = hand.cells('caseload.byVpo', 'active');
    expect(vpoCells.length).toBeGreaterThan(TOP_ROWS);
    const vpo = report.locator('[data-table="caseload.byVpo"]');
    const vpoRows = vpo.locator('tbody tr');
    await expect(vpoRows).toHaveCount(TOP_ROWS);
    const largest = vpoCells.map(([, v]) => v!).sort((x, y) => y - x);
    expect((await vpoRows.locator('td').allTextContents()).map(count)).toEqual(largest.slice(0, TOP_ROWS));
    await expect(vpo).toContainText(fill(m.reports.table.topShown, { shown: TOP_ROWS, total: vpoCells.length }));
    await vpo.screenshot({ path: join('tests/e2e/screenshots', 'ja-reports-07-vpo-top.png') });
    const showAll = vpo.getByRole('button', { name: fill(m.reports.table.showAll, { total: vpoCells.length }) });
    await expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await showAll.focus();
    await page.keyboard.press('Enter');
    // Every row, virtualized: the table counts them all, the DOM holds those near the view, largest first.
    const vpoTable = vpo.getByRole('table', { name: (await vpo.locator('.rp-table-title').textContent()) ?? '', exact: true });
    await expect(vpoTable).toHaveAttribute('aria-rowcount', String(vpoCells.length + 1));
    await expect(vpo.getByRole('button', { name: fill(m.reports.table.showTop, { top: TOP_ROWS }) })).toHaveAttribute('aria-expanded', 'true');
    const windowRows = vpoTable.locator('tbody tr[data-row]');
    const inDom = await windowRows.count();
    expect(inDom).toBeGreaterThan(TOP_ROWS);
    expect(inDom).toBeLessThan(vpoCells.length);
    expect((await windowRows.locator('td').allTextContents()).map(count)).toEqual(largest.slice(0, inDom));
    const unprinted = ((await vpoTable.locator(`tr[aria-rowindex="${TOP_ROWS + 2}"] th`).textContent()) ?? '').normalize('NFKC').replace(/\s+/g, '');
    // In print, the top 20 and a line saying where the rest are, even with every row on screen.
    await page.emulateMedia({ media: 'print' });
    await expect(vpoRows.filter({ visible: true })).toHaveCount(TOP_ROWS);
    await vpo.screenshot({ path: join('tests/e2e/screenshots', 'ja-reports-08-vpo-print.png') });
    await page.emulateMedia({ media: null });

    // Drill into the overdue cases from the keyboard.
    const overdue = hand.get('compliance.overdueCases');
    expect(overdue).toBeGreaterThan(20);
    const label = (await report.locator('[data-figure="compliance.overdueCases"] th').textContent()) ?? '';
    const drill = report.getByRole('button', { name: fill(m.reports.figure.drill, { label, value: `${overdue}件` }), exact: true });
    await drill.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('table', { name: m.reports.drill.title });
    await expect(list).toHaveAttribute('aria-rowcount', String(overdue + 1));
    await expect(page.locator('.rp-drill-count')).toContainText(fill(m.reports.drill.count, { total: overdue }));
    // Virtualized: far fewer rows in the document than cases; End reaches the last one.
    const rendered = await list.locator('.rp-drill-scroll [role="row"]').count();
    expect(rendered).toBeLessThan(overdue);
    await harness.shot('ja-reports-04-drill', { viewportOnly: true });
    const first = list.locator('.rp-drill-scroll [role="row"]').first().getByRole('button');
    await first.focus();
    await page.keyboard.press('End');
    await expect(list.locator(`[aria-rowindex="${overdue + 1}"] button`)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(list.locator('[aria-rowindex="2"] button')).toBeFocused();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const sixth = list.locator('[aria-rowindex="7"] button');
    await expect(sixth).toBeFocused();
    const openedName = (await sixth.textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(openedName.split(' ')[0]!);

    // Back to the list, and back to the same report (not created again), the VPO list still whole.
    await page.getByRole('button', { name: m.people.back, exact: true }).click();
    await expect(list).toHaveAttribute('aria-rowcount', String(overdue + 1));
    await expect(sixth).toBeFocused();
    await page.getByRole('button', { name: m.reports.drill.back }).click();
    await expect(drill).toBeFocused();
    await expect(header).toContainText(`${hand.fy}年4月1日〜${hand.fy + 1}年3月31日`);
    await expect(vpoTable).toHaveAttribute('aria-rowcount', String(vpoCells.length + 1));
    await harness.flushEvents();
    expect(harness.events.filter((e) => e.event === 'progress' && (e.payload as { task: string }).task === 'report')).toHaveLength(progress.length);

    // Exports: each file saved where the status says, read back and checked against the SQL.
    const exportAs = async (name: string, ext: string) => {
      const before = harness.saved.length;
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => harness.saved.length, { timeout: 60_000 }).toBe(before + 1);
      const file = harness.saved[before]!;
      expect(file.endsWith(`.${ext}`)).toBe(true);
      expect(basename(file)).toBe(`hogo-report-${hand.fy}-04-01_${hand.fy + 1}-03-31-office.${ext}`);
      await expect(page.getByRole('status').filter({ hasText: file })).toBeVisible();
      copyFileSync(file, testInfo.outputPath(basename(file)));
      return file;
    };
    const figures = ['caseload.active', 'caseload.starts', 'caseload.terminations', 'compliance.overdueCases', 'compliance.missingVpoReports', 'drugs.testsTaken', 'support.helloWorkReferrals', 'outcomes.casesWithMeasures'];

    const pdf = await pdfText(await exportAs(m.reports.export.pdf, 'pdf'));
    for (const s of ['デモ保護観察所', m.reports.header.title.replace(/\s+/g, ''), `${hand.fy}年4月1日〜${hand.fy + 1}年3月31日`, m.reports.header.generatedAt])
      expect(pdf, s).toContain(s);
    for (const id of figures) expect(pdf, id).toContain(`${hand.get(id).toLocaleString('ja-JP')}件`);
    expect(pdf).toContain(`${hand.get('compliance.months')}か月`);
    expect(pdf).not.toContain(m.reports.export.title);
    expect(pdf).toContain(fill(m.reports.table.morePrinted, { top: TOP_ROWS, more: vpoCells.length - TOP_ROWS }).normalize('NFKC').replace(/\s+/g, ''));
    expect(pdf).not.toContain(unprinted);

    const csvBytes = readFileSync(await exportAs(m.reports.export.csv, 'csv'));
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csvBytes.subarray(3).toString('utf8'), { relaxColumnCount: true }) as string[][];
    expect(rows[1]).toEqual(['事務所', 'デモ保護観察所']);
    const csvValue = (id: string) => rows.find((r) => r[1] === id && r[3] === '')?.[5];
    for (const id of figures) expect(Number(csvValue(id)), id).toBe(hand.get(id));
    expect(Number(csvValue('compliance.rate'))).toBeCloseTo(rate, 1);
    // Every VPO row, not only the top 20.
    expect(rows.filter((r) => r[1] === 'caseload.byVpo')).toHaveLength(vpoCells.length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await exportAs(m.reports.export.xlsx, 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(6);
    const xlsx = new Map<string, unknown>();
    for (const ws of wb.worksheets.slice(1)) ws.eachRow((row) => void (!row.getCell(4).value && xlsx.set(String(row.getCell(2).value), row.getCell(6).value)));
    for (const id of figures) expect(xlsx.get(id), id).toBe(hand.get(id));
    expect(typeof xlsx.get('compliance.rate')).toBe('number');
    expect(xlsx.get('compliance.rate') as number).toBeCloseTo(rate / 100, 3);

    // The research extract is anonymized: none of the names the drill list showed.
    const before = harness.saved.length;
    await page.getByRole('button', { name: m.reports.export.research, exact: true }).click();
    await expect.poll(() => harness.saved.length, { timeout: 60_000 }).toBe(before + 1);
    const research = harness.saved[before]!;
    expect(basename(research)).toBe(`hogo-research-${hand.fy}-04-01_${hand.fy + 1}-03-31.csv`);
    const extract = readFileSync(research, 'utf8');
    expect(extract.length).toBeGreaterThan(100);
    expect(extract).not.toContain(openedName);
    expect(extract).not.toContain(openedName.split(' ')[0]!);
  });

  test('an officer sees only the report on their own cases', async ({ harness }) => {
    const { page } = harness;
    await harness.open();
    await signIn(page, 'ja', DEMO_OFFICER_LOGIN);
    await openReports(page, 'ja', true);
    // No scope to choose: the report is on the officer's own cases.
    await expect(page.getByLabel(m.reports.form.scope, { exact: true })).toHaveCount(0);
    await expect(page.getByText(m.reports.form.ownScope)).toBeVisible();
    const report = await createReport(page, 'ja');
    const me = harness.core.context().actor.userId!;
    const hand = handFigures(harness, { kind: 'officer', officerId: me }, false);
    const office = handFigures(harness, { kind: 'office' }, false);
    const active = hand.get('caseload.active');
    expect(active).toBeGreaterThan(0);
    expect(active).toBeLessThan(office.get('caseload.active'));
    await expect(report.locator('[data-figure="caseload.active"] td.rp-fig-value')).toHaveText(`${active}件`);
    const wrong = (await countsOnPage(page)).filter((c) => count(c.text) !== hand.get(c.key)).map((c) => `${c.key}: ${c.text}`);
    expect(wrong).toEqual([]);
    // The service refuses any other scope to an officer, whatever the screen does.
    const refused = await page.evaluate(
      (lang) =>
        (globalThis as unknown as { api: { invoke(c: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).api.invoke(
          'reports.run',
          { request: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang } },
        ),
      'ja',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await harness.shot('ja-reports-05-officer', { viewportOnly: true });
  });

  test('a period without cases shows why instead of zeros', async ({ harness }) => {
    const { page } = harness;
    await harness.open();
    await signIn(page, 'ja', DEMO_SUPERVISOR_LOGIN);
    await openReports(page, 'ja');
    await page.getByLabel(m.reports.form.period, { exact: true }).selectOption('custom');
    await field(page, m, m.reports.form.from).fill('2001-04-01');
    await field(page, m, m.reports.form.to).fill('2001-04-30');
    const report = await createReport(page, 'ja');
    await expect(report.getByRole('heading', { name: m.reports.empty.noCasesInPeriod.title })).toBeVisible();
    await expect(report.locator('[data-figure]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: m.reports.export.pdf })).toHaveCount(0);
    await harness.shot('ja-reports-06-empty', { viewportOnly: true });

    // A range the form cannot accept says so under the field and asks nothing of the service.
    await field(page, m, m.reports.form.to).fill('2001-03-01');
    await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
    await expect(page.getByText(m.reports.form.errors.order)).toBeVisible();
  });
});

test.describe('en', () => {
  test.use({ locale: LOCALE.en });
  const m = MESSAGES.en;

  test('the office report in English: by quarter, a unit, an officer without cases', async ({ harness }) => {
    const { page } = harness;
    await harness.open();
    await signIn(page, 'en', DEMO_SUPERVISOR_LOGIN);
    await openReports(page, 'en');
    await createReport(page, 'en');
    const hand = handFigures(harness, { kind: 'office' }, true);
    const wrong = (await countsOnPage(page)).filter((c) => count(c.text) !== hand.get(c.key)).map((c) => `${c.key}: ${c.text}`);
    expect(wrong).toEqual([]);
    await expect(page.locator('[data-section]')).toHaveCount(5);
    const months = hand.get('compliance.months');
    await expect(page.locator('[data-figure="compliance.months"] td.rp-fig-value')).toHaveText(new RegExp(`^${months}\\s*${months === 1 ? 'month' : 'months'}$`));
    await expect(page.locator('[data-table="caseload.byVpo"]').getByRole('button', { name: fill(m.reports.table.showAll, { total: hand.cells('caseload.byVpo', 'active').length }) })).toBeVisible();
    await harness.shot('en-reports-01-report');

    await page.getByLabel(m.reports.form.period, { exact: true }).selectOption('quarter');
    await page.getByLabel(m.reports.form.quarter, { exact: true }).selectOption('1');
    const report = await createReport(page, 'en');
    await expect(report.locator('.rp-doc-header')).toContainText(`FY${hand.fy} Q1`);
    await harness.shot('en-reports-02-quarter', { viewportOnly: true });

    // A unit: the scope names it.
    const scope = page.getByLabel(m.reports.form.scope, { exact: true });
    await scope.selectOption('unit');
    await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
    await expect(page.getByText(m.reports.form.errors.unit)).toBeVisible();
    const unit = page.getByLabel(m.reports.form.unit, { exact: true });
    const unitName = (await unit.locator('option').nth(1).textContent()) ?? '';
    await unit.selectOption(unitName);
    await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
    await expect(report.locator('.rp-doc-header')).toContainText(unitName);

    // An officer without cases (the supervisor herself): why there is nothing, not zeros.
    const me = (await page.locator('.current-user-name').textContent()) ?? '';
    await scope.selectOption('officer');
    await page.getByLabel(m.reports.form.officer, { exact: true }).selectOption({ label: me });
    await page.getByRole('button', { name: m.reports.form.run, exact: true }).click();
    await expect(report.getByRole('heading', { name: m.reports.empty.noCasesInScope.title })).toBeVisible();
    await expect(report.locator('[data-figure]')).toHaveCount(0);
    await harness.shot('en-reports-03-no-cases', { viewportOnly: true });
  });
});

test.describe('a large office (demo scale 20)', () => {
  test.use({ locale: LOCALE.en, prepareDataDir: copyOf(20) });
  const m = MESSAGES.en;

  test('"show all" on thousands of VPO rows keeps a window in the DOM; the keyboard reaches the last row; a far row drills and Back returns to it', async ({ harness }) => {
    test.setTimeout(300_000);
    const { page } = harness;
    await harness.open();
    await signIn(page, 'en', DEMO_SUPERVISOR_LOGIN);
    await openReports(page, 'en');
    const report = await createReport(page, 'en');
    const hand = handFigures(harness, { kind: 'office' }, true);
    const vpoCells = hand.cells('caseload.byVpo', 'active');
    expect(vpoCells.length).toBeGreaterThan(2000);
    const total = vpoCells.length;

    const vpo = report.locator('[data-table="caseload.byVpo"]');
    await vpo.getByRole('button', { name: fill(m.reports.table.showAll, { total }) }).click();
    const title = (await vpo.locator('.rp-table-title').textContent()) ?? '';
    const table = vpo.getByRole('table', { name: title, exact: true });
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    await expect(vpo).toContainText(fill(m.reports.table.allShown, { total }));
    const rows = table.locator('tbody tr[data-row]');
    /** Rows in the DOM: a window, not the list. */
    const windowSize = async () => {
      const n = await rows.count();
      expect(n).toBeGreaterThan(5);
      expect(n).toBeLessThan(80);
      return n;
    };
    await windowSize();
    // Each row's place in the whole list, for screen readers; the spacers are hidden from them.
    await expect(table.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(1);
    await expect(table.locator('tbody tr.rp-spacer[aria-hidden="true"]')).toHaveCount(1);
    // Every count in the DOM is the hand-written SQL's, for the VPO it names.
    const checkWindow = async () => {
      const wrong = (await countsOnPage(page))
        .filter((c) => c.key.startsWith('caseload.byVpo|'))
        .filter((c) => count(c.text) !== hand.get(c.key))
        .map((c) => `${c.key}: ${c.text} ≠ ${hand.get(c.key)}`);
      expect(wrong).toEqual([]);
    };
    await checkWindow();

    // Scrolling the box reaches the last row, still with a window in the DOM.
    const box = vpo.locator('.rp-virtual');
    await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = table.locator(`tr[aria-rowindex="${total + 1}"]`);
    await expect(last).toBeVisible();
    await windowSize();
    await expect(table.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
    const smallest = Math.min(...vpoCells.map(([, v]) => v!));
    expect(count((await last.locator('td').textContent()) ?? '')).toBe(smallest);
    await checkWindow();
    await box.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(table.locator('tr[aria-rowindex="2"]')).toBeVisible();

    // The keyboard: one number in the Tab order; End goes to the last row, Page Up and ↑ back up.
    await table.locator('tr[aria-rowindex="2"] button').focus();
    await page.keyboard.press('End');
    await expect(last.locator('button')).toBeFocused();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    const focused = table.locator('tbody button:focus');
    await expect(focused).toHaveCount(1);
    const at = Number(await focused.locator('xpath=ancestor::tr[1]').getAttribute('aria-rowindex'));
    expect(at).toBeLessThan(total + 1 - 10);
    expect(at).toBeGreaterThan(total - 60);
    await expect(table.locator('tbody button[tabindex="0"]')).toHaveCount(1);
    await windowSize();
    await harness.shot('en-reports-04-vpo-all', { viewportOnly: true });

    // Enter on that far row opens its cases: as many as the number says.
    const row = focused.locator('xpath=ancestor::tr[1]');
    const rowKey = (await row.getAttribute('data-row'))!;
    const vpoName = (await row.locator('th').textContent()) ?? '';
    const cases = hand.get(`caseload.byVpo|${rowKey}|active`);
    expect(cases).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    const list = page.getByRole('table', { name: m.reports.drill.title });
    await expect(list).toHaveAttribute('aria-rowcount', String(cases + 1));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(vpoName);
    await expect(page.locator('.rp-drill-count')).toContainText(fill(m.reports.drill.count, { total: cases }));

    // Back: the same report, every row still listed, and the number that was opened has the focus again.
    await page.getByRole('button', { name: m.reports.drill.back }).click();
    const again = table.locator(`tr[data-row="${rowKey}"] button`);
    await expect(again).toBeFocused();
    await expect(again).toBeInViewport();
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    await windowSize();

    // Print: the top rows and the line saying where the others are, wherever the screen was scrolled.
    await page.emulateMedia({ media: 'print' });
    await expect(vpo.locator('tbody tr').filter({ visible: true })).toHaveCount(TOP_ROWS);
    await expect(vpo.getByText(fill(m.reports.table.morePrinted, { top: TOP_ROWS, more: total - TOP_ROWS }))).toBeVisible();
    await expect(again).toBeHidden();
    await page.emulateMedia({ media: null });
  });
});
