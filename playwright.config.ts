import { defineConfig } from '@playwright/test';

/**
 * Two hosts run the same specs: "browser" (built renderer in Debian's Chromium, window.api bridged to the real
 * main services) always; "electron" (the real app through _electron) where an Electron binary exists; there
 * each test reports as skipped with the reason otherwise.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 5_000 },
  use: { actionTimeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  projects: [
    { name: 'browser-host', metadata: { host: 'browser' } },
    { name: 'electron-host', metadata: { host: 'electron' } },
  ],
});
