import { queryOptions } from '@tanstack/react-query';
import type { Announcement } from '../../server/modules/announcements/announcement.schema';
import { apiRequest } from './client';

export const announcementKeys = {
  list: ['announcements'] as const,
  unread: ['announcements', 'unread'] as const,
};

export const announcementListQueryOptions = queryOptions({
  queryKey: announcementKeys.list,
  queryFn: ({ signal }) =>
    apiRequest<{ items: Announcement[] }>('GET', '/announcements', { signal }),
});

/** The main menu's 「NEW!」: refetched whenever the menu is shown again. */
export const unreadAnnouncementsQueryOptions = queryOptions({
  queryKey: announcementKeys.unread,
  queryFn: ({ signal }) =>
    apiRequest<{ unread: number }>('GET', '/announcements/unread', { signal }),
  staleTime: 0,
});

export const markAllAnnouncementsRead = () => apiRequest<void>('POST', '/announcements/read');
