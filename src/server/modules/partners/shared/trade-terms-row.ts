import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ClosingDay } from '../../../../domain/billing/closing-dates';
import { decimal, formatDecimal, normalizeDecimal } from '../../../../domain/numbers/decimal';
import { type TradeTerms, tradeTermsSummary } from '../../../../domain/partners/trade-terms';
import type { PriceClass } from '../../../../domain/pricing/resolve-unit-price';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { toIsoString } from '../../../platform/db/iso-timestamp';
import { users } from '../../identity/user.table';
import { departments } from '../../masters/departments/department.table';
import type { customers } from '../customers/customer.table';
import type { tradeTermsColumns } from './trade-terms.columns';

/** Both partner tables store the terms alike; customers' row type stands for either. */
type StoredTerms = Pick<typeof customers.$inferSelect, keyof ReturnType<typeof tradeTermsColumns>>;

/** The 担当者 and 部門 a partner row points at, read in the same query (left joins). */
export const termsNames = {
  staffName: users.name,
  departmentCode: departments.code,
  departmentName: departments.name,
};

export function joinTermsNames(tenantId: PgColumn, staffUserId: PgColumn, departmentId: PgColumn) {
  return {
    users: and(eq(users.tenantId, tenantId), eq(users.userId, staffUserId)) as SQL,
    departments: and(
      eq(departments.tenantId, tenantId),
      eq(departments.departmentId, departmentId),
    ) as SQL,
  };
}

export interface TermsNames {
  staffName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
}

/** Stored terms → the API's fields, with the summary line the screens show. */
export function toTradeTermsOutput(row: StoredTerms, names: TermsNames) {
  const terms: TradeTerms = {
    closingKind: row.closingKind,
    closingDays: row.closingDays as ClosingDay[],
    paymentMonthsAfter: row.paymentMonthsAfter,
    paymentDay: row.paymentDay,
    paymentMethod: row.paymentMethod,
    holidayShift: row.holidayShift,
  };
  return {
    ...terms,
    closingDays: [...row.closingDays],
    taxUnit: row.taxUnit,
    taxRounding: row.taxRounding,
    priceClass: row.priceClass as PriceClass,
    ratePercent: formatDecimal(normalizeDecimal(decimal(row.ratePercent))),
    priceRounding: row.priceRounding,
    staffUserId: row.staffUserId,
    staff: row.staffUserId && names.staffName !== null ? { name: names.staffName } : null,
    departmentId: row.departmentId,
    department:
      row.departmentId && names.departmentCode !== null && names.departmentName !== null
        ? { code: names.departmentCode, name: names.departmentName }
        : null,
    termsSummary: tradeTermsSummary(terms),
  };
}

/** The partner profile fields of a stored row, as in the list. */
export function toPartnerSummary<
  Row extends {
    code: string;
    name: string;
    kana: string;
    shortName: string;
    honorific: '御中' | '様' | '';
    postalCode: string;
    address1: string;
    address2: string;
    phone: string;
    fax: string;
    email: string;
    notes: string;
    isActive: boolean;
    version: number;
    createdAt: Date | string;
    updatedAt: Date | string;
  },
>(row: Row) {
  return {
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

/** The search keys stored next to the name and kana a user typed. */
export function searchKeys(input: { name: string; kana: string }) {
  return { searchName: normalizeForSearch(input.name), searchKana: normalizeForSearch(input.kana) };
}

export const partnerSummaryColumns = [
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
] as const;
