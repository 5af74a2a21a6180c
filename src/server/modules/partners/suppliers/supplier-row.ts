import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { registrationNumberWarning } from '../../../../domain/invoice/registration-status';
import type { IsoTimestamps } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { users } from '../../identity/user.table';
import { departments } from '../../masters/departments/department.table';
import { rethrowPartnerWriteError } from '../shared/partner-write-errors';
import {
  joinTermsNames,
  partnerSummaryColumns,
  searchKeys,
  type TermsNames,
  termsNames,
  toPartnerSummary,
  toTradeTermsOutput,
} from '../shared/trade-terms-row';
import type { Supplier, SupplierInput, SupplierSummary } from './supplier.schema';
import { suppliers } from './supplier.table';

export const supplierOutputColumns = [
  'supplierId',
  ...partnerSummaryColumns,
] as const satisfies readonly (keyof typeof suppliers.$inferSelect)[];

type SupplierSummaryRow = Pick<
  typeof suppliers.$inferSelect,
  (typeof supplierOutputColumns)[number]
>;

export function toSupplierSummary(
  row: SupplierSummaryRow | IsoTimestamps<SupplierSummaryRow>,
): SupplierSummary {
  return { supplierId: row.supplierId, ...toPartnerSummary(row) };
}

const payTo = alias(suppliers, 'pay_to');

/** One supplier with the names of its 支払先, 担当者 and 部門, in one query. */
export async function getSupplierRow(tx: TenantTransaction, supplierId: string) {
  const names = joinTermsNames(suppliers.tenantId, suppliers.staffUserId, suppliers.departmentId);
  const [row] = await tx.db
    .select({ supplier: suppliers, payToCode: payTo.code, payToName: payTo.name, ...termsNames })
    .from(suppliers)
    .leftJoin(
      payTo,
      and(eq(payTo.tenantId, suppliers.tenantId), eq(payTo.supplierId, suppliers.payToSupplierId)),
    )
    .leftJoin(users, names.users)
    .leftJoin(departments, names.departments)
    .where(supplierKey(tx, supplierId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The row without its 分類 (withClassifications adds them for the API). */
export type SupplierRecord = Omit<Supplier, 'classifications'>;

export function toSupplier(row: Awaited<ReturnType<typeof getSupplierRow>>): SupplierRecord {
  const { supplier } = row;
  return {
    supplierId: supplier.supplierId,
    ...toPartnerSummary(supplier),
    payToSupplierId: supplier.payToSupplierId,
    payTo:
      row.payToCode === null || row.payToName === null
        ? null
        : { code: row.payToCode, name: row.payToName },
    ...toTradeTermsOutput(supplier, row satisfies TermsNames),
    registrationNumber: supplier.registrationNumber,
    registrationStatus: supplier.registrationStatus,
    registeredOn: supplier.registeredOn,
    registrationNumberWarning: registrationNumberWarning(supplier.registrationNumber),
  };
}

export function supplierKey(tx: TenantTransaction, supplierId: string) {
  return and(eq(suppliers.tenantId, tx.tenantId), eq(suppliers.supplierId, supplierId));
}

/** The supplier itself as 支払先 is stored as null, the same as leaving it empty. */
export function supplierColumns(
  { classifications: _, ...input }: SupplierInput,
  supplierId: string,
) {
  return {
    ...input,
    payToSupplierId: input.payToSupplierId === supplierId ? null : input.payToSupplierId,
    ...searchKeys(input),
  };
}

export function rethrowSupplierWriteError(error: unknown): never {
  rethrowPartnerWriteError(
    error,
    'suppliers_code_key',
    () =>
      new AppError('supplier_code_taken', {
        errors: [{ path: 'code', message: 'この仕入先コードは既に登録されています' }],
      }),
  );
}
