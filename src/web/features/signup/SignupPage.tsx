import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { signupRequestSchema } from '../../../server/modules/organization/signup.schema';
import { isApiError } from '../../api/client';
import { signup, signupFormQueryOptions } from '../../api/signup';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { AuthScreen } from '../login/AuthScreen';
import { TENANT_KEY } from '../login/LoginPage';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';

/** 無料トライアルのお申し込み: a public page; on success the login page with the code filled in. */
export function SignupPage() {
  const t = useT();
  const s = t.signup;
  useDocumentTitle(s.pageTitle);
  const trialDays = useQuery(signupFormQueryOptions).data?.trialDays;
  const [values, setValues] = useState({
    companyName: '',
    tenantCode: '',
    adminName: '',
    loginId: '',
    password: '',
    contactEmail: '',
    agreeToTerms: false,
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const submitSignup = useMutation({
    mutationFn: signup,
    onSuccess: (result) => {
      try {
        window.localStorage.setItem(TENANT_KEY, result.tenantCode);
      } catch {
        // Pre-filling the login form is a convenience only.
      }
    },
  });
  const serverErrors = isApiError(submitSignup.error) ? submitSignup.error.fieldErrors() : {};
  const errors: Record<string, string | undefined> = { ...serverErrors, ...clientErrors };
  const set = (field: keyof typeof values, value: string | boolean) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: '' }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signupRequestSchema.safeParse(values);
    if (!parsed.success) {
      setClientErrors(issuesByField(parsed.error.issues));
      return;
    }
    setClientErrors({});
    submitSignup.mutate(parsed.data);
  }

  if (submitSignup.data) {
    return (
      <AuthScreen heading={s.doneTitle}>
        <Stack gap="md">
          <Alert color="green" variant="light" role="status">
            {s.done(submitSignup.data.tenantCode)}
          </Alert>
          <Button component={Link} to="/login" size="md" fullWidth>
            {s.toLogin}
          </Button>
        </Stack>
      </AuthScreen>
    );
  }

  return (
    <AuthScreen
      heading={s.heading}
      lead={trialDays === undefined ? s.lead : s.trialLead(trialDays)}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {submitSignup.error != null && Object.keys(serverErrors).length === 0 && (
            <ErrorAlert error={submitSignup.error} />
          )}
          <TextInput
            label={s.companyName}
            name="companyName"
            autoComplete="organization"
            withAsterisk
            value={values.companyName}
            error={errors.companyName || undefined}
            onChange={(e) => set('companyName', e.currentTarget.value)}
          />
          <TextInput
            label={s.tenantCode}
            description={s.tenantCodeHint}
            name="tenantCode"
            withAsterisk
            value={values.tenantCode}
            error={errors.tenantCode || undefined}
            onChange={(e) => set('tenantCode', e.currentTarget.value)}
          />
          <TextInput
            label={s.adminName}
            name="adminName"
            autoComplete="name"
            withAsterisk
            value={values.adminName}
            error={errors.adminName || undefined}
            onChange={(e) => set('adminName', e.currentTarget.value)}
          />
          <TextInput
            label={s.loginId}
            name="loginId"
            autoComplete="username"
            withAsterisk
            value={values.loginId}
            error={errors.loginId || undefined}
            onChange={(e) => set('loginId', e.currentTarget.value)}
          />
          <PasswordInput
            label={s.password}
            name="password"
            autoComplete="new-password"
            withAsterisk
            value={values.password}
            error={errors.password || undefined}
            onChange={(e) => set('password', e.currentTarget.value)}
          />
          <PasswordStrengthMeter
            password={values.password}
            context={{
              tenantCode: values.tenantCode,
              loginId: values.loginId,
              userName: values.adminName,
            }}
          />
          <TextInput
            label={s.contactEmail}
            description={s.contactHint}
            name="contactEmail"
            type="email"
            autoComplete="email"
            withAsterisk
            value={values.contactEmail}
            error={errors.contactEmail || undefined}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
          />
          <Checkbox
            label={s.agree}
            name="agreeToTerms"
            checked={values.agreeToTerms}
            error={errors.agreeToTerms || undefined}
            onChange={(e) => set('agreeToTerms', e.currentTarget.checked)}
          />
          <Button type="submit" size="md" fullWidth loading={submitSignup.isPending} mt="xs">
            {s.submit}
          </Button>
          <Text ta="center" size="sm">
            <Anchor component={Link} to="/login">
              {s.haveAccount}
            </Anchor>
          </Text>
          <Text ta="center" size="sm">
            {/* A new tab, so reading the help does not lose what was typed. */}
            <Anchor href="/help/signup" target="_blank" rel="noopener">
              {s.helpLink}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthScreen>
  );
}
