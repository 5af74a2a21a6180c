import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { AppError } from '../../../platform/http/problem';
import {
  type AxisCreate,
  type AxisOrder,
  type AxisUpdate,
  type ClassificationAxis,
  DEFAULT_AXIS_NAMES,
  MAX_AXES_PER_PARTNER_TYPE,
  PARTNER_TYPES,
  type PartnerType,
} from './classification.schema';
import { classificationAxes, classificationItems } from './classification.table';
import { clearUsage, countUsage } from './classification-assignments';
import { toAxis, toItem } from './classification-row';

const axisKey = (tx: TenantTransaction, axisId: string) =>
  and(eq(classificationAxes.tenantId, tx.tenantId), eq(classificationAxes.axisId, axisId));

function rethrowNameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'classification_axes_name_key')) {
    throw new AppError('classification_name_taken', {
      errors: [{ path: 'name', message: 'この分類名は既に登録されています' }],
    });
  }
  throw error;
}

/** The axes of one partner type with their items, both in display order. */
export async function findAxes(
  tx: TenantTransaction,
  partnerType: PartnerType,
): Promise<{ axes: ClassificationAxis[] }> {
  const axes = await tx.db
    .select()
    .from(classificationAxes)
    .where(
      and(
        eq(classificationAxes.tenantId, tx.tenantId),
        eq(classificationAxes.partnerType, partnerType),
      ),
    )
    .orderBy(asc(classificationAxes.sortOrder), asc(classificationAxes.axisId));
  if (axes.length === 0) return { axes: [] };
  const items = await tx.db
    .select()
    .from(classificationItems)
    .where(
      and(
        eq(classificationItems.tenantId, tx.tenantId),
        inArray(
          classificationItems.axisId,
          axes.map((a) => a.axisId),
        ),
      ),
    )
    .orderBy(asc(classificationItems.sortOrder), asc(classificationItems.code));
  return {
    axes: axes.map((axis) =>
      toAxis(axis, items.filter((item) => item.axisId === axis.axisId).map(toItem)),
    ),
  };
}

/** A new organisation's 地域 / 業種 / ランク for each partner type (audited by the caller). */
export async function insertDefaultAxes(tx: TenantTransaction): Promise<void> {
  await tx.db.insert(classificationAxes).values(
    PARTNER_TYPES.flatMap((partnerType) =>
      DEFAULT_AXIS_NAMES.map((name, index) => ({
        tenantId: tx.tenantId,
        axisId: uuidv7(),
        partnerType,
        name,
        sortOrder: (index + 1) * 10,
      })),
    ),
  );
}

/** Serialises changes to one partner type's axes, so two admins cannot both add the 5th. */
async function lockAxes(tx: TenantTransaction, partnerType: PartnerType) {
  await tx.client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || '|classification_axes|' || $2, 0))`,
    [tx.tenantId, partnerType],
  );
  return tx.db
    .select()
    .from(classificationAxes)
    .where(
      and(
        eq(classificationAxes.tenantId, tx.tenantId),
        eq(classificationAxes.partnerType, partnerType),
      ),
    )
    .orderBy(asc(classificationAxes.sortOrder), asc(classificationAxes.axisId))
    .for('update');
}

export async function createAxis(
  tx: TenantTransaction,
  actor: ActorContext,
  input: AxisCreate,
): Promise<ClassificationAxis> {
  const existing = await lockAxes(tx, input.partnerType);
  if (existing.length >= MAX_AXES_PER_PARTNER_TYPE) {
    throw new AppError('classification_axis_limit');
  }
  const sortOrder = Math.max(0, ...existing.map((a) => a.sortOrder)) + 10;
  const [row] = await tx.db
    .insert(classificationAxes)
    .values({ tenantId: tx.tenantId, axisId: uuidv7(), sortOrder, ...input })
    .returning()
    .catch(rethrowNameTaken);
  const axis = toAxis(row!, []);
  await writeAudit(tx, actor, {
    event: 'classification_axis.created',
    targetType: 'classification_axis',
    targetId: axis.axisId,
    after: { partnerType: axis.partnerType, name: axis.name, sortOrder },
  });
  return axis;
}

export async function updateAxis(
  tx: TenantTransaction,
  actor: ActorContext,
  axisId: string,
  { version, name }: AxisUpdate,
): Promise<ClassificationAxis> {
  const [current] = await tx.db
    .select()
    .from(classificationAxes)
    .where(axisKey(tx, axisId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const [row] = await tx.db
    .update(classificationAxes)
    .set({ name, version: sql`${classificationAxes.version} + 1` })
    .where(axisKey(tx, axisId))
    .returning()
    .catch(rethrowNameTaken);
  await writeAudit(tx, actor, {
    event: 'classification_axis.updated',
    targetType: 'classification_axis',
    targetId: axisId,
    ...auditDiff({ name: current.name }, { name: row!.name }),
  });
  return (await findAxes(tx, current.partnerType)).axes.find((a) => a.axisId === axisId)!;
}

/**
 * Puts the axes in the order given. The request names every axis with the version it read:
 * an axis added, removed or renamed meanwhile makes it stale rather than half-applied.
 */
export async function reorderAxes(
  tx: TenantTransaction,
  actor: ActorContext,
  { partnerType, axes }: AxisOrder,
): Promise<{ axes: ClassificationAxis[] }> {
  const current = await lockAxes(tx, partnerType);
  assertSameList(
    current.map((a) => ({ id: a.axisId, version: a.version })),
    axes.map((a) => ({ id: a.axisId, version: a.version })),
  );
  for (const [index, { axisId }] of axes.entries()) {
    await tx.db
      .update(classificationAxes)
      .set({ sortOrder: (index + 1) * 10, version: sql`${classificationAxes.version} + 1` })
      .where(axisKey(tx, axisId));
  }
  const byId = new Map(current.map((a) => [a.axisId, a.name]));
  await writeAudit(tx, actor, {
    event: 'classification_axis.reordered',
    targetType: 'classification_axis',
    targetId: partnerType,
    before: { order: current.map((a) => a.name) },
    after: { order: axes.map((a) => byId.get(a.axisId)) },
  });
  return findAxes(tx, partnerType);
}

/** Same members, each at the version the client read; else the client reloads first. */
export function assertSameList(
  current: { id: string; version: number }[],
  requested: { id: string; version: number }[],
): void {
  const versions = new Map(current.map((c) => [c.id, c.version]));
  const distinct = new Set(requested.map((r) => r.id));
  if (
    distinct.size !== requested.length ||
    requested.length !== current.length ||
    requested.some((r) => versions.get(r.id) !== r.version)
  ) {
    throw new AppError('classification_order_stale');
  }
}

/**
 * Deleting an axis deletes its items. Partners using them are only cleared when the request
 * says so (`resolution: 'clear'`); otherwise it is refused with their count.
 */
export async function deleteAxis(
  tx: TenantTransaction,
  actor: ActorContext,
  axisId: string,
  { version, resolution }: { version: number; resolution?: 'clear' | undefined },
): Promise<void> {
  const [current] = await tx.db
    .select()
    .from(classificationAxes)
    .where(axisKey(tx, axisId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const usageCount = await countUsage(tx, current.partnerType, { axisId });
  if (usageCount > 0 && resolution !== 'clear') {
    throw new AppError('classification_in_use', { usageCount });
  }
  const cleared = await clearUsage(tx, actor, current.partnerType, axisId, { axisId });
  const items = await tx.db
    .delete(classificationItems)
    .where(
      and(eq(classificationItems.tenantId, tx.tenantId), eq(classificationItems.axisId, axisId)),
    )
    .returning();
  await tx.db.delete(classificationAxes).where(axisKey(tx, axisId));
  await writeAudit(tx, actor, {
    event: 'classification_axis.deleted',
    targetType: 'classification_axis',
    targetId: axisId,
    before: toAxis(current, items.map(toItem)),
    after: { clearedPartners: cleared },
  });
}
