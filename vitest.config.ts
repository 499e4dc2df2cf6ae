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
          // A worker keeps the server's modules loaded from one test file to the next instead of importing them
          // again for each (a third of the suite's time went to imports). Each file still builds its own app on a
          // database of its own (test/harness.ts), and no server test mocks a module.
          isolate: false,
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
