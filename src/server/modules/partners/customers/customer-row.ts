import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { toIsoString } from '../../../platform/db/iso-timestamp';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { IsoTimestamps } from '../../../platform/db/row-select';
import type { Customer, CustomerInput } from './customer.schema';
import type { customers } from './customer.table';

/** The stored columns the API's Customer is made of. */
export const customerOutputColumns = [
  'customerId',
  'code',
  'name',
  'kana',
  'shortName',
  'honorific',
  'postalCode',
  'address1',
  'address2',
  'phone',
  'fax',
  'email',
  'notes',
  'isActive',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof customers.$inferSelect)[];

type CustomerRow = Pick<typeof customers.$inferSelect, (typeof customerOutputColumns)[number]>;

/** From drizzle (Date timestamps) or from the list's `rowSelection(…, { timestamps: 'iso' })`. */
export function toCustomer(row: CustomerRow | IsoTimestamps<CustomerRow>): Customer {
  return {
    customerId: row.customerId,
    code: row.code,
    name: row.name,
    kana: row.kana,
    shortName: row.shortName,
    honorific: row.honorific,
    postalCode: row.postalCode,
    address1: row.address1,
    address2: row.address2,
    phone: row.phone,
    fax: row.fax,
    email: row.email,
    notes: row.notes,
    isActive: row.isActive,
    version: row.version,
    createdAt: toIsoString(row.createdAt),
    updatedAt: toIsoString(row.updatedAt),
  };
}

/** The stored columns derived from user input: the input itself plus its search keys. */
export function customerColumns({ classifications: _, ...input }: CustomerInput) {
  return {
    ...input,
    searchName: normalizeForSearch(input.name),
    searchKana: normalizeForSearch(input.kana),
  };
}

export function isCodeTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'customers_code_key');
}
