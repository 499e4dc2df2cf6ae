import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// A port of its own per run (E2E_PORT to choose it), so runs side by side do not collide.
process.env.SERVIX_E2E_PORT ??= process.env.E2E_PORT ?? String(20000 + Math.floor(Math.random() * 20000));
const PORT = Number(process.env.SERVIX_E2E_PORT);
// A fresh, empty database for every run: the first spec goes through the first-run setup.
const databaseFile = path.join(os.tmpdir(), `servix-e2e-${Date.now()}.db`);
// The config is read again in each worker; the teardown (main process) removes the file the server used.
process.env.SERVIX_E2E_DATABASE ??= databaseFile;
// A second installation, left empty (no demo), for the first steps of a new company (e2e/first-steps.spec.ts).
const EMPTY_PORT = PORT + 1;
process.env.SERVIX_E2E_EMPTY_DATABASE ??= path.join(os.tmpdir(), `servix-e2e-empty-${Date.now()}.db`);

// E2E_WORKERS=2 runs the journeys in two workers, each on an installation of its own with the same demo company
// (e2e/support.ts picks the worker's; the second is set up by e2e/second-installation.setup.ts). One worker by
// default: on two cores two browsers make single tests slow enough to time out.
const SECOND_PORT = PORT + 2;
process.env.SERVIX_E2E_SECOND_DATABASE ??= path.join(os.tmpdir(), `servix-e2e-second-${Date.now()}.db`);
const WORKERS = Number(process.env.E2E_WORKERS ?? 1);
// Read by e2e/support.ts in the workers: set only when there is a second installation.
if (WORKERS > 1) process.env.SERVIX_E2E_SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;

const server = (port: number, database: string) => ({
  command: 'node --import tsx server/src/main.ts serve',
  url: `http://127.0.0.1:${port}/api/health`,
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${database}`,
    LOG_LEVEL: 'warn',
  },
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  outputDir: 'e2e/output/test-results',
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey's own budget: a busy two-core CI machine needs more than the default 30 s for the longer ones.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: 'e2e/output/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Sofia',
    // Mantine's transitions off (the theme respects reduced motion): a click does not wait for a menu to slide in.
    contextOptions: { reducedMotion: 'reduce' },
    // A click on something that never becomes clickable fails within half a minute, naming it, instead of holding
    // the journey until its whole budget is spent.
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'first-run', testMatch: /first-run-setup\.spec\.ts/ },
    ...(WORKERS > 1
      ? [
          {
            name: 'second-installation',
            testMatch: /second-installation\.setup\.ts/,
            use: { baseURL: process.env.SERVIX_E2E_SECOND_URL },
          },
        ]
      : []),
    {
      name: 'journeys',
      testIgnore: [/first-run-setup\.spec\.ts/, /first-steps\.spec\.ts/],
      dependencies: WORKERS > 1 ? ['first-run', 'second-installation'] : ['first-run'],
    },
    // The empty installation: its own server and database, set up without the demo by the spec itself.
    {
      name: 'first-steps',
      testMatch: /first-steps\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${EMPTY_PORT}` },
    },
  ],
  webServer: [
    server(PORT, process.env.SERVIX_E2E_DATABASE),
    server(EMPTY_PORT, process.env.SERVIX_E2E_EMPTY_DATABASE),
    ...(WORKERS > 1 ? [server(SECOND_PORT, process.env.SERVIX_E2E_SECOND_DATABASE)] : []),
  ],
});
