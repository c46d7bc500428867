import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser';

// One real server on a fresh SQLite file per run. The runner creates the folder; workers inherit
// the variables, so specs can open the same database to check what got stored.
const port = Number(process.env.E2E_PORT || 3100);
process.env.E2E_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
process.env.E2E_DATABASE_PATH = path.join(process.env.E2E_DATA_DIR, 'portal.db');
const baseURL = `http://localhost:${port}`;

const launchOptions = { executablePath: findChromium(), args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Two cores run the server, the build cache and two browsers: give slow moments room.
  timeout: 60_000,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './e2e/global-teardown.ts',
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // Each test comments from its own address (x-forwarded-for), and may approve comments through
      // the test-only moderation hook until the admin's screens exist.
      TRUST_PROXY: '1',
      PORTAL_TEST_HOOKS: '1',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'admin-password-for-tests',
    },
  },
});
