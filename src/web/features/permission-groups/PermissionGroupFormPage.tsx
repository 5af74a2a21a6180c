import { Alert, Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Permission } from '../../../domain/access/permissions';
import type { PermissionGroup } from '../../../server/modules/identity/permission-group.schema';
import { isApiError } from '../../api/client';
import {
  copyPermissionGroup,
  createPermissionGroup,
  deletePermissionGroup,
  permissionGroupKeys,
  permissionGroupQueryOptions,
  updatePermissionGroup,
} from '../../api/permission-groups';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { CopyGroupDialog } from './CopyGroupDialog';
import { PermissionGroupForm } from './PermissionGroupForm';

function useGroupsChanged() {
  const queryClient = useQueryClient();
  return (group?: PermissionGroup) => {
    if (group) queryClient.setQueryData(permissionGroupKeys.detail(group.groupId), group);
    return queryClient.invalidateQueries({ queryKey: permissionGroupKeys.list });
  };
}

function useReturnToList() {
  const navigate = useNavigate();
  return () => navigate({ to: '/settings/permission-groups' });
}

function useCrumbs(title: string) {
  const t = useT();
  return [
    { label: t.shell.mainMenu, to: '/' as const },
    { label: t.permissionGroups.listTitle, to: '/settings/permission-groups' as const },
    { label: title },
  ];
}

export function PermissionGroupNewPage() {
  const t = useT();
  const flash = useFlash();
  const changed = useGroupsChanged();
  const returnToList = useReturnToList();
  const save = useMutation({
    mutationFn: createPermissionGroup,
    onSuccess: async (group) => {
      await changed(group);
      flash(t.permissionGroups.created(group.name));
      await returnToList();
    },
  });
  return (
    <>
      <PageHeader
        help="permission-groups"
        title={t.permissionGroups.newTitle}
        crumbs={useCrumbs(t.permissionGroups.newTitle)}
      />
      <PermissionGroupForm
        initialValues={{ name: '', permissions: [] }}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
      />
    </>
  );
}

export function PermissionGroupEditPage() {
  const t = useT();
  const texts = t.permissionGroups;
  const flash = useFlash();
  const navigate = useNavigate();
  const { groupId } = useParams({ from: '/_app/settings/permission-groups/$groupId' });
  const group = useSuspenseQuery(permissionGroupQueryOptions(groupId));
  const changed = useGroupsChanged();
  const returnToList = useReturnToList();
  const [pending, setPending] = useState<'copy' | 'delete' | null>(null);
  const { data } = group;

  const save = useMutation({
    mutationFn: (values: { name: string; permissions: Permission[] }) =>
      updatePermissionGroup(groupId, { ...values, version: data.version }),
    onSuccess: async (saved) => {
      await changed(saved);
      flash(texts.updated(saved.name));
      await returnToList();
    },
  });

  const copy = useMutation({
    mutationFn: (name: string) => copyPermissionGroup(groupId, { name }),
    onSuccess: async (created) => {
      await changed(created);
      setPending(null);
      flash(texts.created(created.name));
      await navigate({
        to: '/settings/permission-groups/$groupId',
        params: { groupId: created.groupId },
      });
    },
  });

  const remove = useMutation({
    mutationFn: () => deletePermissionGroup(groupId),
    onSuccess: async () => {
      await changed();
      flash(texts.deleted(data.name));
      await returnToList();
    },
    onSettled: () => setPending(null),
  });

  async function reload() {
    await group.refetch();
    save.reset();
  }

  const inUseCount =
    remove.error && isApiError(remove.error, 'permission_group_in_use')
      ? Number(/\d+/.exec(remove.error.problem?.detail ?? '')?.[0] ?? data.memberCount)
      : data.memberCount;

  return (
    <>
      <PageHeader
        help="permission-groups"
        title={texts.editTitle}
        crumbs={useCrumbs(texts.editTitle)}
        description={
          <Group gap="lg" className="akinai-numeric">
            <span>{data.name}</span>
            <span>
              {texts.columns.members} {texts.members(data.memberCount)}
            </span>
            <span>
              {texts.columns.updated} {formatJstDateTime(data.updatedAt)}
            </span>
          </Group>
        }
      />
      {remove.error != null && !isApiError(remove.error, 'permission_group_in_use') && (
        <Box mb="md">
          <ErrorAlert error={remove.error} title={texts.saveFailedTitle} />
        </Box>
      )}
      <PermissionGroupForm
        key={`${data.groupId}-${data.version}`}
        initialValues={{ name: data.name, permissions: data.permissions }}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
        onReload={reload}
        actions={
          <>
            <Button variant="default" onClick={() => setPending('copy')}>
              {texts.actions.copy}
            </Button>
            <Button variant="outline" color="red" onClick={() => setPending('delete')}>
              {texts.actions.delete}
            </Button>
          </>
        }
      />
      <CopyGroupDialog
        sourceName={pending === 'copy' ? data.name : null}
        busy={copy.isPending}
        onCopy={copy.mutateAsync}
        onClose={() => {
          copy.reset();
          setPending(null);
        }}
      />
      <ConfirmDialog
        opened={pending === 'delete' && data.memberCount === 0}
        title={texts.confirmDeleteTitle}
        body={texts.confirmDeleteBody(data.name)}
        confirmLabel={texts.actions.delete}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setPending(null)}
      />
      <Modal
        opened={
          (pending === 'delete' && data.memberCount > 0) ||
          isApiError(remove.error, 'permission_group_in_use')
        }
        onClose={() => {
          remove.reset();
          setPending(null);
        }}
        title={texts.confirmDeleteTitle}
        centered
      >
        <Stack gap="md">
          <Alert color="orange" variant="light" role="alert">
            {texts.inUse(inUseCount)}
          </Alert>
          <Group justify="flex-end">
            <Button component={Link} to="/settings/users" variant="default">
              {t.users.listTitle}
            </Button>
            <Button
              onClick={() => {
                remove.reset();
                setPending(null);
              }}
            >
              {t.common.close}
            </Button>
          </Group>
        </Stack>
        <Text fz="xs" c="dimmed" mt="sm">
          {data.name}
        </Text>
      </Modal>
    </>
  );
}
