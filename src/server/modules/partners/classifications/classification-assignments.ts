import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { writeAuditMany } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { ClassificationAssignment, PartnerType } from './classification.schema';
import { classificationAxes, classificationItems } from './classification.table';
import { type PartnerBinding, partnerBindings, uuidArray } from './partner-bindings';

/** Partner-type-agnostic reading and writing of partners' classifications. */

function binding(partnerType: PartnerType): PartnerBinding {
  const found = partnerBindings[partnerType];
  if (!found) throw new Error(`No classification table for ${partnerType}`);
  return found;
}

/** A partner's items, in the order of their axes. */
export async function readAssignments(
  tx: TenantTransaction,
  partnerType: PartnerType,
  partnerId: string,
): Promise<ClassificationAssignment[]> {
  const table = binding(partnerType).assignments;
  return tx.db
    .select({ axisId: table.axisId, itemId: table.itemId })
    .from(table)
    .innerJoin(
      classificationAxes,
      and(
        eq(classificationAxes.tenantId, table.tenantId),
        eq(classificationAxes.axisId, table.axisId),
      ),
    )
    .where(and(eq(table.tenantId, tx.tenantId), eq(table.partnerId, partnerId)))
    .orderBy(asc(classificationAxes.sortOrder));
}

/**
 * Checks that every item exists under the given axis of this tenant and partner type. Another
 * tenant's item is invisible (row-level security), so it is refused exactly like a made-up id.
 */
export async function assertAssignable(
  tx: TenantTransaction,
  partnerType: PartnerType,
  assignments: readonly ClassificationAssignment[],
  path = 'classifications',
): Promise<void> {
  if (assignments.length === 0) return;
  const axesOfType = tx.db
    .select({ axisId: classificationAxes.axisId })
    .from(classificationAxes)
    .where(
      and(
        eq(classificationAxes.tenantId, tx.tenantId),
        eq(classificationAxes.partnerType, partnerType),
      ),
    );
  const found = await tx.db
    .select({ axisId: classificationItems.axisId, itemId: classificationItems.itemId })
    .from(classificationItems)
    .where(
      and(
        eq(classificationItems.tenantId, tx.tenantId),
        inArray(classificationItems.axisId, axesOfType),
        inArray(
          classificationItems.itemId,
          assignments.map((a) => a.itemId),
        ),
      ),
    )
    // Shared locks: an item cannot be deleted between this check and the write that uses it.
    .for('share');
  const known = new Set(found.map((row) => `${row.axisId}/${row.itemId}`));
  const errors = assignments
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => !known.has(`${a.axisId}/${a.itemId}`))
    .map(({ index }) => ({
      path: `${path}.${index}.itemId`,
      message: 'この分類項目は見つかりません',
    }));
  if (errors.length > 0) throw new AppError('classification_not_found', { errors });
}

/** Sets a partner's classifications to exactly `assignments` (its own form). */
export async function replaceAssignments(
  tx: TenantTransaction,
  partnerType: PartnerType,
  partnerId: string,
  assignments: readonly ClassificationAssignment[],
): Promise<void> {
  await assertAssignable(tx, partnerType, assignments);
  const table = binding(partnerType).assignments;
  await tx.db
    .delete(table)
    .where(and(eq(table.tenantId, tx.tenantId), eq(table.partnerId, partnerId)));
  if (assignments.length === 0) return;
  await tx.db
    .insert(table)
    .values(assignments.map((a) => ({ tenantId: tx.tenantId, partnerId, ...a })));
}

export interface AssignmentChange {
  partnerId: string;
  before: string | null;
  after: string | null;
}

/**
 * Puts every partner of `partnerIds` on `itemId` for the axis (null: takes the axis off).
 * Returns only the partners whose item actually changed, each audited with before/after.
 */
export async function assignInBulk(
  tx: TenantTransaction,
  actor: ActorContext,
  partnerType: PartnerType,
  partnerIds: readonly string[],
  axisId: string,
  itemId: string | null,
): Promise<AssignmentChange[]> {
  const { assignments: table } = binding(partnerType);
  const [axis] = await tx.db
    .select({ axisId: classificationAxes.axisId })
    .from(classificationAxes)
    .where(
      and(
        eq(classificationAxes.tenantId, tx.tenantId),
        eq(classificationAxes.axisId, axisId),
        eq(classificationAxes.partnerType, partnerType),
      ),
    )
    .for('share');
  if (!axis) throw new AppError('not_found');
  if (itemId) await assertAssignable(tx, partnerType, [{ axisId, itemId }], 'item');
  const current = await tx.db
    .select({ partnerId: table.partnerId, itemId: table.itemId })
    .from(table)
    .where(
      and(
        eq(table.tenantId, tx.tenantId),
        eq(table.axisId, axisId),
        sql`${table.partnerId} = any(${uuidArray(partnerIds)})`,
      ),
    )
    .for('update');
  const before = new Map(current.map((row) => [row.partnerId, row.itemId]));
  const changes: AssignmentChange[] = partnerIds
    .filter((id) => (before.get(id) ?? null) !== itemId)
    .map((id) => ({ partnerId: id, before: before.get(id) ?? null, after: itemId }));
  if (changes.length === 0) return [];
  const changedIds = changes.map((c) => c.partnerId);
  if (itemId === null) {
    await tx.db
      .delete(table)
      .where(
        and(
          eq(table.tenantId, tx.tenantId),
          eq(table.axisId, axisId),
          sql`${table.partnerId} = any(${uuidArray(changedIds)})`,
        ),
      );
  } else {
    await tx.db
      .insert(table)
      .values(changedIds.map((partnerId) => ({ tenantId: tx.tenantId, partnerId, axisId, itemId })))
      .onConflictDoUpdate({
        target: [table.tenantId, table.partnerId, table.axisId],
        set: { itemId },
      });
  }
  await recordChanges(tx, actor, partnerType, axisId, changes);
  return changes;
}

/** How many partners use the item, or any item of the axis. */
export async function countUsage(
  tx: TenantTransaction,
  partnerType: PartnerType,
  by: { itemId: string } | { axisId: string },
): Promise<number> {
  const table = partnerBindings[partnerType]?.assignments;
  if (!table) return 0;
  const [row] = await tx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(table)
    .where(
      and(
        eq(table.tenantId, tx.tenantId),
        'itemId' in by ? eq(table.itemId, by.itemId) : eq(table.axisId, by.axisId),
      ),
    );
  return row?.count ?? 0;
}

/** Moves every partner from one item to another of the same axis (an item being deleted). */
export async function moveUsage(
  tx: TenantTransaction,
  actor: ActorContext,
  partnerType: PartnerType,
  axisId: string,
  fromItemId: string,
  toItemId: string,
): Promise<number> {
  const table = binding(partnerType).assignments;
  const moved = await tx.db
    .update(table)
    .set({ itemId: toItemId })
    .where(and(eq(table.tenantId, tx.tenantId), eq(table.itemId, fromItemId)))
    .returning({ partnerId: table.partnerId });
  const changes = moved.map(({ partnerId }) => ({
    partnerId,
    before: fromItemId,
    after: toItemId,
  }));
  await recordChanges(tx, actor, partnerType, axisId, changes);
  return changes.length;
}

/** Takes the item (or every item of the axis) off the partners using it. */
export async function clearUsage(
  tx: TenantTransaction,
  actor: ActorContext,
  partnerType: PartnerType,
  axisId: string,
  by: { itemId: string } | { axisId: string },
): Promise<number> {
  const table = partnerBindings[partnerType]?.assignments;
  if (!table) return 0;
  const cleared = await tx.db
    .delete(table)
    .where(
      and(
        eq(table.tenantId, tx.tenantId),
        'itemId' in by ? eq(table.itemId, by.itemId) : eq(table.axisId, by.axisId),
      ),
    )
    .returning({ partnerId: table.partnerId, itemId: table.itemId });
  const changes = cleared.map((row) => ({
    partnerId: row.partnerId,
    before: row.itemId,
    after: null,
  }));
  await recordChanges(tx, actor, partnerType, axisId, changes);
  return changes.length;
}

/**
 * One audit row per partner (target = the partner), so a customer's own history shows every
 * change of its classification, whichever screen made it.
 */
async function recordChanges(
  tx: TenantTransaction,
  actor: ActorContext,
  partnerType: PartnerType,
  axisId: string,
  changes: readonly AssignmentChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const { auditEvent, auditTarget, touch } = binding(partnerType);
  await touch(
    tx,
    changes.map((c) => c.partnerId),
  );
  await writeAuditMany(
    tx,
    actor,
    changes.map((c) => ({
      event: auditEvent,
      targetType: auditTarget,
      targetId: c.partnerId,
      before: { axisId, itemId: c.before },
      after: { axisId, itemId: c.after },
    })),
  );
}
