import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

export interface ShownPassword {
  userName: string;
  password: string;
  expiresAt: string;
}

/** Shows a generated initial password exactly once; closing it is the only way on. */
export function InitialPasswordDialog({
  shown,
  onClose,
}: {
  shown: ShownPassword | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title={t.userForm.passwordDialogTitle}
      closeOnClickOutside={false}
      centered
      size="lg"
    >
      {shown && (
        <Stack gap="md">
          <Text size="sm">{t.userForm.passwordDialogLead(shown.userName)}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code
              data-testid="initial-password"
              fz="lg"
              px="md"
              py="xs"
              style={{ flex: 1, letterSpacing: '0.06em', userSelect: 'all' }}
            >
              {shown.password}
            </Code>
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  miw={110}
                >
                  {copied ? t.userForm.copied : t.userForm.copy}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light">
            {t.userForm.passwordDialogExpiry(formatJstDateTime(shown.expiresAt))}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t.common.close}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
