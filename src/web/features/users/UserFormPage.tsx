import { Alert, Box, Button, Group } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { User } from '../../../server/modules/identity/user.schema';
import {
  createUser,
  deleteUser,
  reissueInitialPassword,
  resetUserMfa,
  revokeUserSessions,
  unlockUser,
  updateUser,
  userKeys,
  userQueryOptions,
} from '../../api/users';
import { useMe } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { InitialPasswordDialog, type ShownPassword } from './InitialPasswordDialog';
import { UserForm, type UserSubmission } from './UserForm';
import { emptyUser, toFormValues } from './user-form-model';

function useUsersChanged() {
  const queryClient = useQueryClient();
  return (user?: User) => {
    if (user) queryClient.setQueryData(userKeys.detail(user.userId), user);
    return queryClient.invalidateQueries({ queryKey: userKeys.list });
  };
}

function useReturnToList() {
  const navigate = useNavigate();
  return () => navigate({ to: '/settings/users' });
}

export function UserNewPage() {
  const t = useT();
  const me = useMe();
  const flash = useFlash();
  const changed = useUsersChanged();
  const returnToList = useReturnToList();
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const save = useMutation({
    mutationFn: ({ values, initialPassword }: UserSubmission) =>
      createUser({ ...values, initialPassword }),
    onSuccess: async ({ user, initialPassword }) => {
      await changed(user);
      if (initialPassword.generatedPassword) {
        setShown({
          userName: user.name,
          password: initialPassword.generatedPassword,
          expiresAt: initialPassword.expiresAt,
        });
        return;
      }
      flash(t.userForm.created(user.name));
      await returnToList();
    },
  });

  return (
    <>
      <PageHeader
        help="users"
        title={t.users.newTitle}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: t.users.listTitle, to: '/settings/users' },
          { label: t.users.newTitle },
        ]}
      />
      <UserForm
        initialValues={emptyUser}
        withInitialPassword={{ tenantCode: me.tenant.code }}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
      />
      <InitialPasswordDialog
        shown={shown}
        onClose={async () => {
          if (shown) flash(t.userForm.created(shown.userName));
          setShown(null);
          await returnToList();
        }}
      />
    </>
  );
}

type PendingAction =
  | 'disable'
  | 'delete'
  | 'reissue'
  | 'unlock'
  | 'resetMfa'
  | 'revokeSessions'
  | null;

export function UserEditPage() {
  const t = useT();
  const me = useMe();
  const flash = useFlash();
  const { userId } = useParams({ from: '/_app/settings/users/$userId' });
  // Disabling or deleting your own account signs you out mid-task; another admin does that.
  const isSelf = userId === me.user.userId;
  const user = useSuspenseQuery(userQueryOptions(userId));
  const changed = useUsersChanged();
  const returnToList = useReturnToList();
  const [pending, setPending] = useState<PendingAction>(null);
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const { data } = user;

  const save = useMutation({
    mutationFn: ({ values }: UserSubmission) =>
      updateUser(userId, { ...values, version: data.version }),
    onSuccess: async (saved) => {
      await changed(saved);
      flash(t.userForm.updated(saved.name));
      await returnToList();
    },
  });

  const action = useMutation({
    mutationFn: async (kind: Exclude<PendingAction, null>) => {
      if (kind === 'disable') {
        const saved = await updateUser(userId, {
          ...toFormValues(data),
          isActive: false,
          version: data.version,
        });
        await changed(saved);
        flash(t.userForm.disabled(saved.name));
        await returnToList();
      } else if (kind === 'delete') {
        await deleteUser(userId);
        await changed();
        flash(t.userForm.deleted(data.name));
        await returnToList();
      } else if (kind === 'unlock') {
        await unlockUser(userId);
        await user.refetch();
        await changed();
        flash(t.userForm.unlocked(data.name));
      } else if (kind === 'resetMfa') {
        await resetUserMfa(userId);
        await user.refetch();
        await changed();
        flash(t.userForm.mfaReset(data.name));
      } else if (kind === 'revokeSessions') {
        const { ended } = await revokeUserSessions(userId);
        flash(t.userForm.sessionsRevoked(data.name, ended));
      } else {
        const issued = await reissueInitialPassword(userId, {});
        await user.refetch();
        await changed();
        setShown({
          userName: data.name,
          password: issued.generatedPassword ?? '',
          expiresAt: issued.expiresAt,
        });
      }
    },
    onSettled: () => setPending(null),
  });

  async function reload() {
    await user.refetch();
    save.reset();
  }

  const confirm =
    pending &&
    {
      disable: {
        title: t.userForm.confirmDisableTitle,
        body: t.userForm.confirmDisableBody(data.name),
        label: t.userForm.actions.disable,
      },
      delete: {
        title: t.userForm.confirmDeleteTitle,
        body: t.userForm.confirmDeleteBody(data.name),
        label: t.userForm.actions.delete,
      },
      reissue: {
        title: t.userForm.confirmReissueTitle,
        body: t.userForm.confirmReissueBody(data.name),
        label: t.userForm.actions.reissue,
      },
      unlock: {
        title: t.userForm.confirmUnlockTitle,
        body: t.userForm.confirmUnlockBody(data.name),
        label: t.userForm.actions.unlock,
      },
      resetMfa: {
        title: t.userForm.confirmResetMfaTitle,
        body: t.userForm.confirmResetMfaBody(data.name),
        label: t.userForm.actions.resetMfa,
      },
      revokeSessions: {
        title: t.userForm.confirmRevokeSessionsTitle,
        body: t.userForm.confirmRevokeSessionsBody(data.name),
        label: t.userForm.actions.revokeSessions,
      },
    }[pending];

  return (
    <>
      <PageHeader
        help="users"
        title={t.users.editTitle}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: t.users.listTitle, to: '/settings/users' },
          { label: t.users.editTitle },
        ]}
        description={
          <Group gap="lg" className="akinai-numeric">
            <span>
              {data.loginId}　{data.name}
            </span>
            <span>
              {t.users.columns.lastLogin}{' '}
              {data.lastLoginAt ? formatJstDateTime(data.lastLoginAt) : t.users.never}
            </span>
          </Group>
        }
      />
      {data.lockedUntil && (
        <Alert color="red" variant="light" mb="md">
          {t.userForm.lockedNotice(formatJstDateTime(data.lockedUntil))}
        </Alert>
      )}
      {action.error != null && (
        <Box mb="md">
          <ErrorAlert error={action.error} title={t.userForm.saveFailedTitle} />
        </Box>
      )}
      <UserForm
        key={data.version}
        initialValues={toFormValues(data)}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
        onReload={reload}
        actions={
          <>
            {data.isActive && !isSelf && (
              <Button variant="default" color="orange" onClick={() => setPending('disable')}>
                {t.userForm.actions.disable}
              </Button>
            )}
            <Button variant="default" onClick={() => setPending('reissue')}>
              {t.userForm.actions.reissue}
            </Button>
            {data.lockedUntil && (
              <Button variant="default" color="orange" onClick={() => setPending('unlock')}>
                {t.userForm.actions.unlock}
              </Button>
            )}
            {data.mfaEnabled && !isSelf && (
              <Button variant="default" onClick={() => setPending('resetMfa')}>
                {t.userForm.actions.resetMfa}
              </Button>
            )}
            {!isSelf && (
              <Button variant="default" onClick={() => setPending('revokeSessions')}>
                {t.userForm.actions.revokeSessions}
              </Button>
            )}
            {!isSelf && (
              <Button variant="outline" color="red" onClick={() => setPending('delete')}>
                {t.userForm.actions.delete}
              </Button>
            )}
          </>
        }
      />
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm?.title ?? ''}
        body={confirm?.body ?? ''}
        confirmLabel={confirm?.label ?? ''}
        color={pending === 'reissue' || pending === 'unlock' ? 'blue' : 'red'}
        busy={action.isPending}
        onConfirm={() => pending && action.mutate(pending)}
        onCancel={() => setPending(null)}
      />
      <InitialPasswordDialog shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
