import { currentLocale, i18n } from '../i18n';

/** One wrong field of a problem+json answer. */
export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** The server's application/problem+json error (RFC 9457), as server/src/http/error-handler.ts sends it. */
export interface Problem {
  status: number;
  code: string;
  /** The message in the user's language. */
  detail: string;
  title?: string;
  field?: string;
  errors?: ProblemFieldError[];
}

/** A failed API call: carries the server's problem, so screens can show its message and mark its fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
  }

  /** Messages by field path, as form inputs name them: { uic: '…', 'bankAccounts.0.iban': '…' }. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) if (e.field && !(e.field in out)) out[e.field] = e.message;
    if (this.problem.field && !(this.problem.field in out)) out[this.problem.field] = this.problem.detail;
    return out;
  }
}

export const API_BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfToken: string | null = null;

/** The session's CSRF token, from the login, setup, /auth/session and /auth/me answers; kept in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).detail === 'string'
  );
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await response.json().catch(() => null);
    if (isProblem(body)) return { ...body, status: response.status };
  }
  return { status: response.status, code: 'http_error', detail: i18n.t('errors.unexpected') };
}

/** A request body sent as it is, e.g. a CSV file as text/csv (its bytes as saved, for the server to decode). */
export interface TextBody {
  body: string | ArrayBuffer;
  contentType: string;
}

const WORKSTATION_KEY = 'servix.workstation';

/**
 * The workstation (работно място) of this browser (ADR 0041): chosen once on the till's computer and sent with every
 * request, so a sale is printed on that workstation's fiscal device whoever signs in there.
 */
export function currentWorkstation(): string | null {
  try {
    return globalThis.localStorage?.getItem(WORKSTATION_KEY) ?? null;
  } catch {
    return null;
  }
}

export function chooseWorkstation(id: string | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(WORKSTATION_KEY, id);
    else globalThis.localStorage?.removeItem(WORKSTATION_KEY);
  } catch {
    // a browser without storage sells at the first workstation
  }
}

/** Calls the Servix API: JSON in and out, the UI language, and the CSRF token on every write. */
export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query; text?: TextBody } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Servix-Locale': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.text) headers['Content-Type'] = options.text.contentType;
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const workstation = currentWorkstation();
  if (workstation) headers['X-Workstation-Id'] = workstation;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      // 'include' (the same as 'same-origin' for our own API) matches the page's <link rel=preload> of the first
      // two requests, so the browser hands over the answers it fetched while the scripts were downloading.
      credentials: 'include',
      body: options.text
        ? options.text.body
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs a text body (a CSV file as text/csv); the answer is JSON like any other. */
  postText: <T>(path: string, text: TextBody, query?: Query) => request<T>('POST', path, { text, query }),
};

/**
 * GETs a file the API makes (the NAP audit file) and has the browser save it under the server's file name; a
 * refusal is an ApiError with the server's problem, as for any other call.
 */
export async function downloadFile(path: string, query?: Query): Promise<string> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      headers: { 'X-Servix-Locale': currentLocale() },
      credentials: 'include',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}

/** The message to show for any failure: the server's own words when it sent a problem. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail;
  return i18n.t('errors.unexpected');
}
