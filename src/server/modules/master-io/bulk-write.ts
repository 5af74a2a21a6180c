import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { NumberedMaster } from '../../../domain/masters/code-numbering';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { getCodeNumbering, nextMasterCode } from '../settings/code-numbering/code-numbering';

/** Rows per statement: one JSON parameter each, so no bind-parameter limit applies. */
const BATCH_ROWS = 5_000;

/**
 * Stored columns of `rows` (drizzle field names) as JSON objects keyed by column name, for
 * json_populate_recordset: building a 30-column multi-row VALUES list through the query builder
 * costs more CPU than PostgreSQL spends inserting the rows (ADR 0022).
 */
function asJson(table: PgTable, rows: Record<string, unknown>[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = Object.keys(rows[0]!).filter((field) => columns[field]);
  const names = fields.map((field) => columns[field]!.name);
  const json = (batch: Record<string, unknown>[]) =>
    JSON.stringify(
      batch.map((row) => {
        const out: Record<string, unknown> = {};
        fields.forEach((field, index) => {
          out[names[index]!] = row[field] ?? null;
        });
        return out;
      }),
    );
  return { names, json };
}

/**
 * Multi-row INSERT … ON CONFLICT (key) DO UPDATE in batches (ADR 0022): new records are
 * inserted and existing ones (same id) overwritten with a bumped version, one statement per
 * 5,000 rows instead of one round trip per row. `progress` gets the rows written so far.
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
  const { names, json } = asJson(table, rows);
  const keyNames = new Set(key.map((column) => column.name));
  const list = names.map(quote).join(', ');
  const updates = names
    .filter((name) => !keyNames.has(name))
    .map((name) => `${quote(name)} = excluded.${quote(name)}`);
  if (columns.version) updates.push(`version = ${quote(tableName(table))}.version + 1`);
  if (columns.updatedAt) updates.push('updated_at = now()');
  const text = `INSERT INTO app.${quote(tableName(table))} (${list})
    SELECT ${list} FROM json_populate_recordset(null::app.${quote(tableName(table))}, $1::json)
    ON CONFLICT (${[...keyNames].map(quote).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await tx.client.query(text, [json(batch)]);
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
  const { names, json } = asJson(table, rows);
  const list = names.map(quote).join(', ');
  const text = `INSERT INTO app.${quote(tableName(table))} (${list})
    SELECT ${list} FROM json_populate_recordset(null::app.${quote(tableName(table))}, $1::json)`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await tx.client.query(text, [json(rows.slice(start, start + BATCH_ROWS))]);
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
