import { defineConfig } from '@playwright/test';

/**
 * Browser-mode end-to-end tests: the Vite build of the renderer in Debian's Chromium, with window.api
 * bridged to the real services in the test process (tests/e2e/harness.ts). `npm run test:e2e`
 * builds the renderer first; nothing here builds or serves anything.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1366, height: 768 },
    timezoneId: 'Asia/Tokyo',
    locale: 'ja-JP',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
