import { MAX_AXES_PER_PARTNER_TYPE } from '../../../server/modules/partners/classifications/classification.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list's 分類 filter in its URL: item ids joined by commas, as the API takes them. Anything
 * else in a hand-edited URL is dropped rather than sent and refused.
 */
export function parseClassificationFilter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ids = value
    .split(',')
    .filter((id) => UUID.test(id))
    .slice(0, MAX_AXES_PER_PARTNER_TYPE);
  return ids.length > 0 ? ids.join(',') : undefined;
}

/** The filter's item per axis: which of the axis's items is in the list, if any. */
export function filterItemIds(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}
