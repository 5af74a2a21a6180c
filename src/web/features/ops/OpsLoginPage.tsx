import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Group,
  Image,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { operatorLoginRequestSchema } from '../../../server/modules/operators/operator.schema';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { confirmOpsEnrolment, opsLogin, startOpsEnrolment, verifyOpsMfa } from '../../api/ops';
import { useDocumentTitle } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { AuthScreen } from '../login/AuthScreen';
import { CodeInput } from '../mfa/CodeInput';
import { RecoveryCodesDialog } from '../mfa/RecoveryCodesDialog';

type Step = 'password' | 'mfa' | 'mfa_enrol';

/** Operator sign-in: password, then the TOTP code, or TOTP enrolment on the first sign-in. */
export function OpsLoginPage({ initialStep = 'password' }: { initialStep?: Step }) {
  const t = useT();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t.ops.loginHeading);
  const [step, setStep] = useState<Step>(initialStep);
  const [values, setValues] = useState({ loginId: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const done = async () => {
    queryClient.removeQueries({ queryKey: ['ops'] });
    await navigate({ to: '/ops' });
  };
  const signIn = useMutation({
    mutationFn: opsLogin,
    onSuccess: (result) => setStep(result.sessionStage),
  });
  const enrolment = useMutation({ mutationFn: startOpsEnrolment });
  // The codes are shown once, before the console: leaving the page would lose them.
  const confirm = useMutation({
    mutationFn: confirmOpsEnrolment,
    onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
  });
  const verify = useMutation({ mutationFn: verifyOpsMfa, onSuccess: done });
  const error = signIn.error ?? enrolment.error ?? confirm.error ?? verify.error;
  const codeFailure = confirm.error ?? verify.error;
  const codeError = isApiError(codeFailure) ? codeFailure.fieldErrors().code : undefined;

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    const parsed = operatorLoginRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data);
  }

  const heading =
    step === 'password'
      ? t.ops.loginHeading
      : step === 'mfa'
        ? t.ops.verifyHeading
        : t.ops.enrolHeading;
  const lead =
    step === 'password'
      ? t.ops.loginLead
      : step === 'mfa'
        ? useRecovery
          ? t.ops.recoveryLeadLogin
          : t.ops.verifyLead
        : t.ops.enrolLead;

  return (
    <AuthScreen heading={heading} lead={lead}>
      <Stack gap="md">
        <Text size="xs" fw={700} c="dimmed" data-testid="ops-console-name">
          {t.ops.consoleName}
        </Text>
        {error && !codeError && (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{errorMessage(error, t, language)}</Text>
          </Alert>
        )}
        {step === 'password' && (
          <form onSubmit={submitPassword} noValidate>
            <Stack gap="md">
              <TextInput
                label={t.ops.loginId}
                name="loginId"
                autoComplete="username"
                autoFocus
                value={values.loginId}
                error={fieldErrors.loginId || undefined}
                onChange={(e) => {
                  const loginId = e.currentTarget.value;
                  setValues((v) => ({ ...v, loginId }));
                }}
              />
              <PasswordInput
                label={t.ops.password}
                name="password"
                autoComplete="current-password"
                value={values.password}
                error={fieldErrors.password || undefined}
                onChange={(e) => {
                  const password = e.currentTarget.value;
                  setValues((v) => ({ ...v, password }));
                }}
              />
              <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
                {t.ops.submit}
              </Button>
            </Stack>
          </form>
        )}
        {step === 'mfa' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              verify.mutate(code.trim());
            }}
            noValidate
          >
            <Stack gap="md">
              {useRecovery ? (
                <TextInput
                  label={t.mfa.recoveryCode}
                  name="code"
                  autoComplete="off"
                  autoFocus
                  w={220}
                  value={code}
                  error={codeError}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  styles={{
                    input: { letterSpacing: '0.1em', fontSize: 18, fontFamily: 'monospace' },
                  }}
                />
              ) : (
                <CodeInput value={code} onChange={setCode} error={codeError} />
              )}
              <Button type="submit" size="md" fullWidth loading={verify.isPending}>
                {t.ops.verifySubmit}
              </Button>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setUseRecovery((current) => !current);
                  setCode('');
                  verify.reset();
                }}
              >
                {useRecovery ? t.mfa.useTotp : t.mfa.useRecovery}
              </Anchor>
            </Stack>
          </form>
        )}
        {step === 'mfa_enrol' && !enrolment.data && (
          <Button
            size="md"
            fullWidth
            loading={enrolment.isPending}
            onClick={() => enrolment.mutate()}
          >
            {t.ops.enrolStart}
          </Button>
        )}
        {step === 'mfa_enrol' && enrolment.data && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              confirm.mutate(code.trim());
            }}
            noValidate
          >
            <Stack gap="md">
              <Group justify="center">
                <Box
                  p={8}
                  style={{ border: '1px solid var(--akinai-panel-border)', borderRadius: 6 }}
                  bg="white"
                >
                  <Image src={enrolment.data.qrCodeDataUrl} alt="QR" w={168} h={168} />
                </Box>
              </Group>
              <Box>
                <Text size="xs" c="dimmed">
                  {t.ops.enrolKey}
                </Text>
                <Code data-testid="ops-totp-secret">{enrolment.data.secret}</Code>
              </Box>
              <CodeInput value={code} onChange={setCode} error={codeError} />
              <Button type="submit" size="md" fullWidth loading={confirm.isPending}>
                {t.ops.enrolSubmit}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
      <RecoveryCodesDialog codes={recoveryCodes} onClose={() => void done()} />
    </AuthScreen>
  );
}
