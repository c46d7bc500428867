import fs from 'node:fs';
import { chromium } from '@playwright/test';

// Playwright's own Chromium when it is installed, else Debian's. Downloads are not possible on every
// machine we run on, so we never try one.
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function findChromium(): string | undefined {
  const own = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  })();
  if (own && fs.existsSync(own)) return own;
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return undefined;
}

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the end-to-end tests.',
  'Install one of:',
  '  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
  '  - or Playwright\'s own build, where downloads are allowed: npx playwright install chromium',
].join('\n');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
