import type { FastifyInstance } from 'fastify';
import { AppError } from './problem';

/** The header the web client sends on every state change; other sites cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'akinai';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence for cookie-authenticated state changes: a custom header
 * (which forces a CORS preflight we never grant), plus Origin and Sec-Fetch-Site checks.
 */
export function registerCsrfProtection(app: FastifyInstance, allowedOrigin?: string): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    // A browser attaches cookies on its own but never an Authorization header, so a request
    // that carries a bearer token and no cookie at all cannot be a forged one.
    if (
      request.headers.cookie === undefined &&
      /^Bearer /i.test(request.headers.authorization ?? '')
    ) {
      return;
    }
    const fetchSite = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const expectedOrigin = allowedOrigin ?? `${request.protocol}://${request.host}`;
    const sameSite = fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
    const originMatches = origin === undefined || origin === expectedOrigin;
    if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE || !sameSite || !originMatches) {
      throw new AppError('csrf_rejected');
    }
  });
}
