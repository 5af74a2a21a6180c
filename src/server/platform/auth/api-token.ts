import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../db/uuid';

/**
 * A personal API token is `akn_<tenant id>_<secret>`: 256 random bits (base64url), of which the
 * database keeps only the SHA-256. Like the session cookie, the tenant id only says which RLS
 * context to open; the prefix lets secret scanners recognise a leaked token.
 */
export const API_TOKEN_PREFIX = 'akn_';

export interface ApiTokenCredential {
  tenantId: string;
  tokenHash: Buffer;
}

const TOKEN_PATTERN = /^akn_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export function createApiToken(tenantId: string): ApiTokenCredential & { token: string } {
  const secret = randomBytes(32).toString('base64url');
  return {
    tenantId,
    tokenHash: hashSecret(secret),
    token: `${API_TOKEN_PREFIX}${tenantId}_${secret}`,
  };
}

/** The token of an `Authorization: Bearer …` header, or null when absent or malformed. */
export function parseBearerToken(header: string | undefined): ApiTokenCredential | null {
  if (!header) return null;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  const parts = match ? TOKEN_PATTERN.exec(match[1]!) : null;
  if (!parts || !isUuid(parts[1]!)) return null;
  return { tenantId: parts[1]!, tokenHash: hashSecret(parts[2]!) };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
