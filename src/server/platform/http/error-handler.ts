import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../../domain/errors/error-codes';
import { AppError, type FieldError, type Language, problemFor } from './problem';

export function preferredLanguage(request: FastifyRequest): Language {
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'ja';
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: {
    detail?: string;
    errors?: FieldError[];
    retryAfterSeconds?: number;
    usageCount?: number;
  } = {},
) {
  const problem = problemFor(code, preferredLanguage(request), { ...extra, requestId: request.id });
  if (extra.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(extra.retryAfterSeconds));
  }
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/**
 * Errors Fastify raises before routing (a URL whose percent-escapes are not UTF-8, a path
 * parameter over the length limit): answered as problem+json like every other failure, instead
 * of Fastify's own JSON shape.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  return sendProblem(
    request,
    reply,
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'malformed_request',
  );
}

/** Connection-level failures: the database is down or restarting, not the request's fault. */
const UNAVAILABLE_PG_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|ECONNREFUSED/;

function isDatabaseUnavailable(error: unknown): boolean {
  // Walk the cause chain: drizzle wraps driver errors.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: string }).code ?? '';
    if (UNAVAILABLE_PG_CODES.has(code) || code.startsWith('08')) return true;
    if (UNAVAILABLE_MESSAGES.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

function fieldErrors(validation: { instancePath: string; message?: string }[]): FieldError[] {
  return validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? '',
  }));
}

/** Translates every failure into problem+json; a stack trace never reaches the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const { keepChanges: _, ...extra } = error.options;
      return sendProblem(request, reply, error.code, extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(request, reply, 'validation_failed', {
        errors: fieldErrors(error.validation),
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(request, reply, 'database_unavailable', { retryAfterSeconds: 5 });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      // The per-address limit's errorResponseBuilder (app.ts) says when its window reopens.
      const { retryAfterSeconds } = error as { retryAfterSeconds?: number };
      return sendProblem(request, reply, 'rate_limited', {
        retryAfterSeconds: retryAfterSeconds ?? 60,
      });
    }
    if (status === 413) return sendProblem(request, reply, 'payload_too_large');
    if (status === 415) return sendProblem(request, reply, 'unsupported_media_type');
    if (status === 404) return sendProblem(request, reply, 'not_found');
    if (status === 405) return sendProblem(request, reply, 'method_not_allowed');
    if (status >= 400 && status < 500) return sendProblem(request, reply, 'malformed_request');
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal_error');
  });
}
