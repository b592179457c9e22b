/**
 * The demo office, in Japanese and English: offered on the first-run screen, created with progress
 * as a separate database, marked DEMO, and left again without the real office ever being touched.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from './harness';
import { heading, MESSAGES, type Lang } from './messages';

const LANGS: Lang[] = ['ja', 'en'];
const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

for (const lang of LANGS) {
  const m = MESSAGES[lang];
  test.describe(lang, () => {
    test.use({ locale: LOCALE[lang] });

    test('explore the demo office from the first-run screen and come back', async ({ harness }) => {
      const { page } = harness;
      await harness.open();
      await expect(heading(page, m.setup.title)).toBeVisible();
      await expect(page.getByRole('heading', { name: m.demoOffice.offerTitle })).toBeVisible();
      await harness.shot(`${lang}-demo-01-offer`);

      await page.getByRole('button', { name: m.demoOffice.open }).click();
      await expect(page.locator('.demo-badge')).toContainText(m.shell.demo, { timeout: 60_000 });
      await expect(page.locator('.office-name')).toHaveText('デモ保護観察所');
      // Progress was reported while the fictional office was generated.
      expect(harness.events.filter((e) => e.event === 'progress').length).toBeGreaterThan(1);
      await harness.shot(`${lang}-demo-02-dashboard`, { viewportOnly: true });

      // The real office's folder holds only the demo office's folder: nothing of the real one exists.
      expect(readdirSync(harness.dataDir)).toEqual(['demo']);

      await page.getByRole('button', { name: m.demoOffice.leave }).click();
      await expect(heading(page, m.setup.title)).toBeVisible();
      await expect(page.locator('.demo-badge')).toHaveCount(0);

      // A second visit opens the existing demo office straight away.
      await page.getByRole('button', { name: m.demoOffice.open }).click();
      await expect(page.locator('.demo-badge')).toBeVisible();
    });
  });
}
