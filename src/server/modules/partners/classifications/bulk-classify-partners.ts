import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { BULK_ASSIGN_MAX, type PartnerType } from './classification.schema';
import { assignInBulk } from './classification-assignments';
import { partnerBindings } from './partner-bindings';
import type {
  PartnerBulkClassification,
  PartnerBulkClassificationResult,
} from './partner-bulk-classification.schema';

/** Applies one axis's item to many partners in the request's single transaction. */
export async function bulkClassifyPartners(
  tx: TenantTransaction,
  actor: ActorContext,
  partnerType: PartnerType,
  { axisId, itemId, target }: PartnerBulkClassification,
): Promise<PartnerBulkClassificationResult> {
  const binding = partnerBindings[partnerType];
  if (!binding) throw new AppError('not_found');
  let ids: string[];
  if (target.kind === 'selected') {
    const wanted = [...new Set(target.partnerIds)];
    ids = await binding.existing(tx, wanted);
    // Another tenant's id is invisible here, so it is refused exactly like an unknown one.
    if (ids.length !== wanted.length) throw new AppError('not_found');
  } else {
    ids = await binding.search(tx, target.search, BULK_ASSIGN_MAX + 1);
  }
  if (ids.length > BULK_ASSIGN_MAX) throw new AppError('classification_bulk_too_many');
  const changes = await assignInBulk(tx, actor, partnerType, ids, axisId, itemId);
  return { matched: ids.length, changed: changes.length };
}
