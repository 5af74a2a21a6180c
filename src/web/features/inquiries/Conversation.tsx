import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { InquiryDetail } from '../../../server/modules/inquiries/inquiry.schema';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

const statusColors: Record<string, string> = { open: 'orange', answered: 'teal', closed: 'gray' };

export function InquiryStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'}>
      {t.inquiries.statuses[status] ?? status}
    </Badge>
  );
}

/** The messages of one inquiry, as both the asking user and the operator see them. */
export function Conversation({ messages }: { messages: InquiryDetail['messages'] }) {
  const t = useT();
  return (
    <Stack gap="sm" data-testid="inquiry-conversation">
      {messages.map((message) => {
        const fromSupport = message.author === 'operator';
        return (
          <Paper
            key={`${message.postedAt}-${message.author}`}
            withBorder
            p="sm"
            radius="md"
            ml={fromSupport ? 0 : 'xl'}
            mr={fromSupport ? 'xl' : 0}
            bg={fromSupport ? 'var(--mantine-color-blue-0)' : undefined}
          >
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={700}>
                {fromSupport ? t.inquiries.support : message.authorName}
              </Text>
              <Text size="xs" c="dimmed" className="akinai-numeric">
                {formatJstDateTime(message.postedAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
