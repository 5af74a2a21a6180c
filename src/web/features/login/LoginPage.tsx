import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  type LoginRequest,
  loginRequestSchema,
} from '../../../server/modules/identity/identity.schema';
import { login } from '../../api/auth';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useDocumentTitle } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { AuthScreen } from './AuthScreen';

export interface LoginSearch {
  reason?: 'signedOut' | 'expired';
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const reason = search.reason;
  return reason === 'signedOut' || reason === 'expired' ? { reason } : {};
}

export const TENANT_KEY = 'akinai.lastTenantCode';

export function rememberedTenantCode(): string {
  try {
    return window.localStorage.getItem(TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function LoginPage() {
  const t = useT();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { reason } = useSearch({ from: '/login' });
  useDocumentTitle(t.login.pageTitle);

  const [values, setValues] = useState<LoginRequest>(() => ({
    tenantCode: rememberedTenantCode(),
    loginId: '',
    password: '',
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: async (_, input) => {
      try {
        window.localStorage.setItem(TENANT_KEY, input.tenantCode);
      } catch {
        // Remembering the organisation code is a convenience only.
      }
      queryClient.removeQueries({ queryKey: ['auth'] });
      await navigate({ to: '/' });
    },
  });

  function update(field: keyof LoginRequest, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: '' }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data);
  }

  const error = signIn.error;
  const retryAfter =
    isApiError(error, 'rate_limited') || isApiError(error, 'login_throttled')
      ? error.retryAfterSeconds
      : undefined;

  return (
    <AuthScreen heading={t.login.heading} lead={t.login.lead}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {reason && !error && (
            <Alert color="blue" variant="light">
              {reason === 'expired' ? t.login.sessionExpired : t.login.signedOut}
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" title={t.login.failedTitle} role="alert">
              <Text size="sm">{errorMessage(error, t, language)}</Text>
              {retryAfter !== undefined && (
                <Text size="sm" mt={4}>
                  {t.login.retryAfter(retryAfter)}
                </Text>
              )}
            </Alert>
          )}

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
          <PasswordInput
            label={t.login.password}
            name="password"
            autoComplete="current-password"
            value={values.password}
            error={fieldErrors.password || undefined}
            onChange={(event) => update('password', event.currentTarget.value)}
          />
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
            {t.login.submit}
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm" ta="center">
            {t.passwordReset.forgotLink}
          </Anchor>
          <Anchor component={Link} to="/signup" size="sm" ta="center">
            {t.signup.signupLink}
          </Anchor>
        </Stack>
      </form>
    </AuthScreen>
  );
}
