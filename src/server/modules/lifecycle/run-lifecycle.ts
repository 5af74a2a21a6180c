import type pg from 'pg';
import {
  dueReminders,
  type PurgePolicy,
  type PurgeReminderKey,
  purgeScheduleOf,
} from '../../../domain/lifecycle/purge-policy';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import { listEndingContracts, type TenantContract } from './lifecycle-contracts';
import { purgeReminderMail } from './lifecycle-mails';
import { type DeletionRecord, purgeTenant } from './purge-tenant';

export interface LifecycleOptions {
  /** The owner role's pool: the purge deletes audit rows, which the runtime role cannot. */
  ownerPool: pg.Pool;
  now: Date;
  policy: PurgePolicy;
  /**
   * How long until the job runs again. A tenant due before then is purged now, so a purge is
   * never late as long as the job keeps its rhythm (ADR 0017).
   */
  horizonMs: number;
  appOrigin?: string | undefined;
}

export interface LifecycleReport {
  trialsEnded: string[];
  reminders: { tenantId: string; reminder: PurgeReminderKey; recipients: number }[];
  purged: DeletionRecord[];
  /** Tenants whose step failed (rolled back); the others were still processed. */
  failed: { tenantId: string; error: string }[];
}

const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_LIFECYCLE_INTERVAL_MS = HOUR_MS;

function systemActor(tenantId: string, now: Date): ActorContext {
  return {
    tenantId,
    userId: null,
    actorLabel: 'system (lifecycle)',
    ip: '',
    userAgent: '',
    requestId: `lifecycle-${now.toISOString()}`,
  };
}

/**
 * One pass of the data lifecycle: end trials whose end date has passed, mail the purge
 * reminders that have fallen due (each once), and purge every tenant due before the next pass.
 * Idempotent: running it twice at the same clock changes nothing the second time.
 */
export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleReport> {
  const report: LifecycleReport = { trialsEnded: [], reminders: [], purged: [], failed: [] };
  for (const contract of await listEndingContracts(options.ownerPool)) {
    // One tenant's failure (each step is its own transaction) must not hold up the others.
    try {
      await processTenant(contract, options, report);
    } catch (error) {
      report.failed.push({
        tenantId: contract.tenantId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}

async function processTenant(
  initial: TenantContract,
  options: LifecycleOptions,
  report: LifecycleReport,
): Promise<void> {
  const { ownerPool, now, policy } = options;
  let contract = initial;
  if (contract.status === 'trial' && contract.trialEndsAt && contract.trialEndsAt <= now) {
    if (await endExpiredTrial(ownerPool, contract, now)) {
      report.trialsEnded.push(contract.tenantId);
      contract = { ...contract, status: 'ended', contractEndedAt: contract.trialEndsAt };
    }
  }
  if (contract.status !== 'ended') return;
  const schedule = purgeScheduleOf(contract, now, policy);
  if (!schedule) return;
  if (schedule.purgeAt.getTime() <= now.getTime() + options.horizonMs) {
    const record = await purgeTenant(ownerPool, contract, now, policy);
    if (record) report.purged.push(record);
    return;
  }
  const sent = await sendDueReminder(ownerPool, contract, schedule, now, options.appOrigin);
  if (sent) report.reminders.push({ tenantId: contract.tenantId, ...sent });
}

async function endExpiredTrial(pool: pg.Pool, contract: TenantContract, now: Date) {
  return withTenantTransaction(pool, contract.tenantId, async (tx) => {
    const { rowCount } = await tx.client.query(
      `UPDATE app.tenants SET status = 'ended', contract_ended_at = trial_ends_at
        WHERE tenant_id = $1 AND status = 'trial' AND trial_ends_at <= $2`,
      [contract.tenantId, now],
    );
    if (!rowCount) return false;
    await writeAudit(tx, systemActor(contract.tenantId, now), {
      event: 'tenant.trial_expired',
      targetType: 'tenant',
      targetId: contract.tenantId,
      after: { status: 'ended', contractEndedAt: contract.trialEndsAt?.toISOString() },
    });
    return true;
  });
}

/**
 * Mails the most urgent reminder that is due and not yet sent. Earlier reminders that fell
 * due in the same pass (the job did not run for days) are recorded as done without a mail of
 * their own: one mail saying "1 day left" beats two at once.
 */
async function sendDueReminder(
  pool: pg.Pool,
  contract: TenantContract,
  schedule: { contractEndedAt: Date; purgeAt: Date },
  now: Date,
  appOrigin: string | undefined,
): Promise<{ reminder: PurgeReminderKey; recipients: number } | null> {
  const due = dueReminders(schedule.purgeAt, now);
  const latest = due[due.length - 1];
  if (!latest) return null;
  return withTenantTransaction(pool, contract.tenantId, async (tx) => {
    const inserted = await tx.client.query<{ reminder: PurgeReminderKey }>(
      `INSERT INTO app.tenant_purge_reminders (tenant_id, reminder, purge_at, sent_at)
       SELECT $1, r, $3, $4 FROM unnest($2::text[]) r
       ON CONFLICT (tenant_id, reminder) DO NOTHING
       RETURNING reminder`,
      [contract.tenantId, due, schedule.purgeAt, now],
    );
    if (!inserted.rows.some((row) => row.reminder === latest)) return null;
    const recipients = await reminderRecipients(tx.client, contract);
    if (recipients.length > 0) {
      await enqueueMail(tx, purgeReminderMail(recipients, contract, schedule, appOrigin));
    }
    await writeAudit(tx, systemActor(contract.tenantId, now), {
      event: 'tenant.purge_reminder_sent',
      targetType: 'tenant',
      targetId: contract.tenantId,
      after: { reminder: latest, purgeAt: schedule.purgeAt.toISOString(), recipients },
    });
    return { reminder: latest, recipients: recipients.length };
  });
}

/** The registered contact address, the 管理者メールアドレス setting and every active admin. */
async function reminderRecipients(
  client: pg.PoolClient,
  contract: TenantContract,
): Promise<string[]> {
  const { rows } = await client.query<{ email: string }>(
    `SELECT email FROM (
       SELECT $2::text AS email
       UNION SELECT admin_email FROM app.tenant_settings WHERE tenant_id = $1
       UNION SELECT email FROM app.users WHERE tenant_id = $1 AND is_org_admin AND is_active
     ) addresses WHERE email <> '' ORDER BY email`,
    [contract.tenantId, contract.contactEmail],
  );
  return rows.map((row) => row.email);
}
