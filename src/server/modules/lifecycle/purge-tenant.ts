import type pg from 'pg';
import { type PurgePolicy, purgeScheduleOf } from '../../../domain/lifecycle/purge-policy';
import { destroyTenantBackupKey } from '../../platform/backup/backup-keys';
import { listTenantTables } from '../../platform/db/tenant-catalog';
import { openTenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import type { TenantContract } from './lifecycle-contracts';

export interface DeletionRecord {
  deletionId: string;
  deletedTenantId: string;
  wasTrial: boolean;
  contractEndedAt: Date;
  purgeDueAt: Date;
  purgedAt: Date;
  rowCounts: Record<string, number>;
  totalRows: number;
  backupKeyId: string | null;
}

/**
 * Deletes every row of one ended tenant from every tenant table in the catalog, children first,
 * in ONE transaction of the owner role under the tenant's RLS context: all or nothing. The
 * audit log is append-only through grants (the runtime role may not UPDATE/DELETE it); the
 * owner may, and does so only here. Before COMMIT it recounts every table (zero rows must
 * remain, or everything rolls back), destroys the backup key and writes the deletion record.
 * Returns null when the tenant is no longer due (converted or already purged meanwhile).
 */
export async function purgeTenant(
  ownerPool: pg.Pool,
  contract: TenantContract,
  now: Date,
  policy: PurgePolicy,
): Promise<DeletionRecord | null> {
  const tx = await openTenantTransaction(ownerPool, contract.tenantId);
  try {
    const client = tx.client;
    await assertOwnsAuditLog(client);
    // Lock the tenant row: a concurrent contract change (re-activation) waits for us or wins.
    const locked = await client.query<
      Pick<TenantContract, 'status' | 'plan'> & {
        trialEndsAt: Date | null;
        contractEndedAt: Date | null;
      }
    >(
      `SELECT status, plan, trial_ends_at AS "trialEndsAt", contract_ended_at AS "contractEndedAt"
         FROM app.tenants WHERE tenant_id = $1 FOR UPDATE`,
      [contract.tenantId],
    );
    const current = locked.rows[0];
    const schedule = current ? purgeScheduleOf(current, now, policy) : null;
    if (current?.status !== 'ended' || !schedule) {
      await tx.rollback();
      return null;
    }
    const tables = await listTenantTables(client);
    const rowCounts: Record<string, number> = {};
    for (const table of [...tables].reverse()) {
      const result = await client.query(`DELETE FROM ${table.qualifiedName} WHERE tenant_id = $1`, [
        contract.tenantId,
      ]);
      rowCounts[table.name] = result.rowCount ?? 0;
    }
    const left = await remainingRows(client, contract.tenantId);
    if (left.length > 0) throw new Error(`purge left rows in ${left.join(', ')}`);
    // In the same transaction: if the purge rolls back, the key (and the backups) survive too.
    const destroyedKeys = await destroyTenantBackupKey(client, contract.tenantId, now);
    const record: DeletionRecord = {
      deletionId: uuidv7(),
      deletedTenantId: contract.tenantId,
      wasTrial: current.plan === 'trial',
      contractEndedAt: schedule.contractEndedAt,
      purgeDueAt: schedule.purgeAt,
      purgedAt: now,
      rowCounts,
      totalRows: Object.values(rowCounts).reduce((sum, n) => sum + n, 0),
      backupKeyId: destroyedKeys.length > 0 ? destroyedKeys.join(',') : null,
    };
    await client.query(
      `INSERT INTO app.tenant_deletions (deletion_id, deleted_tenant_id, was_trial,
         contract_ended_at, purge_due_at, purged_at, row_counts, total_rows, backup_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        record.deletionId,
        record.deletedTenantId,
        record.wasTrial,
        record.contractEndedAt,
        record.purgeDueAt,
        record.purgedAt,
        JSON.stringify(record.rowCounts),
        record.totalRows,
        record.backupKeyId,
      ],
    );
    await tx.commit();
    return record;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

/**
 * Tables that still hold rows of the tenant, counted from the catalog: the same check the
 * purge test makes, run inside the purge so it can never commit a partial deletion.
 */
export async function remainingRows(
  client: pg.PoolClient | pg.Pool,
  tenantId: string,
): Promise<string[]> {
  const left: string[] = [];
  for (const table of await listTenantTables(client)) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table.qualifiedName} WHERE tenant_id = $1`,
      [tenantId],
    );
    if ((rows[0]?.n ?? 0) > 0) left.push(`${table.name} (${rows[0]?.n})`);
  }
  return left;
}

/** Only the owner may purge: the runtime role cannot delete audit rows, and must not try. */
async function assertOwnsAuditLog(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ owner: boolean }>(
    `SELECT pg_catalog.pg_get_userbyid(relowner) = current_user AS owner
       FROM pg_catalog.pg_class WHERE oid = 'app.audit_log'::regclass`,
  );
  if (!rows[0]?.owner) throw new Error('purge needs the owner role (DATABASE_OWNER_URL)');
}
