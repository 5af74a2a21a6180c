import { sql } from 'drizzle-orm';
import { boolean, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { byteOrderedText } from '../../../platform/db/tenant-table';

/**
 * Name, address and contact columns both partner tables (得意先, 仕入先) share, as in
 * src/domain/partners/partner-fields.ts. search_* hold normalizeForSearch() of name and kana;
 * search_phone the phone's digits, so 0312345678 finds 03-1234-5678.
 */
export function partnerProfileColumns() {
  return {
    code: byteOrderedText('code').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    shortName: text('short_name').notNull().default(''),
    honorific: text('honorific', { enum: ['御中', '様', ''] })
      .notNull()
      .default('御中'),
    postalCode: text('postal_code').notNull().default(''),
    address1: text('address1').notNull().default(''),
    address2: text('address2').notNull().default(''),
    phone: text('phone').notNull().default(''),
    fax: text('fax').notNull().default(''),
    email: text('email').notNull().default(''),
    notes: text('notes').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    searchName: byteOrderedText('search_name').notNull(),
    searchKana: byteOrderedText('search_kana').notNull(),
    searchPhone: text('search_phone')
      .notNull()
      .generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
  };
}

/** Optimistic locking and timestamps, as on every master table. */
export function versionColumns() {
  return {
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
