import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the global setup starts the real server (`homeward start` on a fresh
// data directory) and the files drive Debian's Chromium through playwright-core.
// Run with `npm run test:e2e` (it builds web/dist first when needed).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
