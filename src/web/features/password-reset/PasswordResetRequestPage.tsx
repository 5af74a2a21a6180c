import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  type PasswordResetRequest,
  passwordResetRequestSchema,
} from '../../../server/modules/identity/password-reset.schema';
import { requestPasswordReset } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { AuthScreen } from '../login/AuthScreen';
import { rememberedTenantCode } from '../login/LoginPage';

/** 「パスワードを忘れた場合」: the answer is the same whether or not the account exists. */
export function PasswordResetRequestPage() {
  const t = useT();
  useDocumentTitle(t.passwordReset.requestTitle);
  const [values, setValues] = useState<PasswordResetRequest>(() => ({
    tenantCode: rememberedTenantCode(),
    loginId: '',
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const send = useMutation({ mutationFn: requestPasswordReset });

  function update(field: keyof PasswordResetRequest, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: '' }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = passwordResetRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    send.mutate(parsed.data);
  }

  const backToLogin = (
    <Anchor component={Link} to="/login" size="sm" ta="center">
      {t.passwordReset.backToLogin}
    </Anchor>
  );

  if (send.isSuccess) {
    return (
      <AuthScreen heading={t.passwordReset.sentTitle}>
        <Alert color="green" variant="light" role="status">
          <Text size="sm">{t.passwordReset.sentBody}</Text>
        </Alert>
        {backToLogin}
      </AuthScreen>
    );
  }

  return (
    <AuthScreen heading={t.passwordReset.requestTitle} lead={t.passwordReset.requestLead}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {send.error && <ErrorAlert error={send.error} />}
          <TextInput
            label={t.login.tenantCode}
            name="tenantCode"
            autoComplete="organization"
            autoFocus={values.tenantCode === ''}
            value={values.tenantCode}
            error={fieldErrors.tenantCode || undefined}
            onChange={(event) => update('tenantCode', event.currentTarget.value)}
          />
          <TextInput
            label={t.login.loginId}
            name="loginId"
            autoComplete="username"
            autoFocus={values.tenantCode !== ''}
            value={values.loginId}
            error={fieldErrors.loginId || undefined}
            onChange={(event) => update('loginId', event.currentTarget.value)}
          />
          <Button type="submit" size="md" fullWidth loading={send.isPending} mt="xs">
            {t.passwordReset.requestSubmit}
          </Button>
          {backToLogin}
        </Stack>
      </form>
    </AuthScreen>
  );
}
