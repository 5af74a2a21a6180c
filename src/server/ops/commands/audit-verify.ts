import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain';
import { openTenantTransaction } from '../../platform/db/tenant-transaction';
import type { OpsCommand } from '../ops-command';
import { assertOpsListingAvailable, listTenants, OpsError } from '../ops-tenants';

/**
 * Recomputes each tenant's audit hash chain (SECURITY.md, Logging) and names the first broken
 * sequence number. Exit code 1 when any chain is broken, so cron or CI can alert on it.
 */
export const auditVerify: OpsCommand = {
  name: 'audit:verify',
  usage: 'audit:verify [--tenant <組織コード>]',
  summary: '監査ログのハッシュチェーンを検証 / verify the audit log hash chains',
  async run(args, { pool, io }) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    await assertOpsListingAvailable(pool);
    const tenants = await listTenants(pool, values.tenant);
    if (values.tenant !== undefined && tenants.length === 0) {
      throw new OpsError(
        `組織コード「${values.tenant}」の組織はありません。 / No tenant with code "${values.tenant}".`,
      );
    }
    io.out('監査ログの検証 / Audit log verification');
    let broken = 0;
    for (const tenant of tenants) {
      const tx = await openTenantTransaction(pool, tenant.tenantId);
      try {
        const report = await verifyAuditChain(tx);
        const label = `${tenant.code} (${tenant.name}): ${report.rows}件 / rows`;
        if (report.firstBrokenSeq === null) {
          io.out(`  OK  ${label} — 改ざんなし / chain intact`);
        } else {
          broken++;
          io.out(
            `  NG  ${label} — 連番 ${report.firstBrokenSeq} で改ざんまたは欠落を検出 / chain broken at sequence ${report.firstBrokenSeq}`,
          );
        }
      } finally {
        await tx.rollback();
      }
    }
    if (broken > 0) {
      io.out(
        `結果: ${tenants.length}組織中${broken}組織で異常あり / Result: ${broken} of ${tenants.length} tenant(s) have a broken chain`,
      );
      return 1;
    }
    io.out(
      `結果: ${tenants.length}組織すべて正常 / Result: all ${tenants.length} tenant(s) intact`,
    );
    return 0;
  },
};
