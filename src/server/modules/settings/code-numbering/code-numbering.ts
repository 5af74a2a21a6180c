import { eq, sql } from 'drizzle-orm';
import {
  allNumberedMasters,
  DEFAULT_CODE_WIDTH,
  type NumberedMaster,
} from '../../../../domain/masters/code-numbering';
import { CODE_REQUIRED_MESSAGE } from '../../../../domain/partners/partner-fields';
import { queryRows } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { CodeNumbering } from './code-numbering.schema';
import { codeNumberingSettings } from './code-numbering.table';

export async function getCodeNumbering(tx: TenantTransaction): Promise<CodeNumbering> {
  const rows = await tx.db
    .select()
    .from(codeNumberingSettings)
    .where(eq(codeNumberingSettings.tenantId, tx.tenantId));
  return {
    items: allNumberedMasters.map((kind) => {
      const row = rows.find((candidate) => candidate.kind === kind);
      return row
        ? { kind, isAuto: row.isAuto, width: row.width, version: row.version }
        : { kind, isAuto: false, width: DEFAULT_CODE_WIDTH, version: 0 };
    }),
  };
}

/** The table each kind numbers; products' table arrives with the products module. */
const codeTables: Record<NumberedMaster, string> = {
  customers: 'customers',
  suppliers: 'suppliers',
  products: 'products',
};

/**
 * The next free auto-numbered code of `kind` at the tenant's configured width, or null when
 * the tenant numbers that kind by hand.
 *
 * Reads one index entry, not every code: all-digit codes of width w lie between '0…0' and
 * '9…9' in byte order, so a backward range scan of the (tenant_id, code) unique index stops at
 * the first code that is exactly w digits (codes typed by hand in other shapes are skipped).
 * A transaction-level advisory lock per tenant and kind makes concurrent creates take turns
 * until the first commits, so two of them never compute the same number.
 */
export async function nextMasterCode(
  tx: TenantTransaction,
  kind: NumberedMaster,
): Promise<string | null> {
  const settings = (await getCodeNumbering(tx)).items.find((item) => item.kind === kind);
  if (!settings?.isAuto) return null;
  const { width } = settings;
  await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `code-numbering:${tx.tenantId}:${kind}`,
  ]);
  const [highest] = await queryRows<{ code: string }>(
    tx,
    sql`select code from ${sql.identifier('app')}.${sql.identifier(codeTables[kind])}
        where tenant_id = ${tx.tenantId}::uuid
          and code >= ${'0'.repeat(width)} and code <= ${'9'.repeat(width)}
          and length(code) = ${width} and code ~ '^[0-9]+$'
        order by code desc limit 1`,
  );
  const next = (highest ? BigInt(highest.code) : 0n) + 1n;
  const text = next.toString().padStart(width, '0');
  if (text.length > width) {
    throw new AppError('code_numbering_exhausted', {
      errors: [
        { path: 'code', message: `${width}桁の番号をすべて使い切りました。桁数を増やしてください` },
      ],
    });
  }
  return text;
}

/**
 * The code a new master row gets: the one typed, or with 自動採番 on and the field left empty
 * the next number. Empty with numbering off is the same error as a missing code.
 */
export async function assignMasterCode(
  tx: TenantTransaction,
  kind: NumberedMaster,
  typed: string,
): Promise<string> {
  if (typed !== '') return typed;
  const next = await nextMasterCode(tx, kind);
  if (next === null) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'code', message: CODE_REQUIRED_MESSAGE }],
    });
  }
  return next;
}
