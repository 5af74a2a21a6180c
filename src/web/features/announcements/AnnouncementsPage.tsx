import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  announcementKeys,
  announcementListQueryOptions,
  markAllAnnouncementsRead,
} from '../../api/announcements';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { AnnouncementMarkdown } from './AnnouncementMarkdown';

/**
 * お知らせ: the provider's release notes, newest first. Opening the page marks what it shows as
 * read; the 「NEW!」 marks stay on this visit so the user still sees which ones are new.
 */
export function AnnouncementsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const list = useQuery(announcementListQueryOptions);
  const markRead = useMutation({
    mutationFn: markAllAnnouncementsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: announcementKeys.unread }),
  });
  const hasUnread = list.data?.items.some((item) => item.isUnread) ?? false;
  const { mutate } = markRead;
  useEffect(() => {
    if (hasUnread) mutate();
  }, [hasUnread, mutate]);

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t.announcements.title}
        crumbs={[{ label: t.menu.heading, to: '/' }]}
        description={t.announcements.lead}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t.announcements.empty}</Text>
        </Paper>
      )}
      <Stack gap="md">
        {items.map((item) => (
          <Paper
            key={item.announcementId}
            component="article"
            withBorder
            p="lg"
            aria-labelledby={`announcement-${item.announcementId}`}
            style={{ borderColor: 'var(--akinai-panel-border)' }}
          >
            <Group gap="sm" mb={4}>
              <Text size="sm" c="dimmed" className="akinai-numeric">
                {formatJstDateTime(item.publishedAt)}
              </Text>
              {item.isUnread && (
                <Badge color="red" size="sm" radius="sm">
                  NEW!
                </Badge>
              )}
            </Group>
            <Title order={2} fz="lg" mb="sm" id={`announcement-${item.announcementId}`}>
              {item.title}
            </Title>
            <AnnouncementMarkdown source={item.body} />
          </Paper>
        ))}
      </Stack>
    </>
  );
}
