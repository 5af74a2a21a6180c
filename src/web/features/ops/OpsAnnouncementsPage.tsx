import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type AnnouncementInput,
  announcementInputSchema,
  type OpsAnnouncement,
} from '../../../server/modules/announcements/announcement.schema';
import {
  createOpsAnnouncement,
  deleteOpsAnnouncement,
  opsAnnouncementsQueryOptions,
  publishOpsAnnouncement,
  unpublishOpsAnnouncement,
  updateOpsAnnouncement,
} from '../../api/ops';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { AnnouncementMarkdown } from '../announcements/AnnouncementMarkdown';

const empty: AnnouncementInput = { title: '', body: '' };

/** お知らせの作成と公開: Markdown with a preview; publication now or at a chosen time. */
export function OpsAnnouncementsPage() {
  const t = useT();
  const m = t.ops.announcements;
  const queryClient = useQueryClient();
  const list = useQuery(opsAnnouncementsQueryOptions);
  const [editing, setEditing] = useState<OpsAnnouncement | null>(null);
  const [input, setInput] = useState<AnnouncementInput>(empty);
  const [publishAt, setPublishAt] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof AnnouncementInput, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<OpsAnnouncement | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['ops', 'announcements'] });
  const reset = () => {
    setEditing(null);
    setInput(empty);
    setPublishAt('');
    setErrors({});
  };
  const save = useMutation({
    mutationFn: async (publish: boolean) => {
      const saved = editing
        ? await updateOpsAnnouncement(editing.announcementId, input)
        : await createOpsAnnouncement(input);
      if (!publish) return saved;
      const at = publishAt ? new Date(publishAt).toISOString() : undefined;
      return publishOpsAnnouncement(saved.announcementId, at);
    },
    onSuccess: async (saved) => {
      setNotice(saved.publishedAt ? m.published : m.savedDraft);
      reset();
      await refresh();
    },
  });
  const action = useMutation({
    mutationFn: async ({ kind, id }: { kind: 'unpublish' | 'delete'; id: string }) => {
      if (kind === 'unpublish') await unpublishOpsAnnouncement(id);
      else await deleteOpsAnnouncement(id);
    },
    onSuccess: async () => {
      setToDelete(null);
      await refresh();
    },
  });

  const submit = (publish: boolean) => {
    const parsed = announcementInputSchema.safeParse(input);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof AnnouncementInput;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setNotice(null);
    save.mutate(publish);
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={m.title} description={m.lead} />
      {notice && (
        <Text role="status" c="teal.8" fw={600} mb="sm">
          {notice}
        </Text>
      )}
      <Paper withBorder p="lg" mb="lg" style={{ borderColor: 'var(--akinai-panel-border)' }}>
        <FormSection title={editing ? m.editHeading : m.newHeading}>
          <Stack gap="sm">
            <TextInput
              label={m.fields.title}
              required
              value={input.title}
              error={errors.title}
              onChange={(e) => setInput({ ...input, title: e.currentTarget.value })}
            />
            <Tabs defaultValue="write" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="write">{m.write}</Tabs.Tab>
                <Tabs.Tab value="preview">{m.preview}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="write" pt="xs">
                <Textarea
                  label={m.fields.body}
                  description={m.bodyHint}
                  required
                  autosize
                  minRows={8}
                  maxRows={20}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  value={input.body}
                  error={errors.body}
                  onChange={(e) => setInput({ ...input, body: e.currentTarget.value })}
                />
              </Tabs.Panel>
              <Tabs.Panel value="preview" pt="xs">
                <Paper withBorder p="md" mih={180} data-testid="announcement-preview">
                  {input.body.trim() ? (
                    <AnnouncementMarkdown source={input.body} />
                  ) : (
                    <Text c="dimmed">{m.previewEmpty}</Text>
                  )}
                </Paper>
              </Tabs.Panel>
            </Tabs>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="datetime-local"
                label={m.fields.publishAt}
                description={m.publishAtHint}
                value={publishAt}
                onChange={(e) => setPublishAt(e.currentTarget.value)}
              />
            </SimpleGrid>
            {save.error && <ErrorAlert error={save.error} />}
            <Group gap="sm">
              <Button onClick={() => submit(true)} loading={save.isPending}>
                {publishAt ? m.schedule : m.publish}
              </Button>
              <Button variant="default" onClick={() => submit(false)} disabled={save.isPending}>
                {m.saveDraft}
              </Button>
              {editing && (
                <Button variant="subtle" color="gray" onClick={reset}>
                  {t.common.cancel}
                </Button>
              )}
            </Group>
          </Stack>
        </FormSection>
      </Paper>
      {(list.error || action.error) && <ErrorAlert error={list.error ?? action.error} />}
      <DataTable
        label={m.table}
        minWidth={860}
        highlightOnHover={false}
        empty={list.isSuccess && items.length === 0 ? m.empty : undefined}
        head={
          <>
            <Table.Th>{m.fields.title}</Table.Th>
            <Table.Th w={120}>{m.columns.state}</Table.Th>
            <Table.Th w={170}>{m.fields.publishAt}</Table.Th>
            <Table.Th w={140}>{m.columns.author}</Table.Th>
            <Table.Th w={230}>{m.columns.actions}</Table.Th>
          </>
        }
      >
        {items.map((item) => (
          <Table.Tr key={item.announcementId}>
            <Table.Td fw={600}>{item.title}</Table.Td>
            <Table.Td>
              <AnnouncementState publishedAt={item.publishedAt} />
            </Table.Td>
            <Table.Td className="akinai-numeric">
              {item.publishedAt ? formatJstDateTime(item.publishedAt) : '—'}
            </Table.Td>
            <Table.Td>{item.operatorLoginId ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    setEditing(item);
                    setInput({ title: item.title, body: item.body });
                    setPublishAt('');
                    setNotice(null);
                    window.scrollTo({ top: 0 });
                  }}
                >
                  {m.edit}
                </Button>
                {item.publishedAt && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => action.mutate({ kind: 'unpublish', id: item.announcementId })}
                  >
                    {m.unpublish}
                  </Button>
                )}
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setToDelete(item)}
                >
                  {m.delete}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog
        opened={toDelete !== null}
        title={m.deleteTitle}
        body={toDelete ? m.confirmDelete(toDelete.title) : ''}
        confirmLabel={m.delete}
        busy={action.isPending}
        onConfirm={() => toDelete && action.mutate({ kind: 'delete', id: toDelete.announcementId })}
        onCancel={() => setToDelete(null)}
      />
    </>
  );
}

function AnnouncementState({ publishedAt }: { publishedAt: string | null }) {
  const m = useT().ops.announcements.state;
  if (!publishedAt)
    return (
      <Badge color="gray" variant="light">
        {m.draft}
      </Badge>
    );
  if (new Date(publishedAt).getTime() > Date.now())
    return (
      <Badge color="orange" variant="light">
        {m.scheduled}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {m.published}
    </Badge>
  );
}
