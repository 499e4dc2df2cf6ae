import type { Me, Role } from '@servix/server/modules/auth/auth.schema';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { setCsrfToken } from './api/client';
import { meKey } from './api/session';
import { AppProviders } from './app/providers';
import { ShellProviders } from './app/shell-providers';
import { PHONE_QUERY } from './ui/phone';

/** A signed-in user; a technician is linked to a technician record (their own orders), others are not. */
export function aMe(
  role: Role = 'admin',
  technicianId: string | null = role === 'technician' ? 't-1' : null,
): Me {
  return {
    user: {
      id: 'u-1',
      username: 'maria',
      fullName: 'Мария Иванова',
      email: null,
      role,
      locale: 'bg',
      active: true,
      lastLoginAt: null,
      createdAt: '2026-11-27T10:00:00.000Z',
    },
    csrfToken: 'csrf-123',
    technicianId,
  };
}

/**
 * Renders a screen inside the app's providers and a router, signed in as `me` (null: signed out;
 * 'ask-server': the session is loaded through the fake server like on a page load).
 */
export function renderScreen(
  ui: ReactNode,
  { me = aMe(), route = '/' }: { me?: Me | null | 'ask-server'; route?: string } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (me !== 'ask-server') {
    queryClient.setQueryData(meKey, me);
    setCsrfToken(me?.csrfToken ?? null);
  }
  return render(
    <AppProviders queryClient={queryClient}>
      <ShellProviders>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </ShellProviders>
    </AppProviders>,
  );
}

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/** A JSON body parsed; any other body (a CSV file sent as text/csv) as its text. */
function bodyOf(body: string, headers: Headers): unknown {
  return (headers.get('content-type') ?? '').includes('json') ? JSON.parse(body) : body;
}

/** Replaces fetch with a fake server; records every call. */
export function fakeServer(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://servix.test');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? bodyOf(init.body, new Headers(init.headers)) : init?.body,
    };
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** Makes the screen a phone (390 px: the phone layouts) or not, for the rest of the test; vi.restoreAllMocks undoes it. */
export function onPhone(phone = true) {
  return vi.spyOn(window, 'matchMedia').mockImplementation(
    (query) =>
      ({
        matches: phone && query === PHONE_QUERY,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
}
