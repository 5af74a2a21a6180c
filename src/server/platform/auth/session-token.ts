import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../db/uuid';

/**
 * A session cookie is `<tenant id>.<secret>`: 256 random bits, of which the database keeps only
 * the SHA-256. The tenant id is not secret; it tells the server which tenant's row-level
 * security context to open before it looks the secret up.
 */
export interface SessionToken {
  tenantId: string;
  tokenHash: Buffer;
}

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createSessionToken(tenantId: string): SessionToken & { cookieValue: string } {
  const secret = randomBytes(32).toString('base64url');
  return { tenantId, tokenHash: hashSecret(secret), cookieValue: `${tenantId}.${secret}` };
}

export function parseSessionCookie(value: string | undefined): SessionToken | null {
  if (!value) return null;
  const [tenantId, secret, ...rest] = value.split('.');
  if (
    rest.length > 0 ||
    !tenantId ||
    !secret ||
    !isUuid(tenantId) ||
    !SECRET_PATTERN.test(secret)
  ) {
    return null;
  }
  return { tenantId, tokenHash: hashSecret(secret) };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function sessionCookieName(tlsEnabled: boolean): string {
  return tlsEnabled ? '__Host-akinai_session' : 'akinai_session';
}

export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
