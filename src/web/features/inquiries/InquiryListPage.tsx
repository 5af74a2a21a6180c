import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type InquiryCategory,
  inquiryCategories,
} from '../../../server/modules/inquiries/inquiry.schema';
import { isApiError } from '../../api/client';
import { createInquiry, inquiriesQueryOptions } from '../../api/inquiries';
import { DataTable, RowLink } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { InquiryStatusBadge } from './Conversation';

const fieldError = (error: unknown, field: string) =>
  isApiError(error) ? (error.fieldErrors()[field] ?? undefined) : undefined;

/** お問い合わせ: the signed-in user's own conversations with the provider. */
export function InquiryListPage() {
  const t = useT();
  const q = t.inquiries;
  const navigate = useNavigate();
  const list = useQuery(inquiriesQueryOptions);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={q.title}
        description={q.description}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: q.title }]}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {q.create}
          </Button>
        }
      />
      {list.error && <ErrorAlert error={list.error} />}
      <DataTable
        label={q.table}
        minWidth={800}
        empty={list.isSuccess && items.length === 0 ? q.empty : undefined}
        head={
          <>
            <Table.Th>{q.subject}</Table.Th>
            <Table.Th w={140}>{q.category}</Table.Th>
            <Table.Th w={120}>{q.status}</Table.Th>
            <Table.Th w={160}>{q.createdAt}</Table.Th>
            <Table.Th w={160}>{q.updatedAt}</Table.Th>
          </>
        }
      >
        {items.map((inquiry) => (
          <Table.Tr
            key={inquiry.inquiryId}
            className="akinai-row"
            onClick={() =>
              navigate({ to: '/inquiries/$inquiryId', params: { inquiryId: inquiry.inquiryId } })
            }
          >
            <Table.Td>
              <RowLink
                render={(props) => (
                  <Link
                    {...props}
                    to="/inquiries/$inquiryId"
                    params={{ inquiryId: inquiry.inquiryId }}
                  />
                )}
              >
                {inquiry.subject}
              </RowLink>
            </Table.Td>
            <Table.Td>{q.categories[inquiry.category]}</Table.Td>
            <Table.Td>
              <InquiryStatusBadge status={inquiry.status} />
            </Table.Td>
            <Table.Td className="akinai-numeric">{formatJstDateTime(inquiry.createdAt)}</Table.Td>
            <Table.Td className="akinai-numeric">{formatJstDateTime(inquiry.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <NewInquiryDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function NewInquiryDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const q = t.inquiries;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<InquiryCategory>('usage');
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => createInquiry({ subject, category, body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: inquiriesQueryOptions.queryKey });
      onClose();
      await navigate({ to: '/inquiries/$inquiryId', params: { inquiryId: created.inquiryId } });
    },
  });
  const fieldFailed = ['subject', 'category', 'body'].some((f) => fieldError(send.error, f));
  return (
    <Modal opened={opened} onClose={onClose} title={q.newTitle} size="lg">
      <Stack gap="sm">
        {send.error && !fieldFailed && <ErrorAlert error={send.error} />}
        <TextInput
          label={q.subject}
          withAsterisk
          value={subject}
          error={fieldError(send.error, 'subject')}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <NativeSelect
          label={q.category}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as InquiryCategory)}
          data={inquiryCategories.map((value) => ({ value, label: q.categories[value] ?? '' }))}
        />
        <Textarea
          label={q.body}
          withAsterisk
          autosize
          minRows={5}
          value={body}
          error={fieldError(send.error, 'body')}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.incidents.cancel}
          </Button>
          <Button loading={send.isPending} onClick={() => send.mutate()}>
            {q.send}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
