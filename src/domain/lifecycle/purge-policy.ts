/**
 * When an ended contract's data is purged (白書 §16, SECURITY.md "Data lifecycle"). The promise
 * to customers is "gone within 2 weeks (trial) / 1 month (paid) including backups": the oldest
 * backup is at most 8 days old, so purging at T+5 / T+21 days keeps that promise. These maxima
 * are therefore hard limits; configuration may only shorten them.
 */
export const PURGE_GRACE_DAYS_MAX = { trial: 5, paid: 21 } as const;

export interface PurgePolicy {
  readonly graceDaysTrial: number;
  readonly graceDaysPaid: number;
}

export const defaultPurgePolicy: PurgePolicy = {
  graceDaysTrial: PURGE_GRACE_DAYS_MAX.trial,
  graceDaysPaid: PURGE_GRACE_DAYS_MAX.paid,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminder mails before the purge, each sent once: the key is stored with the tenant. */
export const PURGE_REMINDERS = [
  { key: 'purge_7d', daysBefore: 7 },
  { key: 'purge_1d', daysBefore: 1 },
] as const;

export type PurgeReminderKey = (typeof PURGE_REMINDERS)[number]['key'];

export interface ContractState {
  status: 'trial' | 'active' | 'ended';
  plan: string;
  trialEndsAt: Date | null;
  contractEndedAt: Date | null;
}

/**
 * When the contract ended, counting a trial whose end date passed without conversion as ended
 * at that date even before the lifecycle job has marked it (read-only starts on time).
 */
export function effectiveContractEnd(tenant: ContractState, now: Date): Date | null {
  if (tenant.status === 'ended') return tenant.contractEndedAt ?? now;
  if (tenant.status === 'trial' && tenant.trialEndsAt && tenant.trialEndsAt <= now) {
    return tenant.trialEndsAt;
  }
  return null;
}

/** A tenant that never converted (plan still 'trial') gets the trial grace period. */
export function isTrialContract(tenant: Pick<ContractState, 'plan'>): boolean {
  return tenant.plan === 'trial';
}

export function purgeDueAt(
  contractEndedAt: Date,
  trial: boolean,
  policy: PurgePolicy = defaultPurgePolicy,
): Date {
  const days = trial ? policy.graceDaysTrial : policy.graceDaysPaid;
  return new Date(contractEndedAt.getTime() + days * DAY_MS);
}

/** The purge moment of a tenant, or null while its contract runs. */
export function purgeScheduleOf(
  tenant: ContractState,
  now: Date,
  policy: PurgePolicy = defaultPurgePolicy,
): { contractEndedAt: Date; purgeAt: Date } | null {
  const ended = effectiveContractEnd(tenant, now);
  if (!ended) return null;
  return { contractEndedAt: ended, purgeAt: purgeDueAt(ended, isTrialContract(tenant), policy) };
}

/** The reminders whose time has come (and that are not yet too late to matter). */
export function dueReminders(purgeAt: Date, now: Date): PurgeReminderKey[] {
  return PURGE_REMINDERS.filter(
    (reminder) => now.getTime() >= purgeAt.getTime() - reminder.daysBefore * DAY_MS,
  ).map((reminder) => reminder.key);
}

/** 「2026年12月1日」: the purge date as the banner and mails state it (JST). */
export function formatJapaneseDate(date: Date): string {
  const jst = new Date(date.getTime() + 9 * 60 * 60 * 1000);
  return `${jst.getUTCFullYear()}年${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日`;
}
