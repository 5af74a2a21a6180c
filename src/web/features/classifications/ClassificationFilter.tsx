import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PartnerType } from '../../../server/modules/partners/classifications/classification.schema';
import { classificationAxesQueryOptions } from '../../api/classifications';
import { useT } from '../../i18n/i18n';
import { filterItemIds } from './classification-filter-search';

/** One select per axis for a partner list; the chosen items must all match (AND). */
export function ClassificationFilter(props: {
  partnerType: PartnerType;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const t = useT();
  const axes = useQuery(classificationAxesQueryOptions(props.partnerType));
  const chosen = filterItemIds(props.value);

  return (axes.data?.axes ?? [])
    .filter((axis) => axis.items.length > 0)
    .map((axis) => {
      const mine = new Set(axis.items.map((item) => item.itemId));
      const current = chosen.find((id) => mine.has(id)) ?? null;
      return (
        <Select
          key={axis.axisId}
          label={axis.name}
          placeholder={t.classifications.filterAll}
          data={axis.items.map((item) => ({ value: item.itemId, label: item.name }))}
          value={current}
          clearable
          w={150}
          onChange={(itemId) => {
            const next = [...chosen.filter((id) => !mine.has(id)), ...(itemId ? [itemId] : [])];
            props.onChange(next.length > 0 ? next.join(',') : undefined);
          }}
        />
      );
    });
}
