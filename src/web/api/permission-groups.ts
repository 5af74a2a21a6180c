import { queryOptions } from '@tanstack/react-query';
import type {
  PermissionGroup,
  PermissionGroupCopy,
  PermissionGroupCreate,
  PermissionGroupList,
  PermissionGroupUpdate,
} from '../../server/modules/identity/permission-group.schema';
import { apiRequest } from './client';
import { userKeys } from './users';

/** The list doubles as the user form's choices, so both screens share one cache entry. */
export const permissionGroupKeys = {
  list: userKeys.groups,
  detail: (groupId: string) => ['permission-groups', 'detail', groupId] as const,
};

const groupPath = (groupId: string) => `/permission-groups/${encodeURIComponent(groupId)}`;

export const permissionGroupListQueryOptions = queryOptions({
  queryKey: permissionGroupKeys.list,
  queryFn: ({ signal }) => apiRequest<PermissionGroupList>('GET', '/permission-groups', { signal }),
});

export function permissionGroupQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: permissionGroupKeys.detail(groupId),
    queryFn: ({ signal }) => apiRequest<PermissionGroup>('GET', groupPath(groupId), { signal }),
  });
}

export function createPermissionGroup(input: PermissionGroupCreate): Promise<PermissionGroup> {
  return apiRequest<PermissionGroup>('POST', '/permission-groups', { body: input });
}

export function updatePermissionGroup(
  groupId: string,
  input: PermissionGroupUpdate,
): Promise<PermissionGroup> {
  return apiRequest<PermissionGroup>('PUT', groupPath(groupId), { body: input });
}

export function copyPermissionGroup(
  groupId: string,
  input: PermissionGroupCopy,
): Promise<PermissionGroup> {
  return apiRequest<PermissionGroup>('POST', `${groupPath(groupId)}/copy`, { body: input });
}

export function deletePermissionGroup(groupId: string): Promise<void> {
  return apiRequest<void>('DELETE', groupPath(groupId));
}
