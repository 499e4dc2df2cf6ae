import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind, type FieldError } from '../kernel/errors';
import { type Locale, message, pickLocale } from '../kernel/messages';
import { AppError } from './errors';
import { BASE_SECURITY_HEADERS } from './security-headers';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

export function problemOf(error: AppError, locale: Locale): Problem {
  const field = error.options.field;
  const params = { field, ...error.options.params };
  const errors = error.options.errors?.map((e) => ({
    field: e.field,
    code: e.code,
    message: message(e.code, locale, { field: e.field, ...e.params }),
  }));
  return {
    type: `https://servix.dev/problems/${error.code}`,
    title: message(error.code, 'en', params),
    status: error.status,
    code: error.code,
    detail: message(error.code, locale, params),
    ...(field ? { field } : {}),
    ...(errors?.length ? { errors } : {}),
    ...error.options.extra,
  };
}

const ZOD_CODES: Record<string, string> = {
  invalid_type: 'invalid_type',
  too_small: 'too_small',
  too_big: 'too_big',
  invalid_format: 'invalid_value',
  invalid_value: 'invalid_value',
  invalid_union: 'invalid_value',
  custom: 'invalid_value',
};

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns zod issues into field errors: unknown keys name the key, missing values say "required". */
export function fieldErrorsOf(issues: ValidationIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (issue.params.keys as string[]) ?? []) {
        out.push({ field: path ? `${path}.${key}` : key, code: 'unknown_field' });
      }
      continue;
    }
    const missing = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message);
    const custom =
      issue.keyword === 'custom' && typeof issue.params.params === 'object'
        ? (issue.params.params as { code?: string })
        : undefined;
    out.push({
      field: path,
      code: custom?.code ?? (missing ? 'required' : (ZOD_CODES[issue.keyword] ?? 'invalid_value')),
    });
  }
  return out;
}

/** The one place where a domain error's kind becomes an HTTP status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export function fromDomainError(error: DomainError): AppError {
  return new AppError(STATUS_OF_KIND[error.kind], error.code, error.options);
}

export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrorsOf(error.validation as unknown as ValidationIssue[]);
    const first = errors[0];
    return new AppError(400, first?.code ?? 'validation_failed', { field: first?.field, errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(415, 'unsupported_media_type');
  }
  // The money kernel refuses a result outside the safe integer range inside the transaction,
  // which then rolls back: the user asked for an amount too large to keep.
  if (error instanceof RangeError && /safe integer|whole number of cents/.test(error.message)) {
    return new AppError(422, 'amount_out_of_range');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'validation_failed');
  }
  // PostgreSQL refused the transaction because another one held what it needed (a deadlock it broke, or a
  // serialization failure): nothing was written, and the same request will go through when tried again.
  if (error.code === '40P01' || error.code === '40001') return new AppError(409, 'busy_try_again');
  return new AppError(500, 'internal_error');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  return reply.status(error.status).type('application/problem+json').send(problemOf(error, request.locale));
}

/** How much of an oversized body is read and thrown away so that the client can read its 413. */
export const BODY_DISCARD_CAP = 8 * 1024 * 1024;
const BODY_DISCARD_TIMEOUT_MS = 10_000;

/**
 * Reads and discards the rest of a request body, up to `cap` bytes or a timeout. An HTTP client writes its whole
 * body before it reads the answer; a server that answers and closes early leaves it with a broken pipe instead
 * of the 413. Beyond the cap the connection is closed anyway (the client is sending far too much).
 */
export function discardBody(raw: IncomingMessage, cap = BODY_DISCARD_CAP): Promise<boolean> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve(true);
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > cap) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), BODY_DISCARD_TIMEOUT_MS);
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
    raw.resume();
  });
}

function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['x-servix-locale'];
  return pickLocale(
    undefined,
    typeof header === 'string' ? header : undefined,
    request.headers['accept-language'],
  );
}

/**
 * Fastify's own errors before routing (a URL it cannot decode, a too long parameter) as problem+json; Fastify's
 * hooks have not run, so the security headers are set here.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError(400, 'malformed_request')
      : new AppError(500, 'internal_error');
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  void reply
    .status(appError.status)
    .headers(BASE_SECURITY_HEADERS)
    .type('application/problem+json')
    .send(problemOf(appError, localeOf(request)));
}

/**
 * Errors of the HTTP parser, before there is a request (headers too large: 431; a malformed request line: 400),
 * written straight to the socket as problem+json in Bulgarian (the default language; there are no readable
 * headers to choose another).
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout']
        : [400, 'malformed_request'];
  const body = JSON.stringify(problemOf(new AppError(status, code), 'bg'));
  const headers = {
    ...BASE_SECURITY_HEADERS,
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** spaIndex: the built web app's index.html, served for unknown non-API GETs. */
export function registerErrorHandler(app: FastifyInstance, spaIndex?: Buffer): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    if (appError.status === 413) {
      // Fastify closes the connection after a body error; once the body is read whole, it may stay open.
      if (await discardBody(request.raw)) reply.removeHeader('connection');
      else reply.header('connection', 'close');
    }
    return sendProblem(reply, request, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(reply, request, new AppError(404, 'route_not_found'));
    // The single-page app owns every other GET path (its router shows its own "not found").
    const html = spaIndex;
    if (html && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.status(200).type('text/html').header('cache-control', 'no-cache').send(html);
    }
    return reply.status(404).type('text/plain').send('Not found');
  });
}
