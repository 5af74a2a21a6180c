import { and, asc, eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { AppError } from '../../../platform/http/problem';
import { assertSameList } from './axis-operations';
import type {
  ClassificationItem,
  ItemDeleteQuery,
  ItemInput,
  ItemOrder,
  ItemUpdate,
} from './classification.schema';
import { classificationAxes, classificationItems } from './classification.table';
import { clearUsage, countUsage, moveUsage } from './classification-assignments';
import { toItem } from './classification-row';

const itemKey = (tx: TenantTransaction, itemId: string) =>
  and(eq(classificationItems.tenantId, tx.tenantId), eq(classificationItems.itemId, itemId));

function rethrowCodeTaken(error: unknown): never {
  if (isUniqueViolation(error, 'classification_items_code_key')) {
    throw new AppError('classification_item_code_taken', {
      errors: [{ path: 'code', message: 'この項目コードは既にこの分類にあります' }],
    });
  }
  throw error;
}

async function lockAxis(tx: TenantTransaction, axisId: string) {
  const [axis] = await tx.db
    .select()
    .from(classificationAxes)
    .where(and(eq(classificationAxes.tenantId, tx.tenantId), eq(classificationAxes.axisId, axisId)))
    .for('update');
  if (!axis) throw new AppError('not_found');
  return axis;
}

async function lockItem(tx: TenantTransaction, itemId: string, version: number) {
  const [item] = await tx.db
    .select()
    .from(classificationItems)
    .where(itemKey(tx, itemId))
    .for('update');
  if (!item) throw new AppError('not_found');
  if (item.version !== version) throw new AppError('version_conflict');
  return item;
}

const itemsOf = (tx: TenantTransaction, axisId: string) =>
  tx.db
    .select()
    .from(classificationItems)
    .where(
      and(eq(classificationItems.tenantId, tx.tenantId), eq(classificationItems.axisId, axisId)),
    )
    .orderBy(asc(classificationItems.sortOrder), asc(classificationItems.code));

/** Appends an item at the end of its axis. */
export async function createItem(
  tx: TenantTransaction,
  actor: ActorContext,
  axisId: string,
  input: ItemInput,
): Promise<ClassificationItem> {
  await lockAxis(tx, axisId);
  const existing = await itemsOf(tx, axisId);
  const sortOrder = Math.max(0, ...existing.map((i) => i.sortOrder)) + 10;
  const [row] = await tx.db
    .insert(classificationItems)
    .values({ tenantId: tx.tenantId, itemId: uuidv7(), axisId, sortOrder, ...input })
    .returning()
    .catch(rethrowCodeTaken);
  const item = toItem(row!);
  await writeAudit(tx, actor, {
    event: 'classification_item.created',
    targetType: 'classification_item',
    targetId: item.itemId,
    after: { axisId, ...input, sortOrder },
  });
  return item;
}

export async function updateItem(
  tx: TenantTransaction,
  actor: ActorContext,
  itemId: string,
  { version, ...input }: ItemUpdate,
): Promise<ClassificationItem> {
  const current = await lockItem(tx, itemId, version);
  const [row] = await tx.db
    .update(classificationItems)
    .set({ ...input, version: sql`${classificationItems.version} + 1` })
    .where(itemKey(tx, itemId))
    .returning()
    .catch(rethrowCodeTaken);
  const after = toItem(row!);
  await writeAudit(tx, actor, {
    event: 'classification_item.updated',
    targetType: 'classification_item',
    targetId: itemId,
    ...auditDiff(toItem(current), after),
  });
  return after;
}

/** Puts every item of the axis in the order given (drag or ↑↓ on the 分類設定 screen). */
export async function reorderItems(
  tx: TenantTransaction,
  actor: ActorContext,
  axisId: string,
  { items }: ItemOrder,
): Promise<ClassificationItem[]> {
  await lockAxis(tx, axisId);
  const current = await itemsOf(tx, axisId).for('update');
  assertSameList(
    current.map((i) => ({ id: i.itemId, version: i.version })),
    items.map((i) => ({ id: i.itemId, version: i.version })),
  );
  for (const [index, { itemId }] of items.entries()) {
    await tx.db
      .update(classificationItems)
      .set({ sortOrder: (index + 1) * 10, version: sql`${classificationItems.version} + 1` })
      .where(itemKey(tx, itemId));
  }
  const codes = new Map(current.map((i) => [i.itemId, i.code]));
  await writeAudit(tx, actor, {
    event: 'classification_item.reordered',
    targetType: 'classification_axis',
    targetId: axisId,
    before: { order: current.map((i) => i.code) },
    after: { order: items.map((i) => codes.get(i.itemId)) },
  });
  return (await itemsOf(tx, axisId)).map(toItem);
}

/**
 * An item in use is only deleted with an explicit choice for its partners: moved to another
 * item of the same axis, or cleared. Without one it is refused with their count.
 */
export async function deleteItem(
  tx: TenantTransaction,
  actor: ActorContext,
  itemId: string,
  { version, resolution, targetItemId }: ItemDeleteQuery,
): Promise<void> {
  // Axis before item, the order every other writer locks them in.
  const [peek] = await tx.db.select().from(classificationItems).where(itemKey(tx, itemId));
  if (!peek) throw new AppError('not_found');
  const axis = await lockAxis(tx, peek.axisId);
  const current = await lockItem(tx, itemId, version);
  const usageCount = await countUsage(tx, axis.partnerType, { itemId });
  let affected = 0;
  if (usageCount > 0) {
    if (resolution === 'move' && targetItemId) {
      const [target] = await tx.db
        .select()
        .from(classificationItems)
        .where(itemKey(tx, targetItemId))
        .for('share');
      if (!target || target.axisId !== current.axisId || target.itemId === itemId) {
        throw new AppError('classification_not_found', {
          errors: [{ path: 'targetItemId', message: '移動先は同じ分類の別の項目を選んでください' }],
        });
      }
      affected = await moveUsage(tx, actor, axis.partnerType, axis.axisId, itemId, targetItemId);
    } else if (resolution === 'clear') {
      affected = await clearUsage(tx, actor, axis.partnerType, axis.axisId, { itemId });
    } else {
      throw new AppError('classification_in_use', { usageCount });
    }
  }
  await tx.db.delete(classificationItems).where(itemKey(tx, itemId));
  await writeAudit(tx, actor, {
    event: 'classification_item.deleted',
    targetType: 'classification_item',
    targetId: itemId,
    before: toItem(current),
    after:
      affected === 0
        ? { partners: 0 }
        : { partners: affected, resolution, ...(resolution === 'move' ? { targetItemId } : {}) },
  });
}
