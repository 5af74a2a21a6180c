import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import type { IncidentSeverity } from './incident.schema';
import { incidentMail } from './incident-mails';
import { affectedTenants, noticeRecipients } from './incident-recipients';

export interface IncidentNotice {
  incidentId: string;
  allTenants: boolean;
  title: string;
  severity: IncidentSeverity;
  status: string;
  detectedAt: Date;
  message: string;
}

/**
 * One mail per affected tenant, queued in that tenant's outbox inside the operator's
 * transaction: the notice and the incident change commit together or not at all. Returns how
 * many tenants were mailed (recorded in the operator log, never shown publicly).
 */
export async function notifyAffectedTenants(
  tx: OperatorTransaction,
  kind: 'declared' | 'updated' | 'resolved',
  notice: IncidentNotice,
  statusUrl: string,
): Promise<number> {
  const tenants = await affectedTenants(tx, notice.incidentId, notice.allTenants);
  let mailed = 0;
  for (const tenant of tenants) {
    const tenantTx = await enterTenant(tx, tenant.tenantId);
    const to = await noticeRecipients(tx, tenant);
    if (to.length === 0) continue;
    await enqueueMail(
      tenantTx,
      incidentMail(kind, to, { ...notice, tenantName: tenant.name, statusUrl }),
    );
    mailed += 1;
  }
  return mailed;
}
