import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditFilter, CsvEncoding } from '../../../server/modules/audit-log/audit-log.schema';
import { auditExportUrl } from '../../api/audit-log';
import { downloadFile } from '../../api/download';
import { errorMessage } from '../../api/error-message';
import { useLanguage, useT } from '../../i18n/i18n';

/** CSV download of the current filter; the encoding choice says what Shift_JIS will lose. */
export function AuditExportPanel({ filter }: { filter: AuditFilter }) {
  const t = useT();
  const texts = t.auditLog.export;
  const [language] = useLanguage();
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  // Through fetch, not a link: a refusal (another export running) shows as a message here.
  const download = useMutation({
    mutationFn: () => downloadFile(auditExportUrl(filter, encoding), 'audit-log.csv'),
  });
  return (
    <Paper withBorder p="md" mt="md" style={{ borderColor: 'var(--akinai-panel-border)' }}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Text fz="sm" fw={700} component="h2" m={0}>
            {texts.title}
          </Text>
          <Group gap="sm" align="center">
            <Text fz="sm">{texts.encoding}</Text>
            <SegmentedControl
              size="xs"
              aria-label={texts.encoding}
              value={encoding}
              onChange={(value) => setEncoding(value as CsvEncoding)}
              data={[
                { value: 'utf8', label: texts.utf8 },
                { value: 'cp932', label: texts.cp932 },
              ]}
            />
          </Group>
          <Text fz="xs" c="dimmed" maw={640}>
            {encoding === 'cp932' ? texts.cp932Note : texts.note}
          </Text>
          {encoding === 'cp932' && (
            <Text fz="xs" c="dimmed">
              {texts.note}
            </Text>
          )}
        </Stack>
        <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
          {texts.button}
        </Button>
      </Group>
      {download.error && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {errorMessage(download.error, t, language)}
        </Alert>
      )}
    </Paper>
  );
}
