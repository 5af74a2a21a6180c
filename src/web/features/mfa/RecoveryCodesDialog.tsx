import { Button, CopyButton, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';

/** The ten recovery codes, shown exactly once right after enrolment. */
export function RecoveryCodesDialog({
  codes,
  onClose,
}: {
  codes: string[] | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={codes !== null}
      onClose={onClose}
      title={t.mfa.recoveryTitle}
      closeOnClickOutside={false}
      withCloseButton={false}
      centered
      size="md"
    >
      {codes && (
        <Stack gap="md">
          <Text size="sm">{t.mfa.recoveryLead}</Text>
          <SimpleGrid
            cols={2}
            spacing="xs"
            data-testid="recovery-codes"
            p="md"
            style={{ background: '#f3f5f8', borderRadius: 6, fontFamily: 'monospace' }}
          >
            {codes.map((code) => (
              <Text key={code} ff="monospace" fz="md" ta="center" style={{ userSelect: 'all' }}>
                {code}
              </Text>
            ))}
          </SimpleGrid>
          <Group justify="space-between">
            <CopyButton value={codes.join('\n')}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t.mfa.copied : t.mfa.copyAll}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t.mfa.recoveryDone}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
