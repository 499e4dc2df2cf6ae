/**
 * Two dispatchers booking the same technician's slot at once (issue 14 item 7): exactly one wins, the other is told
 * the overlap, on both databases; and on PostgreSQL with two app instances (two pools) on one database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIALECTS,
  freshDatabase,
  type Session,
  type TestApp,
  type TestDatabase,
  useTestApp,
} from '../../../test/harness';
import { buildApp } from '../../app';
import { type DatabaseHandle, openDatabase } from '../../db/database';
import { instantAt } from '../../kernel/calendar';

const MON_FRI_8_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers
type Json = Record<string, any>;

interface Caller {
  post(
    app: FastifyInstance,
    session: Session,
    url: string,
    body: unknown,
  ): Promise<{ status: number; body: Json }>;
}
const caller: Caller = {
  async post(app, session, url, body) {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: body as Json,
    });
    return { status: res.statusCode, body: res.json() };
  },
};

/** A customer, a site, a technician, and `n` visit requests of an hour at the site (no travel). */
async function world(app: FastifyInstance, admin: Session, n: number) {
  const post = async (url: string, body: unknown) => {
    const r = await caller.post(app, admin, url, body);
    if (r.status !== 201 && r.status !== 200)
      throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const party = await post('/api/v1/parties', {
    kind: 'company',
    name: 'Клиент ООД',
    isCustomer: true,
    isSupplier: false,
  });
  const site = await post('/api/v1/sites', { partyId: party.id, name: 'Обект' });
  const tech = await post('/api/v1/technicians', { name: 'Техник', hours: MON_FRI_8_17 });
  const requests: string[] = [];
  for (let i = 0; i < n; i++)
    requests.push(
      (await post('/api/v1/visit-requests', { partyId: party.id, siteId: site.id, problem: `Заявка ${i}` }))
        .id,
    );
  return { techId: tech.id as string, requests };
}

/** Rounds of two bookings at once of one technician's overlapping slots, each on its app: one 201 and one 409. */
async function race(
  apps: [FastifyInstance, FastifyInstance],
  sessions: [Session, Session],
  techId: string,
  requests: string[],
) {
  const rounds = requests.length / 2;
  for (let i = 0; i < rounds; i++) {
    const date = `2030-01-${String(7 + (i % 5)).padStart(2, '0')}`; // Monday to Friday
    const minute = 480 + Math.floor(i / 5) * 120;
    const answers = await Promise.all(
      [0, 1].map((k) =>
        caller.post(apps[k] as FastifyInstance, sessions[k] as Session, '/api/v1/visit-bookings', {
          requestId: requests[2 * i + k],
          technicianIds: [techId],
          // The second starts 15 minutes later: not the same slot, still an overlap.
          start: instantAt(date, minute + k * 15).toISOString(),
          durationMinutes: 60,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const loser = answers.find((a) => a.status === 409) as { body: Json };
    const winner = answers.find((a) => a.status === 201) as { body: Json };
    expect(loser.body.code).toBe('booking_overlap');
    expect(loser.body.conflicts[0].bookingId).toBe(winner.body.id);
  }
}

describe.each(DIALECTS)('two bookings of one slot at once on %s', (dialect) => {
  const t: TestApp = useTestApp(dialect);
  it('exactly one wins, every time', async () => {
    const admin = await t.setup();
    const desk = await t.signInAs('reception');
    const { techId, requests } = await world(t.app, admin, 20);
    await race([t.app, t.app], [admin, desk], techId, requests);
    const cal = await t.app.inject({
      method: 'GET',
      url: `/api/v1/visit-bookings?from=2030-01-07&to=2030-01-11&technicianId=${techId}`,
      headers: { cookie: admin.cookie },
    });
    expect(cal.json().items).toHaveLength(10);
  });
});

describe.runIf(DIALECTS.includes('postgres'))('two app instances on one PostgreSQL', () => {
  let tdb: TestDatabase;
  let second: DatabaseHandle;
  let app1: FastifyInstance;
  let app2: FastifyInstance;

  beforeAll(async () => {
    tdb = await freshDatabase('postgres');
    second = openDatabase(tdb.config.database);
    app1 = await buildApp({ config: tdb.config, database: tdb.handle, logger: false });
    app2 = await buildApp({ config: tdb.config, database: second, logger: false });
    await app1.ready();
    await app2.ready();
  });
  afterAll(async () => {
    await app1?.close();
    await app2?.close();
    await second?.close();
    await tdb?.drop();
  });

  it('exactly one of two instances wins the slot, every time', async () => {
    const setup = await app1.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        companyName: 'Тест Сервиз ООД',
        adminUsername: 'admin',
        adminFullName: 'Админ',
        adminPassword: 'admin-secret-1',
        demo: false,
      },
    });
    const me = setup.json();
    const cookie = setup.cookies.find((c) => c.name === 'servix_session');
    const admin: Session = {
      cookie: `servix_session=${cookie?.value}`,
      csrfToken: me.csrfToken,
      userId: me.user.id,
      role: 'admin',
    };
    const { techId, requests } = await world(app1, admin, 20);
    // The same session works on both instances (sessions live in the database).
    await race([app1, app2], [admin, admin], techId, requests);
  });
});
