import { and, type Column, eq, type SQL, sql } from 'drizzle-orm';
import { MAX_AXES_PER_PARTNER_TYPE } from './classification.schema';
import type { PartnerClassificationTable } from './classification.table';

/**
 * 分類 filter for partner lists (and, later, exports): one flag per filtered item, so a shaped
 * statement compiles at most MAX_AXES_PER_PARTNER_TYPE + 1 variants of it.
 */
const slots = Array.from({ length: MAX_AXES_PER_PARTNER_TYPE }, (_, i) => `cls${i}` as const);
type Slot = (typeof slots)[number];

export type ClassificationFilterShape = Record<Slot, boolean>;

export function classificationFilterShape(
  itemIds: readonly string[] = [],
): ClassificationFilterShape {
  return Object.fromEntries(
    slots.map((slot, i) => [slot, i < itemIds.length]),
  ) as ClassificationFilterShape;
}

export function classificationFilterValues(
  itemIds: readonly string[] = [],
): Record<string, string> {
  return Object.fromEntries(itemIds.map((id, i) => [slots[i], id]));
}

/** The partner has every filtered item (AND across axes), each checked via the item index. */
export function classificationMatch(
  shape: ClassificationFilterShape,
  assignments: PartnerClassificationTable,
  partner: { tenantId: Column; partnerId: Column },
): SQL | undefined {
  const used = slots.filter((slot) => shape[slot]);
  if (used.length === 0) return undefined;
  return and(
    ...used.map(
      (slot) =>
        sql`exists (select 1 from ${assignments} where ${and(
          eq(assignments.tenantId, partner.tenantId),
          eq(assignments.itemId, sql.placeholder(slot)),
          eq(assignments.partnerId, partner.partnerId),
        )})`,
    ),
  );
}
