import type { FastifyRequest } from 'fastify';

/** Paths that carry a secret (mailed reset links); everything after the prefix is hidden. */
const SECRET_PATHS = [/^(\/password-reset\/)[^?#]+/];

export function redactUrl(url: string): string {
  return SECRET_PATHS.reduce((current, pattern) => current.replace(pattern, '$1[redacted]'), url);
}

/** Fastify's request log line, minus secrets in the URL. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
