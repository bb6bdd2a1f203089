import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: integration tests spawn simulators and Chromium; too many at once starves them.
    maxWorkers: 2,
  },
});
