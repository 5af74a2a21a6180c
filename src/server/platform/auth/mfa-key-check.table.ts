import { sql } from 'drizzle-orm';
import { check, pgPolicy, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { operatorPlane } from '../../modules/operators/operator.table';
import { appSchema } from '../db/tenant-table';

/**
 * One row: a fixed plaintext sealed under MFA_ENCRYPTION_KEY, so start-up can tell a wrong key
 * before any user meets it (ADR 0027). Operator plane like the operator tables (ADR 0016); the
 * runtime role may insert it once but not change it (migration), only the ops CLI replaces it.
 */
export const mfaKeyCheck = appSchema
  .table(
    'mfa_key_check',
    {
      id: smallint('id').primaryKey().default(1),
      sealed: text('sealed').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      check('mfa_key_check_single_row', sql`${t.id} = 1`),
      pgPolicy('operator_plane', { for: 'all', using: operatorPlane, withCheck: operatorPlane }),
    ],
  )
  .enableRLS();
