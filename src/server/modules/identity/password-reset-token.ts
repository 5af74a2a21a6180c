import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../platform/db/uuid';

/**
 * A reset link carries `<tenant id><secret>` (36 + 43 characters, no separator, so the web
 * server treats the path as a page and not as a file name): 256 CSPRNG bits of which the
 * database keeps only the SHA-256. As with session cookies, the tenant id just says which
 * tenant's RLS context to open before looking the secret up.
 */
export const PASSWORD_RESET_VALIDITY_MS = 30 * 60_000;

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createResetToken(tenantId: string): { token: string; tokenHash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}${secret}`, tokenHash: hashSecret(secret) };
}

export function parseResetToken(token: string): { tenantId: string; tokenHash: Buffer } | null {
  const tenantId = token.slice(0, 36);
  const secret = token.slice(36);
  if (!isUuid(tenantId) || !SECRET_PATTERN.test(secret)) return null;
  return { tenantId, tokenHash: hashSecret(secret) };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
