import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { ClassificationAssignment, PartnerType } from './classification.schema';
import { readAssignments } from './classification-assignments';

/** A partner as its form reads it: the row plus its 分類 in axis order. */
export async function withClassifications<Partner extends object>(
  tx: TenantTransaction,
  partnerType: PartnerType,
  partnerId: string,
  partner: Partner,
): Promise<Partner & { classifications: ClassificationAssignment[] }> {
  return { ...partner, classifications: await readAssignments(tx, partnerType, partnerId) };
}
