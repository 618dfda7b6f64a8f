import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built app served on localhost, driven by playwright-core in
// Debian's Chromium. Run with `npm run test:e2e` (the app is built first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/serve-built-app.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
