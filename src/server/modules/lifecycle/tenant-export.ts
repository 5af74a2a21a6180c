import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { formatJstSeconds, toJstIso } from '../../../domain/time/jst';
import { auditLog } from '../../platform/audit/audit.table';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import { listTenantTables } from '../../platform/db/tenant-catalog';
import {
  openTenantTransaction,
  type TenantTransaction,
} from '../../platform/db/tenant-transaction';
import { type ZipEntry, zipStream } from '../../platform/zip/zip-writer';
import { auditCsvStream } from '../audit-log/export-audit-log';
import { tenants } from '../organization/tenant.table';
import { EXCLUDED_COLUMNS } from './export-columns';
import { tableCsv } from './table-csv';

export interface TenantExport {
  filename: string;
  upToSeq: number;
}

/**
 * Records the full export in the audit log (in the request's transaction, so the archive's
 * audit CSV includes this very row) and names the file after the tenant and the JST time.
 */
export async function startTenantExport(
  tx: TenantTransaction,
  actor: ActorContext,
  now = new Date(),
): Promise<TenantExport> {
  const [tenant] = await tx.db
    .select({ code: tenants.code })
    .from(tenants)
    .where(eq(tenants.tenantId, tx.tenantId));
  await writeAudit(tx, actor, { event: 'tenant.data_exported', targetType: 'tenant' });
  const [head] = await tx.db
    .select({ seq: sql<number>`coalesce(max(${auditLog.seq}), 0)::int8` })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tx.tenantId));
  const stamp = toJstIso(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const code = (tenant?.code ?? 'tenant').replace(/[^A-Za-z0-9_-]/g, '_');
  return { filename: `akinai-export-${code}-${stamp}.zip`, upToSeq: Number(head?.seq ?? 0) };
}

/**
 * The archive: tables/<table>.csv for every tenant table in the catalog (so a table added
 * later is exported without touching this code), audit_log.csv in the 操作ログ screen's
 * format, documents/ for issued PDFs, and README.txt. The tables are read in one read-only
 * REPEATABLE READ transaction, so they are consistent with each other.
 */
export function tenantExportStream(
  pool: pg.Pool,
  tenantId: string,
  upToSeq: number,
  now = new Date(),
): NodeJS.ReadableStream {
  return zipStream(exportEntries(pool, tenantId, upToSeq, now));
}

async function* exportEntries(
  pool: pg.Pool,
  tenantId: string,
  upToSeq: number,
  now: Date,
): AsyncGenerator<ZipEntry> {
  const counts: [string, number][] = [];
  const tx = await openTenantTransaction(pool, tenantId, {
    statements: ['SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'],
  });
  try {
    const tables = await listTenantTables(tx.client);
    yield { name: 'tables/', modifiedAt: now };
    for (const table of tables) {
      yield {
        name: `tables/${table.name}.csv`,
        modifiedAt: now,
        data: tableCsv(tx.client, table, (rows) => counts.push([table.name, rows])),
      };
    }
  } finally {
    await tx.rollback();
  }
  yield {
    name: 'audit_log.csv',
    modifiedAt: now,
    data: auditCsvStream(pool, tenantId, {}, upToSeq, 'utf8'),
  };
  // Issued PDFs (請求書, 納品書 …) go here once documents exist; the folder is part of the format.
  yield { name: 'documents/', modifiedAt: now };
  yield { name: 'README.txt', modifiedAt: now, data: readme(now, counts) };
}

function readme(now: Date, counts: [string, number][]): string {
  const excluded = Object.keys(EXCLUDED_COLUMNS).join('、');
  const lines = [
    'Akinai 全データエクスポート',
    '',
    `作成日時: ${formatJstSeconds(now)} (日本時間)`,
    '',
    'このファイルには、貴社の組織のデータがすべて含まれています。',
    '',
    '■ ファイルの構成',
    '  tables/<テーブル名>.csv  データベースの表ごとに1ファイル (1行目は列名)',
    '  audit_log.csv            操作ログ (操作ログ画面の CSV 出力と同じ形式)',
    '  documents/               発行済みの帳票 PDF (帳票機能の提供開始後に格納されます)',
    '  README.txt               このファイル',
    '',
    '■ CSV の形式',
    '  ・文字コードは BOM 付き UTF-8、改行は CRLF です。Excel でそのまま開けます。',
    '  ・日時は日本時間 (+09:00 付きの ISO-8601 形式) です。',
    "  ・= + - @ で始まる値には、表計算ソフトで数式として実行されないよう先頭に ' を付けています。",
    '  ・空欄は値なし (NULL) を表します。配列や JSON の値は JSON 形式で記載しています。',
    '',
    '■ 含まれない項目',
    '  安全のため、パスワードのハッシュ、2段階認証の秘密鍵とリカバリーコード、',
    '  ログイン・API トークンのハッシュ、パスワード再設定リンクを含むメール本文は出力しません。',
    `  (${excluded})`,
    '',
    '■ 表ごとの行数',
    ...counts.map(([name, rows]) => `  tables/${name}.csv: ${rows}行`),
    '',
  ];
  // With a BOM, like the CSVs: older Windows editors then do not guess Shift_JIS.
  return `\ufeff${lines.join('\r\n')}`;
}
