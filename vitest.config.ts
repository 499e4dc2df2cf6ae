import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time even on two cores (vitest's default there is one): a server test spends much of its
    // time waiting for PostgreSQL, scrypt or a file copy, and the other file runs meanwhile.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['server/test/global-setup.ts'],
          setupFiles: ['server/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/{src,scripts}/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Component tests render Mantine in happy-dom beside the server suite on two cores: time to spare.
          testTimeout: 20_000,
          setupFiles: ['web/src/test-setup.ts'],
        },
      },
    ],
  },
});
