import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PartnerType } from '../../../server/modules/partners/classifications/classification.schema';
import type { PartnerSearchInput } from '../../../server/modules/partners/shared/partner.schema';
import { bulkClassifyPartners, classificationAxesQueryOptions } from '../../api/classifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';

/** 一括分類設定: one axis, then one of its items or 分類を外す, for the chosen partners. */
export function BulkClassifyDialog(props: {
  partnerType: PartnerType;
  target:
    | { kind: 'selected'; partnerIds: string[] }
    | { kind: 'search'; search: PartnerSearchInput };
  count: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const noun = t.classifications.partnerNouns[props.partnerType];
  const axes = useQuery(classificationAxesQueryOptions(props.partnerType));
  const list = axes.data?.axes ?? [];
  const [axisId, setAxisId] = useState<string | null>(null);
  const [mode, setMode] = useState<'set' | 'clear'>('set');
  const [itemId, setItemId] = useState<string | null>(null);
  const axis = list.find((a) => a.axisId === axisId);
  const ready = axis !== undefined && (mode === 'clear' || itemId !== null);

  const apply = useMutation({
    mutationFn: () =>
      bulkClassifyPartners(props.partnerType, {
        axisId: axisId!,
        itemId: mode === 'clear' ? null : itemId,
        target: props.target,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({
        queryKey: [props.partnerType === 'customer' ? 'customers' : 'suppliers'],
      });
      flash(t.classifications.bulkDone(formatCount(result.changed, language), noun));
      props.onDone();
    },
  });

  return (
    <Modal opened onClose={props.onClose} title={t.classifications.bulkTitle} centered>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {t.classifications.bulkTarget(formatCount(props.count, language), noun)}
        </Text>
        {apply.error && <ErrorAlert error={apply.error} title={t.classifications.bulkFailed} />}
        <Select
          label={t.classifications.bulkAxis}
          data={list.map((a) => ({ value: a.axisId, label: a.name }))}
          value={axisId}
          onChange={(value) => {
            setAxisId(value);
            setItemId(null);
          }}
          allowDeselect={false}
          withAsterisk
        />
        {axis && (
          <Radio.Group value={mode} onChange={(value) => setMode(value as 'set' | 'clear')}>
            <Stack gap="sm">
              <Radio value="set" label={t.classifications.bulkItem} />
              {mode === 'set' && (
                <Select
                  ml={30}
                  aria-label={t.classifications.bulkItem}
                  data={axis.items.map((item) => ({ value: item.itemId, label: item.name }))}
                  value={itemId}
                  onChange={setItemId}
                  allowDeselect={false}
                  nothingFoundMessage={t.classifications.noItems}
                />
              )}
              <Radio value="clear" label={t.classifications.bulkClear} />
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button disabled={!ready} loading={apply.isPending} onClick={() => apply.mutate()}>
            {t.classifications.bulkApply}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
