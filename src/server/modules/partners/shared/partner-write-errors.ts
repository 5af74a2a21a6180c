import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { CODE_REQUIRED_MESSAGE } from '../../../../domain/partners/partner-fields';
import { pgErrorFields } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';

/** Field messages for references the database refused: not this tenant's row, or gone. */
const referenceMessages: Record<string, [path: string, message: string]> = {
  staff_fk: ['staffUserId', '担当者が見つかりません。選び直してください'],
  department_fk: ['departmentId', '部門が見つかりません。選び直してください'],
  bill_to_fk: ['billToCustomerId', '請求先が見つかりません。選び直してください'],
  collect_from_fk: ['collectFromCustomerId', '回収先が見つかりません。選び直してください'],
  pay_to_fk: ['payToSupplierId', '支払先が見つかりません。選び直してください'],
};

/**
 * Turns a write's constraint violations into the errors the form shows next to its fields: a
 * taken code, or a referenced 担当者/部門/請求先 that is not this tenant's (composite foreign
 * keys make another tenant's id look exactly like a missing one).
 */
export function rethrowPartnerWriteError(
  error: unknown,
  codeConstraint: string,
  codeTaken: () => AppError,
): never {
  const { code, constraint } = pgErrorFields(error);
  if (code === '23505' && constraint === codeConstraint) throw codeTaken();
  if (code === '23503' && constraint) {
    const suffix = Object.keys(referenceMessages).find((key) => constraint.endsWith(`_${key}`));
    if (suffix) {
      const [path, message] = referenceMessages[suffix]!;
      throw new AppError('validation_failed', { errors: [{ path, message }] });
    }
  }
  throw error;
}

/** Deleting a partner that projects, documents or other partners still name. */
export function rethrowPartnerInUse(error: unknown, inUse: () => AppError): never {
  if (pgErrorFields(error).code === '23503') throw inUse();
  throw error;
}

/** Auto-numbering only fills new rows: an existing partner keeps a code. */
export function requireCode(code: string): void {
  if (code === '') {
    throw new AppError('validation_failed', {
      errors: [{ path: 'code', message: CODE_REQUIRED_MESSAGE }],
    });
  }
}

/**
 * Locks the row for this write and checks the version the caller read: gone is 404, changed
 * by someone else since is 409 version_conflict (optimistic locking, as on every master).
 */
export async function lockAtVersion(
  tx: TenantTransaction,
  table: PgTable,
  versionColumn: PgColumn,
  where: SQL | undefined,
  version: number,
): Promise<void> {
  const [current] = await tx.db
    .select({ version: versionColumn })
    .from(table)
    .where(where)
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
}
