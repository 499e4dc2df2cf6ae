import fc from 'fast-check';
import { setPasswordCostForTests } from '../src/modules/auth/password';
import { PROPERTY_SIZE } from './property-size';

// Runs before every server test file. Passwords hash at scrypt N = 2^10 instead of 2^15: the suite signs in hundreds
// of users, and each hash at the production cost takes tens of milliseconds of CPU. password.test.ts checks the
// production cost itself.
setPasswordCostForTests(2 ** 10);

// The pure property tests keep fast-check's 100 runs; a nightly-style run (SERVIX_PROPERTY_SIZE=large) searches ten
// times as long. Tests that name their own numRuns choose it with bySize (server/test/property-size.ts).
if (PROPERTY_SIZE === 'large') fc.configureGlobal({ numRuns: 1000 });

// PDFs are drawn on the test's own thread (a render thread per test file would cost its start-up each time);
// server/src/pdf/render-pool.test.ts checks the threads, and the Playwright journeys run the server with them.
process.env.PDF_THREADS ??= '0';
