import { queryOptions } from '@tanstack/react-query';
import type {
  AxisCreate,
  AxisOrder,
  AxisUpdate,
  ClassificationAxis,
  ClassificationItem,
  ItemInput,
  ItemOrder,
  ItemUpdate,
  PartnerType,
} from '../../server/modules/partners/classifications/classification.schema';
import type {
  PartnerBulkClassificationInput,
  PartnerBulkClassificationResult,
} from '../../server/modules/partners/classifications/partner-bulk-classification.schema';
import { apiRequest } from './client';

export const classificationKeys = {
  all: ['classifications'] as const,
  axes: (partnerType: PartnerType) => ['classifications', partnerType] as const,
};

export function classificationAxesQueryOptions(partnerType: PartnerType) {
  return queryOptions({
    queryKey: classificationKeys.axes(partnerType),
    queryFn: ({ signal }) =>
      apiRequest<{ axes: ClassificationAxis[] }>('GET', '/classification-axes', {
        signal,
        query: { partnerType },
      }),
  });
}

const axisPath = (axisId: string) => `/classification-axes/${encodeURIComponent(axisId)}`;
const itemPath = (itemId: string) => `/classification-items/${encodeURIComponent(itemId)}`;

export const createAxis = (input: AxisCreate) =>
  apiRequest<ClassificationAxis>('POST', '/classification-axes', { body: input });

export const updateAxis = (axisId: string, input: AxisUpdate) =>
  apiRequest<ClassificationAxis>('PUT', axisPath(axisId), { body: input });

export const reorderAxes = (input: AxisOrder) =>
  apiRequest<{ axes: ClassificationAxis[] }>('PUT', '/classification-axes/order', { body: input });

export const deleteAxis = (axisId: string, version: number, resolution?: 'clear') =>
  apiRequest<void>('DELETE', axisPath(axisId), { query: { version, resolution } });

export const createItem = (axisId: string, input: ItemInput) =>
  apiRequest<ClassificationItem>('POST', `${axisPath(axisId)}/items`, { body: input });

export const updateItem = (itemId: string, input: ItemUpdate) =>
  apiRequest<ClassificationItem>('PUT', itemPath(itemId), { body: input });

export const reorderItems = (axisId: string, input: ItemOrder) =>
  apiRequest<{ items: ClassificationItem[] }>('PUT', `${axisPath(axisId)}/items/order`, {
    body: input,
  });

/** Without a resolution an item in use is refused (classification_in_use with usageCount). */
export type ItemDeletion =
  | { resolution?: undefined }
  | { resolution: 'clear' }
  | { resolution: 'move'; targetItemId: string };

export const deleteItem = (itemId: string, version: number, choice: ItemDeletion = {}) =>
  apiRequest<void>('DELETE', itemPath(itemId), { query: { version, ...choice } });

/** 一括分類設定 of 得意先 or 仕入先 (each needs the right to edit that master). */
export const bulkClassifyPartners = (
  partnerType: PartnerType,
  input: PartnerBulkClassificationInput,
) =>
  apiRequest<PartnerBulkClassificationResult>(
    'POST',
    `/${partnerType === 'customer' ? 'customers' : 'suppliers'}/bulk-classification`,
    { body: input },
  );
