import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the local portal (`packages/app/e2e-tests`).
 *
 * Start the portal first with `yarn dev` (emulator, seeded demo app, backend
 * :7007, frontend :3000), then `yarn test:e2e`. The browser is Debian's
 * Chromium (`apt-get install chromium`); Playwright's own browser download
 * does not work offline. Override with PLAYWRIGHT_CHROMIUM / PLAYWRIGHT_URL.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  testMatch: '**/*.test.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'node_modules/.cache/e2e-test-results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
