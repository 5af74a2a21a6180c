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

/** Operators' TOTP secrets: same box and key, bound to the operator instead of a tenant user. */
export const operatorMfaAssociatedData = (operatorId: string) => `akinai/ops-mfa/${operatorId}`;

export function sealOperatorMfaSecret(box: SecretBox, operatorId: string, secret: string) {
  return box.seal(secret, operatorMfaAssociatedData(operatorId));
}

export function openOperatorMfaSecret(box: SecretBox, operatorId: string, sealed: string) {
  return box.open(sealed, operatorMfaAssociatedData(operatorId));
}
