import { defineConfig, devices } from '@playwright/test';
import { BASE_URL, CHROMIUM_LAUNCH, E2E_PORT } from './test/e2e/env.ts';

/**
 * Browser journeys against the built server (`npm run build` first), on a
 * fresh PGlite database, or a fresh PostgreSQL database when DATABASE_URL
 * names a server. Debian's Chromium is used: nothing is downloaded.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  // Long journeys on a loaded 2-CPU machine have needed more than a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    // The theme respects reduced motion: dialogs open without a transition, so axe never
    // measures a button half faded in (a revoke dialog once failed color-contrast that way).
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: {
    command: 'node --import tsx test/e2e/start-server.ts',
    url: `${BASE_URL}/api/ready`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
