import type { ErrorCode } from '../../domain/errors/error-codes';
import type { Problem } from '../../server/platform/http/problem';
import { activeLanguage } from '../i18n/i18n';

/**
 * The one way the web talks to the API: same-origin cookies, the CSRF header on every call,
 * and problem+json turned into an ApiError the screens can branch on by `code`.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'akinai';

export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly problem: Problem | null;

  constructor(status: number, code: ApiErrorCode, problem: Problem | null, message?: string) {
    super(message ?? problem?.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  /** Field messages keyed by the field's dotted path, first message per field. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const { path, message } of this.problem?.errors ?? []) {
      result[path] ??= message;
    }
    return result;
  }

  get retryAfterSeconds(): number | undefined {
    return this.problem?.retryAfterSeconds;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** Called when a signed-in call finds the session gone (expired, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** Skip the global "session ended → login page" reaction (the session probe itself). */
  expectUnauthenticated?: boolean;
  /** The API root: '/api/v1' (tenant plane, default) or '/api/ops/v1' (operator console). */
  base?: string;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return typeof body.code === 'string' && typeof body.status === 'number'
      ? (body as Problem)
      : null;
  } catch {
    return null;
  }
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': activeLanguage(),
    [CSRF_HEADER]: CSRF_HEADER_VALUE,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(`${options.base ?? '/api/v1'}${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', null);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  throw await failedResponse(response, options.expectUnauthenticated ?? false);
}

/**
 * The ApiError for a non-2xx response; a session found gone also sends the user to sign in
 * (unless the caller expects that, like the session probe).
 */
export async function failedResponse(
  response: Response,
  expectUnauthenticated = false,
): Promise<ApiError> {
  const problem = await readProblem(response);
  const error = new ApiError(response.status, problem?.code ?? 'unexpected_response', problem);
  if (error.code === 'unauthenticated' && !expectUnauthenticated) onUnauthenticated();
  return error;
}
