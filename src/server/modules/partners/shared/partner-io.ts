import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Permission } from '../../../../domain/access/permissions';
import { decimal, formatDecimal, normalizeDecimal } from '../../../../domain/numbers/decimal';
import type { AuditEvent } from '../../../platform/audit/audit-events';
import { queryRows } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { insertRows, numberCodes, upsertRows } from '../../master-io/bulk-write';
import type { MasterKind } from '../../master-io/import-job.schema';
import type { MasterColumn } from '../../master-io/master-columns';
import type { MasterIo, PreparedRow, StoredRecord } from '../../master-io/master-io';
import type {
  ClassificationAssignment,
  PartnerType,
} from '../classifications/classification.schema';
import { uuidArray } from '../classifications/partner-bindings';
import type { customers } from '../customers/customer.table';
import type { suppliers } from '../suppliers/supplier.table';
import { loadPartnerContext, type PartnerIoContext, registerPartner } from './partner.columns';
import { type PartnerSearch, partnerSearchSchema } from './partner.schema';

interface PartnerInputBase {
  code: string;
  name: string;
  kana: string;
  classifications: ClassificationAssignment[];
}

/** What differs between 得意先 and 仕入先 for import and export. */
export interface PartnerIoDefinition<Input extends PartnerInputBase> {
  kind: MasterKind & ('customers' | 'suppliers');
  partnerType: PartnerType;
  label: string;
  permissions: { view: Permission; create: Permission; edit: Permission; export: Permission };
  auditEvent: AuditEvent;
  schema: z.ZodType<Input>;
  table: PgTable & { tenantId: PgColumn; code: PgColumn };
  idColumn: PgColumn;
  idField: string;
  assignments: PgTable;
  /** Fields pointing at another partner of the same master (請求先, 支払先). */
  selfReferences: readonly (keyof Input & string)[];
  columns(ctx: PartnerIoContext): MasterColumn<Input, PartnerIoContext>[];
  /** A stored row (drizzle field names) → the import's input shape, minus 分類. */
  toInput(row: Record<string, unknown>): Omit<Input, 'classifications'>;
  /** The input → the stored columns (with search keys), as the create operation writes them. */
  toColumns(input: Input, id: string): Record<string, unknown>;
  search(tx: TenantTransaction, search: PartnerSearch, limit: number): Promise<string[]>;
  duplicateMessage: string;
}

type StoredPartner = typeof customers.$inferSelect & typeof suppliers.$inferSelect;

/** The profile fields 得意先 and 仕入先 share, from a stored row to the import's input shape. */
export function partnerProfileInput(
  r: Pick<
    StoredPartner,
    | 'code'
    | 'name'
    | 'kana'
    | 'shortName'
    | 'honorific'
    | 'postalCode'
    | 'address1'
    | 'address2'
    | 'phone'
    | 'fax'
    | 'email'
    | 'notes'
    | 'isActive'
  >,
) {
  return {
    code: r.code,
    name: r.name,
    kana: r.kana,
    shortName: r.shortName,
    honorific: r.honorific,
    postalCode: r.postalCode,
    address1: r.address1,
    address2: r.address2,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    notes: r.notes,
    isActive: r.isActive,
  };
}

/** The trade terms both partner masters share (締日, 回収/支払, 税, 単価区分, 担当者, 部門). */
export function partnerTermsInput(
  r: Pick<
    StoredPartner,
    | 'closingKind'
    | 'closingDays'
    | 'paymentMonthsAfter'
    | 'paymentDay'
    | 'paymentMethod'
    | 'holidayShift'
    | 'taxUnit'
    | 'taxRounding'
    | 'priceClass'
    | 'ratePercent'
    | 'priceRounding'
    | 'staffUserId'
    | 'departmentId'
  >,
) {
  return {
    closingKind: r.closingKind,
    closingDays: r.closingDays,
    paymentMonthsAfter: r.paymentMonthsAfter,
    paymentDay: r.paymentDay,
    paymentMethod: r.paymentMethod,
    holidayShift: r.holidayShift,
    taxUnit: r.taxUnit,
    taxRounding: r.taxRounding,
    priceClass: r.priceClass,
    ratePercent: plainDecimal(r.ratePercent)!,
    priceRounding: r.priceRounding,
    staffUserId: r.staffUserId,
    departmentId: r.departmentId,
  };
}

/** The shared MasterIo of a partner master: same columns helper, same bulk writer. */
export function partnerIo<Input extends PartnerInputBase>(
  def: PartnerIoDefinition<Input>,
): MasterIo<Input, PartnerIoContext> {
  const tableName = sql.identifier(
    (def.table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]!,
  );
  const idName = sql.identifier(def.idColumn.name);
  const columnsByField = getTableColumns(def.table) as Record<string, PgColumn>;
  const assignmentTable = sql.identifier(
    (def.assignments as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]!,
  );

  async function loadRecords(
    tx: TenantTransaction,
    where: ReturnType<typeof sql>,
  ): Promise<StoredRecord<Input>[]> {
    const fields = Object.entries(columnsByField);
    const select = sql.join(
      // Dates as text: node-postgres would turn them into local-time Date objects.
      fields.map(([field, column]) =>
        column.getSQLType() === 'date'
          ? sql`${sql.identifier(column.name)}::text as ${sql.identifier(field)}`
          : sql`${sql.identifier(column.name)} as ${sql.identifier(field)}`,
      ),
      sql`, `,
    );
    const rows = await queryRows<Record<string, unknown>>(
      tx,
      sql`select ${select} from app.${tableName} where tenant_id = ${tx.tenantId}::uuid and ${where} order by code`,
    );
    const ids = rows.map((row) => String(row[def.idField]));
    const assigned = new Map<string, ClassificationAssignment[]>();
    if (ids.length > 0) {
      const links = await queryRows<{ partner_id: string; axis_id: string; item_id: string }>(
        tx,
        sql`select ${sql.identifier(def.idColumn.name)} as partner_id, axis_id, item_id
              from app.${assignmentTable}
             where tenant_id = ${tx.tenantId}::uuid and ${idName} = any(${uuidArray(ids)})`,
      );
      for (const link of links) {
        const list = assigned.get(link.partner_id) ?? [];
        list.push({ axisId: link.axis_id, itemId: link.item_id });
        assigned.set(link.partner_id, list);
      }
    }
    return rows.map((row) => {
      const id = String(row[def.idField]);
      return {
        id,
        input: { ...def.toInput(row), classifications: assigned.get(id) ?? [] } as Input,
      };
    });
  }

  return {
    kind: def.kind,
    label: def.label,
    permissions: def.permissions,
    auditEvent: def.auditEvent,
    schema: def.schema,
    numbered: def.kind,
    keyHeaders: [`${def.label}コード`],
    duplicateMessage: def.duplicateMessage,
    exportFiltersSchema: partnerSearchSchema,

    async loadContext(tx) {
      const codes = await queryRows<{ id: string; code: string }>(
        tx,
        sql`select ${idName} as id, code from app.${tableName} where tenant_id = ${tx.tenantId}::uuid`,
      );
      return loadPartnerContext(tx, def.partnerType, codes);
    },
    columns: def.columns,
    keyOf: (input) => (input as { code?: string }).code ?? '',
    registerNew: registerPartner,

    async findExisting(tx, keys, ctx) {
      const ids = keys.map((key) => ctx.partners.idOf.get(key)).filter((id): id is string => !!id);
      const found = new Map<string, StoredRecord<Input>>();
      if (ids.length === 0) return found;
      for (const record of await loadRecords(tx, sql`${idName} = any(${uuidArray(ids)})`)) {
        found.set(record.input.code, record);
      }
      return found;
    },

    async exportRecords(tx, filters, limit) {
      const ids = await def.search(tx, filters as PartnerSearch, limit);
      if (ids.length === 0) return [];
      return loadRecords(tx, sql`${idName} = any(${uuidArray(ids)})`);
    },

    async write(tx, _actor, rows, progress) {
      // 自動採番 for the rows without a code, after every code the file or the table has.
      const unnumbered = rows.filter((row) => row.input.code === '');
      const codes = await numberCodes(
        tx,
        def.kind,
        rows.map((row) => row.input.code),
        unnumbered.length,
      );
      unnumbered.forEach((row, index) => {
        row.input.code = codes[index]!;
        row.after[`${def.label}コード`] = codes[index]!;
      });

      // A reference to a record this file creates is set once every record exists.
      const creating = new Set(rows.filter((row) => row.action === 'create').map((row) => row.id));
      const later: { id: string; field: string; target: string }[] = [];
      const values = rows.map((row) => {
        const stored = def.toColumns(row.input, row.id);
        for (const field of def.selfReferences) {
          const target = stored[field] as string | null;
          if (target && creating.has(target) && target !== row.id) {
            later.push({ id: row.id, field, target });
            stored[field] = null;
          }
        }
        return { tenantId: tx.tenantId, [def.idField]: row.id, ...stored };
      });
      const total = rows.length;
      await upsertRows(tx, def.table, [def.table.tenantId, def.idColumn], values, (done) =>
        progress(Math.floor(done * 0.8)),
      );
      for (const field of def.selfReferences) {
        const pairs = later.filter((entry) => entry.field === field);
        for (let start = 0; start < pairs.length; start += 5000) {
          const batch = pairs.slice(start, start + 5000);
          const column = sql.identifier(columnsByField[field]!.name);
          await tx.db.execute(
            sql`update app.${tableName} as t set ${column} = v.target
                  from unnest(${uuidArray(batch.map((b) => b.id))}, ${uuidArray(batch.map((b) => b.target))}) as v(id, target)
                 where t.tenant_id = ${tx.tenantId}::uuid and t.${idName} = v.id`,
          );
        }
      }
      await replaceClassifications(tx, def, rows);
      await progress(total);
    },
  };
}

/** Every imported partner's 分類 become the file's (an update replaces them, as the form does). */
async function replaceClassifications<Input extends PartnerInputBase>(
  tx: TenantTransaction,
  def: PartnerIoDefinition<Input>,
  rows: readonly PreparedRow<Input>[],
): Promise<void> {
  const updated = rows.filter((row) => row.action === 'update').map((row) => row.id);
  const table = sql.identifier(
    (def.assignments as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]!,
  );
  for (let start = 0; start < updated.length; start += 10_000) {
    await tx.db.execute(
      sql`delete from app.${table} where tenant_id = ${tx.tenantId}::uuid
            and ${sql.identifier(def.idColumn.name)} = any(${uuidArray(updated.slice(start, start + 10_000))})`,
    );
  }
  const links = rows.flatMap((row) =>
    row.input.classifications.map((a) => ({
      tenantId: tx.tenantId,
      partnerId: row.id,
      axisId: a.axisId,
      itemId: a.itemId,
    })),
  );
  await insertRows(tx, def.assignments, links);
}

/** numeric text as the form shows it: "100.00" → "100". */
export function plainDecimal(text: string | null): string | null {
  return text === null ? null : formatDecimal(normalizeDecimal(decimal(text)));
}
