import type pg from 'pg';
import { writeOperatorAudit } from '../../modules/operators/write-operator-audit';
import type { OperatorActor } from '../auth/operator-principal';
import { PLATFORM_SCOPE } from './backup.table';
import { listPlatformTables } from './platform-tables';
import {
  type RestoreContext,
  RestoreRefusedError,
  readStoredBackup,
  type StoredBackup,
} from './restore-backup';
import { insertTableRows, quoteIdent } from './table-rows';

/**
 * History that must survive a restore: the operator log (append-only) and deletion records.
 * Their backed-up rows are merged back; rows written since the backup are kept.
 */
const MERGED_TABLES = new Set(['operator_audit_log', 'tenant_deletions']);

/**
 * Restores the platform tables (schema app without tenant_id: operators, their sessions and
 * log, break-glass grants, お知らせ, 障害, deletion records) in ONE transaction of the operator
 * plane, to this database or another migrated one. Tenants and their contracts come back with
 * each tenant's own backup (app.tenants is a tenant table): platform first, then tenants.
 */
export async function restorePlatformBackup(
  context: RestoreContext,
  backup: StoredBackup,
  options: { target: pg.Pool; replace: boolean; actor: OperatorActor },
): Promise<{ rowCounts: Record<string, number>; replaced: boolean }> {
  if (backup.tenantId !== PLATFORM_SCOPE) {
    throw new RestoreRefusedError(
      'これは組織のバックアップです。プラットフォーム表の復元には使えません / This is a tenant backup, not the platform backup: use backup:restore',
    );
  }
  const { manifest, tables } = await readStoredBackup(context, backup, 'platform');
  const client = await options.target.connect();
  try {
    await client.query('BEGIN');
    // Operator-plane tables FORCE row-level security: even their owner sees nothing without it.
    await client.query("SELECT set_config('app.operator_plane', 'on', true)");
    const targetTables = await inDependencyOrder(client, await listPlatformTables(client));
    const byName = new Map(targetTables.map((table) => [table.name, table]));
    for (const table of tables) {
      const target = byName.get(table.name);
      const missing = target
        ? table.columns.filter((column) => !target.columns.includes(column))
        : ['(table)'];
      if (missing.length > 0) {
        throw new RestoreRefusedError(
          `復元先のデータベースのスキーマが古いか異なります（${table.name}: ${missing.join(', ')}）。マイグレーションを適用してください / The target schema lacks ${table.name} ${missing.join(', ')}: migrate it first`,
        );
      }
    }
    const { rows: present } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM app.operators',
    );
    const replaced = (present[0]?.n ?? 0) > 0;
    if (replaced && !options.replace) {
      throw new RestoreRefusedError(
        '復元先に運用者がいます。現在のプラットフォーム表を置き換えるには --replace を付けてください / The target already has operators: add --replace to replace its platform tables',
      );
    }
    for (const table of [...targetTables].reverse()) {
      if (!MERGED_TABLES.has(table.name)) await client.query(`DELETE FROM ${table.qualifiedName}`);
    }
    const rowsByName = new Map(tables.map((table) => [table.name, table]));
    for (const target of targetTables) {
      const table = rowsByName.get(target.name);
      if (!table || table.rows.length === 0) continue;
      const merged = MERGED_TABLES.has(target.name);
      await insertTableRows(client, target.qualifiedName, table.columns, table.rows, merged);
    }
    for (const target of targetTables) {
      await advanceSequences(client, target.qualifiedName, target.columns);
      const expected = rowsByName.get(target.name)?.rows.length ?? 0;
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${target.qualifiedName}`,
      );
      const n = rows[0]?.n ?? 0;
      if (MERGED_TABLES.has(target.name) ? n < expected : n !== expected) {
        throw new Error(`Row count of ${target.name} after restore differs from the backup`);
      }
    }
    await writeOperatorAudit({ client }, options.actor, {
      event: 'platform.restored',
      targetType: 'backup',
      targetId: backup.backupId,
      detail: { backupCreatedAt: manifest.createdAt, replaced },
    });
    await client.query('COMMIT');
    return {
      rowCounts: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])),
      replaced,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Parents before children, from the foreign keys between the tables themselves, so a new
 * platform table with a reference is restored in a valid order without a code change.
 */
async function inDependencyOrder<T extends { qualifiedName: string }>(
  client: pg.PoolClient,
  tables: T[],
): Promise<T[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
       FROM pg_catalog.pg_constraint
      WHERE contype = 'f' AND conrelid <> confrelid
        AND conrelid::regclass::text = ANY ($1) AND confrelid::regclass::text = ANY ($1)`,
    [tables.map((t) => t.qualifiedName)],
  );
  const ordered: T[] = [];
  const pending = [...tables];
  while (pending.length > 0) {
    const index = pending.findIndex((table) =>
      rows.every(
        (fk) =>
          fk.child !== table.qualifiedName ||
          ordered.some((done) => done.qualifiedName === fk.parent),
      ),
    );
    // A cycle cannot be ordered; leave the rest as they are and let the database judge.
    if (index === -1) return [...ordered, ...pending];
    ordered.push(...pending.splice(index, 1));
  }
  return ordered;
}

/** Restored explicit keys would collide with the next generated one unless the sequence moves. */
async function advanceSequences(
  client: pg.PoolClient,
  qualifiedName: string,
  columns: readonly string[],
): Promise<void> {
  for (const column of columns) {
    const { rows } = await client.query<{ seq: string | null }>(
      'SELECT pg_get_serial_sequence($1, $2) AS seq',
      [qualifiedName, column],
    );
    const seq = rows[0]?.seq;
    if (!seq) continue;
    await client.query(
      `SELECT setval($1, coalesce((SELECT max(${quoteIdent(column)}) FROM ${qualifiedName}), 0) + 1, false)`,
      [seq],
    );
  }
}
