import type pg from 'pg';
import { listPlatformTables } from '../../src/server/platform/backup/platform-tables';
import { listTenantTables } from '../../src/server/platform/db/tenant-catalog';

/**
 * A fingerprint of everything one tenant has stored: per tenant table, its row count and a
 * digest of its rows. Two equal fingerprints mean a request changed nothing. Columns that
 * every authenticated request touches by design (a session's last_seen_at, a token's
 * last_used_at) would make every fingerprint differ, so tables with them are compared by count.
 */
export type TenantFingerprint = Record<string, string>;

const TOUCHED_BY_EVERY_REQUEST = ['last_seen_at', 'last_used_at'];

export async function tenantFingerprinter(superuser: pg.Pool) {
  const tables = await listTenantTables(superuser);
  const parts = tables.map((table) => {
    const literal = `'${table.name}'`;
    const countOnly = table.columns.some((column) => TOUCHED_BY_EVERY_REQUEST.includes(column));
    const digest = countOnly
      ? `count(*)::text`
      : `count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))`;
    return `SELECT ${literal} AS name, ${digest} AS digest FROM ${table.qualifiedName} x WHERE tenant_id = $1`;
  });
  const statement = parts.join('\nUNION ALL\n');
  return async (tenantId: string): Promise<TenantFingerprint> => {
    const { rows } = await superuser.query<{ name: string; digest: string }>(statement, [tenantId]);
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  };
}

/** Table names whose fingerprints differ. */
export function changedTables(before: TenantFingerprint, after: TenantFingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/**
 * The same for the platform tables (operators, their log, お知らせ, 障害 …): what an /api/ops
 * request could change. Sessions move last_seen_at on use, so they are compared by count.
 */
export async function platformFingerprinter(superuser: pg.Pool) {
  const tables = await listPlatformTables(superuser);
  const parts = tables.map((table) => {
    const countOnly = table.columns.some((column) => TOUCHED_BY_EVERY_REQUEST.includes(column));
    const digest = countOnly
      ? `count(*)::text`
      : `count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))`;
    return `SELECT '${table.name}' AS name, ${digest} AS digest FROM ${table.qualifiedName} x`;
  });
  // A rejected tenant creation must not leave a tenant behind either.
  parts.push(`SELECT 'tenants (all)' AS name, count(*)::text AS digest FROM app.tenants`);
  const statement = parts.join('\nUNION ALL\n');
  return async (): Promise<TenantFingerprint> => {
    const { rows } = await superuser.query<{ name: string; digest: string }>(statement);
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  };
}
