import { Alert, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { meQueryOptions } from '../../api/auth';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { changePassword } from '../../api/users';
import { useMe } from '../../auth/session';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/**
 * パスワード変更. Users holding an initial password are sent here by the router and cannot
 * leave until they have chosen their own; everyone else reaches it from the user menu.
 */
export function PasswordChangePage() {
  const t = useT();
  const [language] = useLanguage();
  const me = useMe();
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const forced = me.user.mustChangePassword;
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const context = {
    tenantCode: me.tenant.code,
    loginId: me.user.loginId,
    userName: me.user.name,
    mfaEnabled: me.user.mfaEnabled,
  };

  const save = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      flash(t.password.changed);
      await navigate({ to: '/' });
    },
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors());
    },
  });

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = t.password.currentRequired;
    const [problem] = passwordProblems(values.newPassword, context);
    if (problem) found.newPassword = problem;
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = t.password.mismatch;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  // Field problems show under their inputs; anything else (rate limit, network) up here.
  const showAlert =
    save.error != null &&
    !(isApiError(save.error) && (save.error.problem?.errors?.length ?? 0) > 0);

  return (
    <>
      <PageHeader
        help="password-change"
        title={t.password.title}
        crumbs={forced ? [] : [{ label: t.shell.mainMenu, to: '/' }, { label: t.password.title }]}
      />
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {forced ? (
              <Alert color="orange" variant="light">
                {me.user.passwordExpired ? t.password.expiredLead : t.password.forcedLead}
              </Alert>
            ) : (
              <Text size="sm">{t.password.lead}</Text>
            )}
            {showAlert && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error, t, language)}
              </Alert>
            )}
            <PasswordInput
              label={t.password.currentPassword}
              name="currentPassword"
              autoComplete="current-password"
              withAsterisk
              value={values.currentPassword}
              onChange={set('currentPassword')}
              error={errors.currentPassword}
            />
            <div>
              <PasswordInput
                label={t.password.newPassword}
                name="newPassword"
                autoComplete="new-password"
                withAsterisk
                value={values.newPassword}
                onChange={set('newPassword')}
                error={errors.newPassword}
              />
              <PasswordStrengthMeter password={values.newPassword} context={context} />
              <Text size="xs" c="dimmed" mt={4}>
                {me.user.mfaEnabled ? t.password.rulesWithMfa : t.password.rules}
              </Text>
            </div>
            <PasswordInput
              label={t.password.confirmPassword}
              name="confirmPassword"
              autoComplete="new-password"
              withAsterisk
              value={values.confirmPassword}
              onChange={set('confirmPassword')}
              error={errors.confirmPassword}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} miw={120}>
                {t.password.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
