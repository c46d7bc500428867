import { findChromium, HOW_TO_GET_CHROMIUM } from '../e2e/browser';

if (!findChromium()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
