import { queryOptions } from '@tanstack/react-query';
import type { PasswordChange } from '../../server/modules/identity/identity.schema';
import type { PermissionGroupList } from '../../server/modules/identity/permission-group.schema';
import type {
  CreatedUser,
  InitialPasswordRequest,
  IssuedInitialPassword,
  User,
  UserCreate,
  UserList,
  UserUpdate,
} from '../../server/modules/identity/user.schema';
import { apiRequest } from './client';

export const userKeys = {
  all: ['users'] as const,
  list: ['users', 'list'] as const,
  detail: (userId: string) => ['users', 'detail', userId] as const,
  groups: ['permission-groups'] as const,
};

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

export const userListQueryOptions = queryOptions({
  queryKey: userKeys.list,
  queryFn: ({ signal }) => apiRequest<UserList>('GET', '/users', { signal }),
});

export function userQueryOptions(userId: string) {
  return queryOptions({
    queryKey: userKeys.detail(userId),
    queryFn: ({ signal }) => apiRequest<User>('GET', userPath(userId), { signal }),
  });
}

export const permissionGroupOptionsQueryOptions = queryOptions({
  queryKey: userKeys.groups,
  queryFn: ({ signal }) => apiRequest<PermissionGroupList>('GET', '/permission-groups', { signal }),
});

export function createUser(input: UserCreate): Promise<CreatedUser> {
  return apiRequest<CreatedUser>('POST', '/users', { body: input });
}

export function updateUser(userId: string, input: UserUpdate): Promise<User> {
  return apiRequest<User>('PUT', userPath(userId), { body: input });
}

export function deleteUser(userId: string): Promise<void> {
  return apiRequest<void>('DELETE', userPath(userId));
}

export function reissueInitialPassword(
  userId: string,
  input: InitialPasswordRequest,
): Promise<IssuedInitialPassword> {
  return apiRequest<IssuedInitialPassword>('POST', `${userPath(userId)}/initial-password`, {
    body: input,
  });
}

export function changePassword(input: PasswordChange): Promise<void> {
  return apiRequest<void>('POST', '/auth/password', { body: input });
}

export function unlockUser(userId: string): Promise<void> {
  return apiRequest<void>('POST', `${userPath(userId)}/unlock`);
}

export function resetUserMfa(userId: string): Promise<void> {
  return apiRequest<void>('POST', `${userPath(userId)}/mfa/reset`);
}

export function revokeUserSessions(userId: string): Promise<{ ended: number }> {
  return apiRequest('POST', `${userPath(userId)}/sessions/revoke`);
}
