import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { User } from './user.schema';
import { getUserOrThrow } from './user-row';

export function getUser(tx: TenantTransaction, userId: string): Promise<User> {
  return getUserOrThrow(tx, userId);
}
