import { expect } from 'vitest';
import type { Session, TestApp } from './harness';
import { snapshotDatabase } from './snapshot';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
export type Json = Record<string, any>;

/** What a refused request must answer: its status, problem code and, when there is one, the field. */
export interface Refusal {
  status: number;
  code: string;
  field?: string;
}

/**
 * The three ways the API tests call the app: `send` (failing the test on another status than the one expected),
 * `json` (its answer's body) and `refused` (refused with the status, code and field as problem+json, and nothing
 * at all written: the whole database is the same before and after).
 */
export function requests(t: TestApp, defaultSession: () => Session) {
  const send = async (session: Session, method: Method, url: string, body?: unknown, status?: number) => {
    const res = await t.request(session, method, url, body);
    if (status !== undefined && res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res;
  };
  const json = async (session: Session, method: Method, url: string, body?: unknown, status = 200) =>
    (await send(session, method, url, body, status)).json() as Json;
  const refused = async (
    method: Method,
    url: string,
    body: unknown,
    expected: Refusal,
    session: Session = defaultSession(),
  ) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(session, method, url, body);
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({
      code: expected.code,
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    return problem;
  };
  return { send, json, refused };
}
