import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { changeOpsPassword } from '../../api/ops';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { AuthScreen } from '../login/AuthScreen';

/** The operator's first stop after a CLI-generated initial password: replace it. */
export function OpsPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t.ops.passwordHeading);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: changeOpsPassword,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['ops'] });
      await navigate({ to: '/ops/tenants' });
    },
  });
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors() : {};
  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  }
  return (
    <AuthScreen heading={t.ops.passwordHeading} lead={t.ops.passwordLead}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {change.error != null && Object.keys(fieldErrors).length === 0 && (
            <ErrorAlert error={change.error} />
          )}
          <PasswordInput
            label={t.ops.currentPassword}
            autoComplete="current-password"
            value={currentPassword}
            error={fieldErrors.currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          />
          <PasswordInput
            label={t.ops.newPassword}
            autoComplete="new-password"
            value={newPassword}
            error={fieldErrors.newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
          />
          <Button type="submit" size="md" fullWidth loading={change.isPending}>
            {t.ops.passwordSubmit}
          </Button>
        </Stack>
      </form>
    </AuthScreen>
  );
}
