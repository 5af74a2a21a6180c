import type { ClassificationAxis, ClassificationItem } from './classification.schema';
import type { classificationAxes, classificationItems } from './classification.table';

export const toItem = (row: typeof classificationItems.$inferSelect): ClassificationItem => ({
  itemId: row.itemId,
  axisId: row.axisId,
  code: row.code,
  name: row.name,
  sortOrder: row.sortOrder,
  version: row.version,
});

export const toAxis = (
  row: typeof classificationAxes.$inferSelect,
  items: ClassificationItem[],
): ClassificationAxis => ({
  axisId: row.axisId,
  partnerType: row.partnerType,
  name: row.name,
  sortOrder: row.sortOrder,
  version: row.version,
  items,
});
