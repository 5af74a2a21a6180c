import { Code, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { formatJstSeconds } from '../../../domain/time/jst';
import type { AuditEntry } from '../../../server/modules/audit-log/audit-log.schema';
import { useT } from '../../i18n/i18n';
import { actorText, targetDetailText } from './audit-text';

/** One entry in full: who, when (JST), from where, and the before/after it recorded. */
export function AuditEntryDrawer(props: { entry: AuditEntry | null; onClose: () => void }) {
  const t = useT();
  const texts = t.auditLog.detail;
  const entry = props.entry;
  return (
    <Drawer
      opened={entry !== null}
      onClose={props.onClose}
      title={texts.title}
      position="right"
      size="lg"
    >
      {entry && (
        <Stack gap="md">
          <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {[
                [texts.seq, String(entry.seq)],
                [texts.occurredAt, `${formatJstSeconds(new Date(entry.occurredAt))} JST`],
                [texts.event, `${entry.eventLabel}（${entry.event}）`],
                [texts.actor, actorText(entry, t)],
                [texts.target, targetDetailText(entry, t) || '—'],
                [texts.ip, entry.ip ?? '—'],
                [texts.userAgent, entry.userAgent ?? '—'],
                [texts.requestId, entry.requestId ?? '—'],
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={130} style={{ background: '#f3f5f8' }}>
                    {label}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group grow align="flex-start">
            <JsonBlock label={texts.before} value={entry.before} none={texts.none} />
            <JsonBlock label={texts.after} value={entry.after} none={texts.none} />
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}

function JsonBlock(props: { label: string; value: unknown; none: string }) {
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={700}>
        {props.label}
      </Text>
      {props.value === null || props.value === undefined ? (
        <Text fz="sm" c="dimmed">
          {props.none}
        </Text>
      ) : (
        <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(props.value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}
