import {
  type ContractState,
  type PurgePolicy,
  purgeScheduleOf,
} from '../../../domain/lifecycle/purge-policy';
import type { ContractLifecycle } from './lifecycle.schema';

/** The banner's facts: whether the tenant is read-only and until when its data is kept. */
export function contractLifecycleOf(
  tenant: ContractState,
  now: Date,
  policy: PurgePolicy,
): ContractLifecycle {
  const schedule = purgeScheduleOf(tenant, now, policy);
  return {
    readOnly: schedule !== null,
    endedAt: schedule?.contractEndedAt.toISOString() ?? null,
    purgeAt: schedule?.purgeAt.toISOString() ?? null,
  };
}
