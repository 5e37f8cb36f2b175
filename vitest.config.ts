import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and end-to-end tests that start web mode
// and drive Debian's Chromium. `npm test` builds first, so e2e runs against built output.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['core/**/*.test.ts', 'main/**/*.test.ts', 'labs/**/*.test.ts', 'test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/electron-mock.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
