import { Grid, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type {
  ClassificationAssignment,
  PartnerType,
} from '../../../server/modules/partners/classifications/classification.schema';
import { classificationAxesQueryOptions } from '../../api/classifications';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n/i18n';

/**
 * The 分類 panel of a partner form: one select per axis, at most one item each. Unset axes are
 * simply left out of the value, which is what the API stores.
 */
export function ClassificationSelects(props: {
  partnerType: PartnerType;
  value: readonly ClassificationAssignment[];
  onChange: (value: ClassificationAssignment[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const axes = useQuery(classificationAxesQueryOptions(props.partnerType));
  const list = axes.data?.axes ?? [];

  function set(axisId: string, itemId: string | null) {
    const others = props.value.filter((a) => a.axisId !== axisId);
    props.onChange(itemId ? [...others, { axisId, itemId }] : others);
  }

  return (
    <FormSection title={t.classifications.formSection}>
      {axes.isSuccess && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.classifications.formEmpty}
        </Text>
      ) : (
        <Grid gap="md">
          {list.map((axis) => (
            <Grid.Col key={axis.axisId} span={{ base: 12, sm: 6, md: 4 }}>
              <Select
                label={axis.name}
                placeholder={t.classifications.unassigned}
                data={axis.items.map((item) => ({ value: item.itemId, label: item.name }))}
                value={props.value.find((a) => a.axisId === axis.axisId)?.itemId ?? null}
                onChange={(itemId) => set(axis.axisId, itemId)}
                clearable
                searchable={axis.items.length > 10}
                nothingFoundMessage={t.classifications.noItems}
              />
            </Grid.Col>
          ))}
        </Grid>
      )}
      {props.error && (
        <Text size="sm" c="red" mt="xs">
          {props.error}
        </Text>
      )}
    </FormSection>
  );
}
