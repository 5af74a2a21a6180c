import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  numeric,
  type PgColumn,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { HolidayShift } from '../../../../domain/billing/closing-dates';
import type { RoundingMode } from '../../../../domain/numbers/decimal';
import type { ClosingKind, PaymentMethod, TaxUnit } from '../../../../domain/partners/trade-terms';
import { users } from '../../identity/user.table';
import { departments } from '../../masters/departments/department.table';

/**
 * The columns of src/domain/partners/trade-terms.ts, spread into both partner tables so 得意先
 * and 仕入先 store their terms the same way. 締日 and 支払日 use 31 for 末 (closing-dates.ts).
 */
export function tradeTermsColumns() {
  return {
    closingKind: text('closing_kind').$type<ClosingKind>().notNull().default('periodic'),
    closingDays: integer('closing_days').array().notNull().default(sql`'{31}'::integer[]`),
    paymentMonthsAfter: integer('payment_months_after').notNull().default(1),
    paymentDay: integer('payment_day').notNull().default(31),
    paymentMethod: text('payment_method').$type<PaymentMethod>().notNull().default('transfer'),
    holidayShift: text('holiday_shift').$type<HolidayShift>().notNull().default('none'),
    taxUnit: text('tax_unit').$type<TaxUnit>().notNull().default('document'),
    taxRounding: text('tax_rounding').$type<RoundingMode>().notNull().default('down'),
    priceClass: integer('price_class').notNull().default(1),
    ratePercent: numeric('rate_percent', { precision: 5, scale: 2 }).notNull().default('100'),
    priceRounding: text('price_rounding').$type<RoundingMode>().notNull().default('down'),
    staffUserId: uuid('staff_user_id'),
    departmentId: uuid('department_id'),
  };
}

interface TradeTermsTable {
  tenantId: PgColumn;
  code: PgColumn;
  staffUserId: PgColumn;
  departmentId: PgColumn;
  priceClass: PgColumn;
}

/**
 * Composite foreign keys to the tenant's own users and departments (another tenant's id cannot
 * be stored), with indexes that serve both the list filters and the FK checks on delete.
 */
export function tradeTermsConstraints(table: string, t: TradeTermsTable) {
  return [
    foreignKey({
      name: `${table}_staff_fk`,
      columns: [t.tenantId, t.staffUserId],
      foreignColumns: [users.tenantId, users.userId],
    }),
    foreignKey({
      name: `${table}_department_fk`,
      columns: [t.tenantId, t.departmentId],
      foreignColumns: [departments.tenantId, departments.departmentId],
    }),
    index(`${table}_staff_idx`).on(t.tenantId, t.staffUserId, t.code),
    index(`${table}_department_idx`).on(t.tenantId, t.departmentId, t.code),
    check(`${table}_price_class_check`, sql`${t.priceClass} BETWEEN 1 AND 5`),
  ];
}
