import type { SecretBox } from '../../platform/auth/secret-box';

/** Ciphertexts are bound to their row, so a secret moved to another user does not open. */
export const mfaAssociatedData = (tenantId: string, userId: string) =>
  `akinai/mfa/${tenantId}/${userId}`;

export function sealMfaSecret(box: SecretBox, tenantId: string, userId: string, secret: string) {
  return box.seal(secret, mfaAssociatedData(tenantId, userId));
}

export function openMfaSecret(box: SecretBox, tenantId: string, userId: string, sealed: string) {
  return box.open(sealed, mfaAssociatedData(tenantId, userId));
}
