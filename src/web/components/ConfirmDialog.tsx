import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/i18n';

/** A yes/no question before an action that cannot be taken back. */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} centered>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t.common.cancel}
          </Button>
          <Button color={props.color ?? 'red'} loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
