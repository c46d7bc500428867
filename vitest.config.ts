import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // Unit tests only; Playwright specs in e2e/ run through `playwright test`.
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
