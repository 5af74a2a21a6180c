import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ClassificationAxis,
  MAX_AXES_PER_PARTNER_TYPE,
  type PartnerType,
} from '../../../server/modules/partners/classifications/classification.schema';
import {
  classificationAxesQueryOptions,
  classificationKeys,
  reorderAxes,
} from '../../api/classifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { AxisNameDialog } from './AxisNameDialog';
import { AxisSection } from './AxisSection';
import { moved } from './move';

/** Every axis of one partner type, in order, each with its items. */
export function PartnerTypeClassifications({ partnerType }: { partnerType: PartnerType }) {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(classificationAxesQueryOptions(partnerType));
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: classificationKeys.all });
  const full = data.axes.length >= MAX_AXES_PER_PARTNER_TYPE;

  const reorder = useMutation({
    mutationFn: (axes: ClassificationAxis[]) =>
      reorderAxes({
        partnerType,
        axes: axes.map((axis) => ({ axisId: axis.axisId, version: axis.version })),
      }),
    onSettled: refresh,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {full
            ? t.classifications.axisLimit(MAX_AXES_PER_PARTNER_TYPE)
            : t.classifications.axisCount(data.axes.length, MAX_AXES_PER_PARTNER_TYPE)}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          disabled={full}
          onClick={() => setAdding(true)}
        >
          {t.classifications.addAxis}
        </Button>
      </Group>
      {reorder.error && (
        <ErrorAlert error={reorder.error} title={t.classifications.reorderFailed} />
      )}
      {data.axes.length === 0 && (
        <Text c="dimmed" ta="center" p="xl" size="sm">
          {t.classifications.noAxes}
        </Text>
      )}
      {data.axes.map((axis, index) => (
        <AxisSection
          key={axis.axisId}
          axis={axis}
          isFirst={index === 0}
          isLast={index === data.axes.length - 1}
          busy={reorder.isPending}
          onMove={(step) => reorder.mutate(moved(data.axes, index, step))}
          onChanged={refresh}
        />
      ))}
      {adding && (
        <AxisNameDialog
          partnerType={partnerType}
          axis={null}
          onClose={() => setAdding(false)}
          onSaved={async (saved) => {
            await refresh();
            flash(t.classifications.saved(saved.name));
            setAdding(false);
          }}
        />
      )}
    </Stack>
  );
}
