import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { NumberedMaster } from '../../../domain/masters/code-numbering';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { getCodeNumbering, nextMasterCode } from '../settings/code-numbering/code-numbering';

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;

/**
 * Multi-row INSERT … ON CONFLICT (primary key) DO UPDATE in batches (ADR 0022): new records are
 * inserted and existing ones (same id) overwritten with a bumped version, one statement per
 * batch instead of one round trip per row. `progress` gets the number of rows written so far.
 */
export async function upsertRows(
  tx: TenantTransaction,
  table: PgTable,
  key: PgColumn[],
  rows: Record<string, unknown>[],
  progress: (done: number) => Promise<void>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keyNames = new Set(key.map((column) => column.name));
  const updated = Object.keys(rows[0]!).filter((field) => {
    const column = columns[field];
    return column && !keyNames.has(column.name);
  });
  const set: Record<string, SQL> = {};
  for (const field of updated) set[field] = sql.raw(`excluded.${quote(columns[field]!.name)}`);
  if (columns.version) {
    set.version = sql.raw(`${quote(tableName(table))}.version + 1`);
  }
  if (columns.updatedAt) set.updatedAt = sql`now()`;
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / (updated.length + key.length)));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await tx.db
      .insert(table)
      .values(batch as never)
      .onConflictDoUpdate({ target: key, set });
    await progress(Math.min(rows.length, start + batch.length));
  }
}

/** Multi-row INSERT in batches (no conflict expected). */
export async function insertRows(
  tx: TenantTransaction,
  table: PgTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let start = 0; start < rows.length; start += batchSize) {
    await tx.db.insert(table).values(rows.slice(start, start + batchSize) as never);
  }
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function tableName(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]!;
}

/**
 * Codes for the rows left empty under 自動採番: consecutive numbers after the highest stored one
 * (nextMasterCode, which also takes the per-tenant numbering lock) and after any code of the
 * same shape the file itself brings, so a typed code and a numbered one never collide.
 */
export async function numberCodes(
  tx: TenantTransaction,
  kind: NumberedMaster,
  typedCodes: readonly string[],
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const first = await nextMasterCode(tx, kind);
  const settings = (await getCodeNumbering(tx)).items.find((item) => item.kind === kind);
  if (first === null || !settings) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'code', message: 'コードを入力してください' }],
    });
  }
  const width = settings.width;
  const shape = new RegExp(`^\\d{${width}}$`);
  let next = BigInt(first);
  for (const code of typedCodes) {
    if (shape.test(code) && BigInt(code) >= next) next = BigInt(code) + 1n;
  }
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = (next + BigInt(i)).toString().padStart(width, '0');
    if (text.length > width) {
      throw new AppError('code_numbering_exhausted', {
        errors: [
          {
            path: 'code',
            message: `${width}桁の番号をすべて使い切りました。桁数を増やしてください`,
          },
        ],
      });
    }
    codes.push(text);
  }
  return codes;
}
