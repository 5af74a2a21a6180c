import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClassificationItem } from '../../../server/modules/partners/classifications/classification.schema';
import type { ItemDeletion } from '../../api/classifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';

/**
 * Asked when what is being deleted is in use: the partners using it are moved to another item
 * of the same axis or lose the classification. Nothing happens without a choice.
 */
export function InUseDialog(props: {
  /** The item being deleted; null when it is a whole axis (which can only be cleared). */
  item: ClassificationItem | null;
  name: string;
  usageCount: number;
  /** The other items of the axis, the possible move targets. */
  targets: ClassificationItem[];
  busy: boolean;
  error: unknown;
  onConfirm: (choice: Exclude<ItemDeletion, { resolution?: undefined }>) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const canMove = props.item !== null && props.targets.length > 0;
  const [choice, setChoice] = useState<'move' | 'clear'>(canMove ? 'move' : 'clear');
  const [target, setTarget] = useState<string | null>(null);
  const count = formatCount(props.usageCount, language);
  const ready = choice === 'clear' || target !== null;

  return (
    <Modal opened onClose={props.onCancel} title={t.classifications.inUseTitle} centered size="md">
      <Stack gap="md">
        <Alert color="orange" variant="light">
          <Text size="sm">
            {props.item
              ? t.classifications.inUseItemBody(props.name, count)
              : t.classifications.inUseAxisBody(props.name, count)}
          </Text>
        </Alert>
        {props.error ? (
          <ErrorAlert error={props.error} title={t.classifications.removeFailed} />
        ) : null}
        {props.item && (
          <Radio.Group value={choice} onChange={(value) => setChoice(value as 'move' | 'clear')}>
            <Stack gap="sm">
              <Radio value="move" label={t.classifications.moveTo} disabled={!canMove} />
              {choice === 'move' && (
                <Select
                  ml={30}
                  w={280}
                  label={t.classifications.moveTarget}
                  data={props.targets.map((item) => ({
                    value: item.itemId,
                    label: `${item.code}  ${item.name}`,
                  }))}
                  value={target}
                  onChange={setTarget}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              <Radio value="clear" label={t.classifications.clear} />
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t.common.cancel}
          </Button>
          <Button
            color="red"
            loading={props.busy}
            disabled={!ready}
            onClick={() =>
              props.onConfirm(
                choice === 'move' && target
                  ? { resolution: 'move', targetItemId: target }
                  : { resolution: 'clear' },
              )
            }
          >
            {t.classifications.confirmDelete}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
