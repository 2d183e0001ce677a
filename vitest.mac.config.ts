import { defineConfig } from 'vitest/config';

// The real-Electron check on macOS (`npm run test:mac`, .github/workflows/mac.yml): drives the
// built app with Playwright's Electron driver. Not part of `npm test` (no Electron binary there).
export default defineConfig({
  test: {
    include: ['test/mac/**/*.mac.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
