import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only. End-to-end tests (tests/e2e) need a built extension and have their own config.
// Engine tests run in plain Node; UI tests opt into happy-dom with a `@vitest-environment` comment.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // fakeBrowser keeps state in module scope; a fresh state per test keeps tests independent.
    restoreMocks: true,
  },
});
