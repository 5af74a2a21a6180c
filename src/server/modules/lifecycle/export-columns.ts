import type { TenantTable } from '../../platform/db/tenant-catalog';

/**
 * Columns the full export leaves out because they hold secrets or live credentials (SECURITY.md,
 * data lifecycle: "secrets are not exported"). Reviewed list: export-columns.test.ts fails when
 * a column named like a secret (hash, secret, token, recovery) is in neither this list nor
 * REVIEWED_NOT_SECRET, so a new credential column cannot leak into exports unnoticed.
 */
export const EXCLUDED_COLUMNS: Readonly<Record<string, string>> = {
  'users.password_hash': 'argon2id password hash',
  'users.mfa_secret': 'TOTP secret (encrypted, still a credential)',
  'users.mfa_pending_secret': 'TOTP secret awaiting confirmation',
  'users.mfa_recovery_hashes': 'recovery-code digests',
  'sessions.token_hash': 'session token digest',
  'api_tokens.token_hash': 'API token digest',
  'password_reset_tokens.token_hash': 'password-reset token digest',
  // Password-reset mails carry a live single-use link (30 minutes).
  'mail_outbox.body': 'may contain a password-reset link',
};

/** Names that look secret but are not, each with the reason it may be exported. */
export const REVIEWED_NOT_SECRET: Readonly<Record<string, string>> = {
  'api_tokens.token_id': 'public identifier of a token, shown in the token list',
  'password_reset_tokens.token_id': 'identifier of a reset request, not the token',
  'audit_log.prev_hash': 'hash chain link: lets the customer verify the log they received',
  'audit_log.hash': 'hash chain link: lets the customer verify the log they received',
  'audit_chain_heads.last_hash': 'hash chain head, as above',
};

/** Column names that must be reviewed before they may be exported. */
export const SECRET_LOOKING = /hash|secret|token|recovery|passw(or)?d_?(digest|enc)/i;

export function exportedColumns(table: TenantTable): string[] {
  return table.columns.filter((column) => !(`${table.name}.${column}` in EXCLUDED_COLUMNS));
}

/** Catalog columns named like secrets that nobody has reviewed (should be none). */
export function unreviewedSecretLookingColumns(tables: readonly TenantTable[]): string[] {
  return tables.flatMap((table) =>
    table.columns
      .map((column) => `${table.name}.${column}`)
      .filter(
        (key) =>
          SECRET_LOOKING.test(key.split('.')[1] ?? '') &&
          !(key in EXCLUDED_COLUMNS) &&
          !(key in REVIEWED_NOT_SECRET),
      ),
  );
}
