import { Alert, Group, Stack, Text } from '@mantine/core';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { inquiryQueryOptions, replyInquiry } from '../../api/inquiries';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { Conversation, InquiryStatusBadge } from './Conversation';
import { ReplyBox } from './ReplyBox';

/** One inquiry: the conversation with support and the reply box while it is not closed. */
export function InquiryDetailPage() {
  const t = useT();
  const q = t.inquiries;
  const queryClient = useQueryClient();
  const { inquiryId } = useParams({ from: '/_app/inquiries/$inquiryId' });
  const inquiry = useSuspenseQuery(inquiryQueryOptions(inquiryId)).data;
  return (
    <>
      <PageHeader
        title={inquiry.subject}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: q.title, to: '/inquiries' },
          { label: inquiry.subject },
        ]}
      />
      <Stack gap="md" maw={860}>
        <Group gap="sm">
          <InquiryStatusBadge status={inquiry.status} />
          <Text size="sm" c="dimmed">
            {q.categories[inquiry.category]}
          </Text>
        </Group>
        <FormSection title={q.conversation}>
          <Conversation messages={inquiry.messages} />
        </FormSection>
        {inquiry.status === 'closed' ? (
          <Alert color="gray" variant="light">
            {q.closedHint}
          </Alert>
        ) : (
          <ReplyBox
            label={q.replyLabel}
            action={q.reply}
            send={(body) => replyInquiry(inquiryId, body)}
            onSent={() => queryClient.invalidateQueries({ queryKey: ['inquiries'] })}
          />
        )}
      </Stack>
    </>
  );
}
