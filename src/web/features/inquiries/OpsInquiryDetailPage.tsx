import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { answerInquiry, closeInquiry, opsInquiryQueryOptions } from '../../api/inquiries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { Conversation, InquiryStatusBadge } from './Conversation';
import { ReplyBox } from './ReplyBox';

/** One tenant's inquiry in the console: the conversation, the answer box and closing. */
export function OpsInquiryDetailPage() {
  const t = useT();
  const q = t.inquiries;
  const queryClient = useQueryClient();
  const { inquiryId } = useParams({ from: '/ops/_console/inquiries/$inquiryId' });
  const inquiry = useSuspenseQuery(opsInquiryQueryOptions(inquiryId)).data;
  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: ['ops', 'inquiries'] })
      .then(() =>
        queryClient.invalidateQueries({ queryKey: opsInquiryQueryOptions(inquiryId).queryKey }),
      );
  const close = useMutation({ mutationFn: () => closeInquiry(inquiryId), onSuccess: refresh });
  return (
    <>
      <PageHeader
        title={inquiry.subject}
        crumbs={[{ label: q.opsTitle, to: '/ops/inquiries' }, { label: inquiry.subject }]}
        actions={
          inquiry.status !== 'closed' && (
            <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
              {q.close}
            </Button>
          )
        }
      />
      <Stack gap="md" maw={860}>
        {close.error && <ErrorAlert error={close.error} />}
        <Group gap="sm">
          <InquiryStatusBadge status={inquiry.status} />
          <Text size="sm" className="akinai-numeric" fw={600}>
            {inquiry.tenantCode}
          </Text>
          <Text size="sm" c="dimmed">
            {inquiry.tenantName} ・ {inquiry.createdByName} ・ {q.categories[inquiry.category]}
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
            label={q.answerLabel}
            action={q.answer}
            send={(body) => answerInquiry(inquiryId, body)}
            onSent={refresh}
          />
        )}
      </Stack>
    </>
  );
}
