import { gunzipSync, gzipSync } from 'node:zlib';
import { BACKUP_FORMAT_VERSION, BackupUnreadableError } from './envelope';
import type { TableRows } from './table-rows';

/**
 * The plaintext of a backup: gzip of NDJSON. Line 1 is the manifest (tables, their columns and
 * row counts); then, per table in manifest order, a {"table": name} line and one line per row.
 * Readable with zcat and jq once decrypted, so an operator is never locked into this code.
 */
export interface BackupManifest {
  format: number;
  kind: 'tenant' | 'platform';
  scopeId: string;
  backupId: string;
  createdAt: string;
  tables: { name: string; columns: string[]; rows: number }[];
}

export function encodePayload(
  manifest: Omit<BackupManifest, 'tables' | 'format'>,
  tables: readonly TableRows[],
): Buffer {
  const full: BackupManifest = {
    format: BACKUP_FORMAT_VERSION,
    ...manifest,
    tables: tables.map((t) => ({ name: t.name, columns: t.columns, rows: t.rows.length })),
  };
  const lines = [JSON.stringify(full)];
  for (const table of tables) {
    lines.push(JSON.stringify({ table: table.name }));
    for (const row of table.rows) lines.push(row);
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
}

export function decodePayload(gzipped: Buffer): {
  manifest: BackupManifest;
  tables: TableRows[];
} {
  const lines = gunzipSync(gzipped).toString('utf8').split('\n');
  const manifest = JSON.parse(lines[0] ?? '') as BackupManifest;
  let at = 1;
  const tables = manifest.tables.map((table) => {
    const marker = lines[at++];
    if (marker !== JSON.stringify({ table: table.name })) {
      throw new BackupUnreadableError(
        `バックアップの内容が目録と一致しません（${table.name}） / Backup content does not match its manifest at table ${table.name}`,
      );
    }
    const rows = lines.slice(at, at + table.rows);
    at += table.rows;
    return { name: table.name, columns: table.columns, rows };
  });
  return { manifest, tables };
}
