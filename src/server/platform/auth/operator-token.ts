import { createHash, randomBytes } from 'node:crypto';

/**
 * The operator console cookie: 256 random bits, of which the database keeps only the SHA-256.
 * Its own name and path (/api/ops), so it never travels with tenant API calls and a tenant
 * session cookie never authenticates an operator route.
 */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createOperatorToken(): { cookieValue: string; tokenHash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { cookieValue: secret, tokenHash: hashOperatorSecret(secret) };
}

export function parseOperatorCookie(value: string | undefined): Buffer | null {
  if (!value || !SECRET_PATTERN.test(value)) return null;
  return hashOperatorSecret(value);
}

function hashOperatorSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function operatorCookieName(tlsEnabled: boolean): string {
  return tlsEnabled ? '__Secure-akinai_ops' : 'akinai_ops';
}

export const OPERATOR_COOKIE_PATH = '/api/ops';

/** Console sessions end after 30 idle minutes and 8 hours at most. */
export const OPERATOR_IDLE_TIMEOUT_MINUTES = 30;
export const OPERATOR_SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
