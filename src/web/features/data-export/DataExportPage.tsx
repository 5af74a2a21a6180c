import { Alert, Button, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../api/download';
import { errorMessage } from '../../api/error-message';
import { useMe } from '../../auth/session';
import { IconAlert, IconDownload } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatContractDate } from './contract-dates';

/** 全データのエクスポート: the whole tenant as one ZIP, before or after the contract ends. */
export function DataExportPage() {
  const t = useT();
  const [language] = useLanguage();
  const texts = t.dataExport;
  const contract = useMe().tenant.contract;
  // Through fetch, not a link: a second click while an export runs gets the 429's message.
  const download = useMutation({
    mutationFn: () => downloadFile('/api/v1/data-export', 'akinai-export.zip'),
  });
  return (
    <>
      <PageHeader
        help="data-export"
        title={texts.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: texts.title }]}
        description={texts.lead}
      />
      {contract.readOnly && contract.endedAt && contract.purgeAt && (
        <Alert
          color="red"
          variant="light"
          mb="md"
          icon={<IconAlert size={18} />}
          title={texts.endedTitle}
        >
          {texts.endedBody(
            formatContractDate(contract.endedAt, language),
            formatContractDate(contract.purgeAt, language),
          )}
        </Alert>
      )}
      <Paper withBorder p="md" style={{ borderColor: 'var(--akinai-panel-border)' }}>
        <Stack gap="md">
          <div>
            <Text fz="sm" fw={700} component="h2" m={0} mb={6}>
              {texts.contentsTitle}
            </Text>
            <Table withTableBorder verticalSpacing={6} fz="sm">
              <Table.Tbody>
                {texts.contents.map(([file, description]) => (
                  <Table.Tr key={file}>
                    <Table.Td w={220}>
                      <Code>{file}</Code>
                    </Table.Td>
                    <Table.Td>{description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <div>
            <Text fz="sm" fw={700} component="h2" m={0} mb={4}>
              {texts.formatTitle}
            </Text>
            <Text fz="sm">{texts.format}</Text>
          </div>
          {download.isPending && (
            <Text fz="sm" role="status">
              {texts.preparing}
            </Text>
          )}
          {download.error && (
            <Alert color="red" variant="light" icon={<IconAlert size={18} />} role="alert">
              {errorMessage(download.error, t, language)}
            </Alert>
          )}
          <Group justify="space-between" align="center" wrap="wrap" gap="md">
            <Text fz="xs" c="dimmed" maw={560}>
              {texts.audited}
            </Text>
            <Button
              onClick={() => download.mutate()}
              loading={download.isPending}
              leftSection={<IconDownload size={16} />}
            >
              {texts.download}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
