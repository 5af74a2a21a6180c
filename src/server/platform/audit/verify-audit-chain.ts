import type { TenantTransaction } from '../db/tenant-transaction';

export interface AuditChainReport {
  rows: number;
  firstBrokenSeq: number | null;
}

/**
 * Recomputes every hash of the tenant's chain: an edited row, a removed row or a reordered
 * row makes the first broken sequence number show.
 */
export async function verifyAuditChain(tx: TenantTransaction): Promise<AuditChainReport> {
  const { rows } = await tx.client.query<{ seq: number; ok: boolean }>(
    `SELECT seq,
            hash = sha256(prev_hash || convert_to(app.audit_row_text(tenant_id, seq, occurred_at,
              actor_user_id, actor_label, event, target_type, target_id, ip, user_agent, request_id,
              before, after), 'UTF8'))
            AND prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), decode(repeat('00', 32), 'hex'))
            AND seq = row_number() OVER (ORDER BY seq) AS ok
       FROM app.audit_log WHERE tenant_id = $1 ORDER BY seq`,
    [tx.tenantId],
  );
  const broken = rows.find((row) => !row.ok);
  return { rows: rows.length, firstBrokenSeq: broken ? broken.seq : null };
}
