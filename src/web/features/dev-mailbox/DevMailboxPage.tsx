import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import type { DevMailbox } from '../../../server/platform/mail/dev-mailbox.schema';
import { isApiError } from '../../api/client';
import { fetchDevMailbox } from '../../api/dev-mailbox';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { rememberedTenantCode } from '../login/LoginPage';

type Mail = DevMailbox['mails'][number];

const statusColor = { queued: 'yellow', sent: 'green', failed: 'red' } as const;

/**
 * Development only: the outgoing mail of one organisation, so a developer can follow a reset
 * link without a mail server. The API answers 404 in production and when SMTP is configured.
 */
export function DevMailboxPage() {
  const t = useT();
  useDocumentTitle(t.devMailbox.title);
  const [input, setInput] = useState(rememberedTenantCode);
  const [tenantCode, setTenantCode] = useState(rememberedTenantCode);
  const mailbox = useQuery({
    queryKey: ['dev-mailbox', tenantCode],
    queryFn: ({ signal }) => fetchDevMailbox(tenantCode, signal),
    enabled: tenantCode !== '',
    retry: false,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (input.trim() === tenantCode) void mailbox.refetch();
    setTenantCode(input.trim());
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="md">
        <Title order={1} fz={22}>
          {t.devMailbox.title}
        </Title>
        <Alert color="orange" variant="light">
          {t.devMailbox.notice}
        </Alert>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput
              label={t.devMailbox.tenantCode}
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              w={240}
            />
            <Button type="submit">{tenantCode ? t.devMailbox.refresh : t.devMailbox.show}</Button>
          </Group>
        </form>
        {isApiError(mailbox.error, 'not_found') ? (
          <Alert color="gray" variant="light">
            {t.devMailbox.unavailable}
          </Alert>
        ) : (
          mailbox.error && <ErrorAlert error={mailbox.error} />
        )}
        {mailbox.data && mailbox.data.mails.length === 0 && (
          <Text c="dimmed" size="sm">
            {t.devMailbox.empty}
          </Text>
        )}
        {mailbox.data?.mails.map((mail) => (
          <MailCard key={mail.mailId} mail={mail} />
        ))}
      </Stack>
    </Container>
  );
}

function MailCard({ mail }: { mail: Mail }) {
  const t = useT();
  return (
    <Card withBorder padding="md" component="article" aria-label={mail.subject}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={2}>
          <Text fw={700}>{mail.subject}</Text>
          <Text size="xs" c="dimmed">
            {t.devMailbox.to}: {mail.recipients.join(', ')} ・ {formatJstDateTime(mail.createdAt)}
          </Text>
        </Stack>
        <Badge variant="light" color={statusColor[mail.status]}>
          {mail.transport === 'dev_mailbox'
            ? t.devMailbox.devMailbox
            : t.devMailbox.status[mail.status]}
        </Badge>
      </Group>
      <Box
        component="pre"
        m={0}
        fz="sm"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: 'inherit' }}
      >
        <Linkified text={mail.body} />
      </Box>
    </Card>
  );
}

/** Turns the URLs of a plain-text body into links; everything else stays text. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // Same-origin in development; the path is what matters.
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <Anchor key={index} href={part}>
            {part}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
