import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { downloadMasterFile, type FileFormat, type MasterKind } from '../../api/master-io';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconAlert, IconDownload } from '../../components/icons';
import { useT } from '../../i18n/i18n';

export const FILE_FORMATS: FileFormat[] = ['csv-utf8', 'csv-sjis', 'xlsx'];

interface ExportDialogProps {
  master: MasterKind;
  opened: boolean;
  onClose: () => void;
  /** The list's current search, so the file holds what the list shows. */
  filters: Record<string, string | undefined>;
}

/**
 * エクスポート: choose CSV UTF-8 / Shift_JIS / Excel. A Shift_JIS export with characters
 * Shift_JIS lacks is refused by the server with the cells listed; the user can take UTF-8.
 */
export function ExportDialog({ master, opened, onClose, filters }: ExportDialogProps) {
  const t = useT();
  const m = t.masterIo;
  const [format, setFormat] = useState<FileFormat>('csv-utf8');
  const download = useMutation({
    mutationFn: (chosen: FileFormat) =>
      downloadMasterFile(master, 'export', { ...filters, format: chosen }),
    onSuccess: () => onClose(),
  });
  const unencodable = isApiError(download.error, 'export_unencodable') ? download.error : null;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        download.reset();
        onClose();
      }}
      title={m.exportTitle(m.masters[master] ?? master)}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {m.exportLead}
        </Text>
        <Radio.Group
          label={m.formatLabel}
          value={format}
          onChange={(value) => {
            download.reset();
            setFormat(value as FileFormat);
          }}
        >
          <Stack gap="xs" mt="xs">
            {FILE_FORMATS.map((value) => (
              <Radio
                key={value}
                value={value}
                label={m.formats[value]}
                description={m.formatHints[value]}
              />
            ))}
          </Stack>
        </Radio.Group>

        {unencodable ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlert size={18} />}
            title={m.unencodableTitle}
          >
            <Stack gap="xs">
              <Text size="sm">{unencodable.problem?.detail ?? m.unencodableLead}</Text>
              <ScrollArea.Autosize mah={200}>
                <Table fz="sm" withRowBorders data-testid="unencodable-list">
                  <Table.Tbody>
                    {(unencodable.problem?.errors ?? []).map((error) => (
                      <Table.Tr key={error.path}>
                        <Table.Td>{error.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              <Group>
                <Button
                  variant="filled"
                  leftSection={<IconDownload size={16} />}
                  onClick={() => {
                    setFormat('csv-utf8');
                    download.mutate('csv-utf8');
                  }}
                >
                  {m.useUtf8}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          download.isError && <ErrorAlert error={download.error} />
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {m.close}
          </Button>
          <Button
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() => download.mutate(format)}
          >
            {m.download}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
