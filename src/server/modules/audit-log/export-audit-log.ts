import { Readable } from 'node:stream';
import { and, eq, lte, sql } from 'drizzle-orm';
import type pg from 'pg';
import { toJstIso } from '../../../domain/time/jst';
import { auditLog } from '../../platform/audit/audit.table';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import {
  type TenantTransaction,
  withTenantTransaction,
} from '../../platform/db/tenant-transaction';
import { createCsvEncoder, csvRow } from './audit-csv';
import type { AuditExportQuery, AuditFilter, CsvEncoding } from './audit-log.schema';
import { auditFilterWhere, selectAuditEntries } from './audit-log-query';

export const AUDIT_CSV_HEADER = [
  '日時(JST)',
  '連番',
  '操作',
  'イベント',
  'ログインID',
  '担当者名',
  '対象種別',
  '対象ID',
  'IPアドレス',
  'ユーザーエージェント',
  'リクエストID',
  '変更前',
  '変更後',
] as const;

const BATCH_SIZE = 1000;

export interface AuditExport {
  upToSeq: number;
  filename: string;
  contentType: string;
}

/**
 * Records the export (who, which filters, which encoding) in the request's transaction and
 * fixes the last sequence number it covers, so the streamed rows are exactly the log as it
 * stood at this moment even though they are read in later, short transactions.
 */
export async function startAuditExport(
  tx: TenantTransaction,
  actor: ActorContext,
  { encoding, ...filter }: AuditExportQuery,
): Promise<AuditExport> {
  const [head] = await tx.db
    .select({ seq: sql<number>`coalesce(max(${auditLog.seq}), 0)::int8` })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tx.tenantId));
  const upToSeq = Number(head?.seq ?? 0);
  await writeAudit(tx, actor, {
    event: 'audit_log.exported',
    targetType: 'audit_log',
    after: { filter, encoding, upToSeq },
  });
  const stamp = toJstIso(new Date()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return {
    upToSeq,
    filename: `audit-log-${stamp}.csv`,
    contentType: `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'Shift_JIS'}`,
  };
}

/**
 * The CSV body, newest first, read in keyset batches of short transactions so a large log
 * neither sits in memory nor holds a connection for the whole download; the stream's
 * back-pressure paces the reads.
 */
export function auditCsvStream(
  pool: pg.Pool,
  tenantId: string,
  filter: AuditFilter,
  upToSeq: number,
  encoding: CsvEncoding,
): Readable {
  const encoder = createCsvEncoder(encoding);
  async function* generate() {
    yield Buffer.concat([encoder.preamble, encoder.encode(csvRow(AUDIT_CSV_HEADER))]);
    let upper = upToSeq;
    while (upper > 0) {
      const rows = await withTenantTransaction(pool, tenantId, (tx) =>
        selectAuditEntries(
          tx,
          and(auditFilterWhere(tenantId, filter), lte(auditLog.seq, upper)),
          BATCH_SIZE,
        ),
      );
      if (rows.length === 0) return;
      const text = rows
        .map((row) =>
          csvRow([
            row.occurredAt,
            row.seq,
            row.eventLabel,
            row.event,
            row.actorLabel,
            row.actorName,
            row.targetType,
            row.targetId,
            row.ip,
            row.userAgent,
            row.requestId,
            row.before === null ? '' : JSON.stringify(row.before),
            row.after === null ? '' : JSON.stringify(row.after),
          ]),
        )
        .join('');
      yield encoder.encode(text);
      upper = (rows[rows.length - 1]?.seq ?? 1) - 1;
      if (rows.length < BATCH_SIZE) return;
    }
  }
  return Readable.from(generate(), { objectMode: false });
}
