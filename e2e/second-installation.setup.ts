import { expect, test } from '@playwright/test';
import { ADMIN } from './support';

// The journeys run in two workers, each on an installation of its own with the same demo company: the first is set
// up through the screens by first-run-setup.spec.ts, this one through the same API call the setup screen makes.
test('a second installation with the demo company, for the second worker', async ({ request }) => {
  test.setTimeout(90_000);
  const res = await request.post('/api/v1/setup', {
    data: {
      adminUsername: ADMIN.username,
      adminFullName: ADMIN.fullName,
      adminPassword: ADMIN.password,
      locale: 'bg',
      demo: true,
    },
    timeout: 60_000,
  });
  expect(res.status(), await res.text()).toBe(201);
});
