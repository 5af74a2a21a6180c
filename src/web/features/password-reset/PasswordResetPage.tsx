import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { checkPasswordReset, completePasswordReset } from '../../api/auth';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { AuthScreen } from '../login/AuthScreen';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';

type Field = 'newPassword' | 'confirmPassword';

/** The page a mailed link opens: checks the link first, then asks for the new password. */
export function PasswordResetPage() {
  const t = useT();
  const [language] = useLanguage();
  const { token } = useParams({ from: '/password-reset/$token' });
  useDocumentTitle(t.passwordReset.resetTitle);
  const target = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => checkPasswordReset(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [values, setValues] = useState<Record<Field, string>>({
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const save = useMutation({
    mutationFn: completePasswordReset,
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors());
    },
  });

  const linkInvalid =
    isApiError(target.error, 'password_reset_link_invalid') ||
    isApiError(save.error, 'password_reset_link_invalid');

  if (target.isPending) {
    return (
      <AuthScreen heading={t.passwordReset.resetTitle}>
        <Center py="md">
          <Loader size="sm" aria-label={t.passwordReset.checking} />
        </Center>
      </AuthScreen>
    );
  }

  if (linkInvalid) {
    return (
      <AuthScreen heading={t.passwordReset.invalidTitle}>
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{errorMessage(target.error ?? save.error, t, language)}</Text>
        </Alert>
        <Button component={Link} to="/password-reset" fullWidth>
          {t.passwordReset.requestAgain}
        </Button>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t.passwordReset.backToLogin}
        </Anchor>
      </AuthScreen>
    );
  }

  if (target.error) {
    return (
      <AuthScreen heading={t.passwordReset.resetTitle}>
        <ErrorAlert error={target.error} onRetry={() => target.refetch()} />
      </AuthScreen>
    );
  }

  if (save.isSuccess) {
    return (
      <AuthScreen heading={t.passwordReset.doneTitle}>
        <Alert color="green" variant="light" role="status">
          <Text size="sm">{t.passwordReset.doneBody}</Text>
        </Alert>
        <Button component={Link} to="/login" fullWidth size="md">
          {t.passwordReset.toLogin}
        </Button>
      </AuthScreen>
    );
  }

  const context = {
    tenantCode: target.data.tenantCode,
    loginId: target.data.loginId,
    userName: target.data.userName,
  };

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const found: Partial<Record<Field, string>> = {};
    const [problem] = passwordProblems(values.newPassword, context);
    if (problem) found.newPassword = problem;
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = t.password.mismatch;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ token, newPassword: values.newPassword });
  }

  const showAlert =
    save.error != null &&
    !(isApiError(save.error) && (save.error.problem?.errors?.length ?? 0) > 0);

  return (
    <AuthScreen
      heading={t.passwordReset.resetTitle}
      lead={t.passwordReset.resetLead(target.data.loginId)}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {showAlert && <ErrorAlert error={save.error} />}
          <div>
            <PasswordInput
              label={t.password.newPassword}
              name="newPassword"
              autoComplete="new-password"
              withAsterisk
              autoFocus
              value={values.newPassword}
              onChange={set('newPassword')}
              error={errors.newPassword}
            />
            <PasswordStrengthMeter password={values.newPassword} context={context} />
            <Text size="xs" c="dimmed" mt={4}>
              {t.password.rules}
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
          <Button type="submit" size="md" fullWidth loading={save.isPending} mt="xs">
            {t.passwordReset.resetSubmit}
          </Button>
        </Stack>
      </form>
    </AuthScreen>
  );
}
