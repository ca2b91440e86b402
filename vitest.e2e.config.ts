import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with the built extension (.output/chrome-mv3). `npm run test:e2e`
// builds first. One file at a time: each launches its own browser and the machine has 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
