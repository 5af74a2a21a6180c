import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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
import type { Customer, CustomerInput, CustomerSummary } from './customer.schema';
import { customers } from './customer.table';

/** The stored columns a list row is made of. */
export const customerOutputColumns = [
  'customerId',
  ...partnerSummaryColumns,
] as const satisfies readonly (keyof typeof customers.$inferSelect)[];

type CustomerSummaryRow = Pick<
  typeof customers.$inferSelect,
  (typeof customerOutputColumns)[number]
>;

/** From drizzle (Date timestamps) or from the list's `rowSelection(…, { timestamps: 'iso' })`. */
export function toCustomerSummary(
  row: CustomerSummaryRow | IsoTimestamps<CustomerSummaryRow>,
): CustomerSummary {
  return { customerId: row.customerId, ...toPartnerSummary(row) };
}

const billTo = alias(customers, 'bill_to');
const collectFrom = alias(customers, 'collect_from');

/** One customer with the names of its 請求先, 回収先, 担当者 and 部門, in one query. */
export async function getCustomerRow(tx: TenantTransaction, customerId: string) {
  const names = joinTermsNames(customers.tenantId, customers.staffUserId, customers.departmentId);
  const [row] = await tx.db
    .select({
      customer: customers,
      billToCode: billTo.code,
      billToName: billTo.name,
      collectFromCode: collectFrom.code,
      collectFromName: collectFrom.name,
      ...termsNames,
    })
    .from(customers)
    .leftJoin(
      billTo,
      and(
        eq(billTo.tenantId, customers.tenantId),
        eq(billTo.customerId, customers.billToCustomerId),
      ),
    )
    .leftJoin(
      collectFrom,
      and(
        eq(collectFrom.tenantId, customers.tenantId),
        eq(collectFrom.customerId, customers.collectFromCustomerId),
      ),
    )
    .leftJoin(users, names.users)
    .leftJoin(departments, names.departments)
    .where(customerKey(tx, customerId));
  if (!row) throw new AppError('not_found');
  return row;
}

type CustomerDetailRow = Awaited<ReturnType<typeof getCustomerRow>>;

/** The row without its 分類 (withClassifications adds them for the API). */
export type CustomerRecord = Omit<Customer, 'classifications'>;

export function toCustomer(row: CustomerDetailRow): CustomerRecord {
  const { customer } = row;
  const ref = (code: string | null, name: string | null) =>
    code === null || name === null ? null : { code, name };
  return {
    customerId: customer.customerId,
    ...toPartnerSummary(customer),
    billToCustomerId: customer.billToCustomerId,
    billTo: ref(row.billToCode, row.billToName),
    collectFromCustomerId: customer.collectFromCustomerId,
    collectFrom: ref(row.collectFromCode, row.collectFromName),
    ...toTradeTermsOutput(customer, row satisfies TermsNames),
    creditLimit: customer.creditLimit,
  };
}

export function customerKey(tx: TenantTransaction, customerId: string) {
  return and(eq(customers.tenantId, tx.tenantId), eq(customers.customerId, customerId));
}

/**
 * The stored columns derived from user input: the input plus its search keys. Choosing the
 * customer itself as 請求先/回収先 is stored as null, the same as leaving it empty.
 */
export function customerColumns(
  { classifications: _, ...input }: CustomerInput,
  customerId: string,
) {
  const self = (id: string | null) => (id === customerId ? null : id);
  return {
    ...input,
    billToCustomerId: self(input.billToCustomerId),
    collectFromCustomerId: self(input.collectFromCustomerId),
    ...searchKeys(input),
  };
}

export function rethrowCustomerWriteError(error: unknown): never {
  rethrowPartnerWriteError(error, 'customers_code_key', codeTakenError);
}

export function codeTakenError(): AppError {
  return new AppError('customer_code_taken', {
    errors: [{ path: 'code', message: 'この得意先コードは既に登録されています' }],
  });
}
