import { Box, Button, Code, Group, Image, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { confirmMfaEnrolment, startMfaEnrolment } from '../../api/mfa';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n/i18n';
import { CodeInput } from './CodeInput';
import { RecoveryCodesDialog } from './RecoveryCodesDialog';

/** Base32 in groups of four, as authenticator apps show it: easier to type without slips. */
const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Start → QR code and key → first code → recovery codes (once) → done. */
export function MfaEnrolment({ onEnrolled }: { onEnrolled: () => Promise<void> }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const me = useMe();
  // A session that exists only to enrol has just given the password; a full one gives it again.
  const needsPassword = me.sessionStage === 'full';
  const [password, setPassword] = useState('');
  const start = useMutation({ mutationFn: startMfaEnrolment });
  const startErrors = isApiError(start.error) ? start.error.fieldErrors() : {};
  const confirm = useMutation({
    mutationFn: confirmMfaEnrolment,
    onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
  });
  const enrolment = start.data;
  const fieldErrors = isApiError(confirm.error) ? confirm.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ code: code.trim() });
  }

  return (
    <FormSection title={t.mfa.start}>
      {start.error != null && !startErrors.password && <ErrorAlert error={start.error} />}
      {!enrolment ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate(needsPassword ? { password } : {});
          }}
          noValidate
        >
          <Stack gap="sm" maw={420}>
            {needsPassword && (
              <PasswordInput
                label={t.mfa.reauthPassword}
                description={t.mfa.reauthHint}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={startErrors.password}
                autoComplete="current-password"
              />
            )}
            <Group>
              <Button type="submit" loading={start.isPending}>
                {t.mfa.start}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" fw={600}>
              {t.mfa.step1}
            </Text>
            <Group align="flex-start" gap="xl" wrap="wrap">
              <Box
                p={8}
                style={{ border: '1px solid var(--akinai-panel-border)', borderRadius: 6 }}
                bg="white"
              >
                <Image src={enrolment.qrCodeDataUrl} alt={t.mfa.qrAlt} w={184} h={184} />
              </Box>
              <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
                <Text size="sm" c="dimmed">
                  {t.mfa.manualKey}
                </Text>
                <Code
                  data-testid="mfa-secret"
                  data-secret={enrolment.secret}
                  fz="md"
                  px="md"
                  py="xs"
                  style={{ letterSpacing: '0.08em', userSelect: 'all', wordBreak: 'break-all' }}
                >
                  {groupKey(enrolment.secret)}
                </Code>
              </Stack>
            </Group>
            <Text size="sm" fw={600}>
              {t.mfa.step2}
            </Text>
            {confirm.error != null && Object.keys(fieldErrors).length === 0 && (
              <ErrorAlert error={confirm.error} />
            )}
            <Group align="flex-end">
              <CodeInput value={code} onChange={setCode} error={fieldErrors.code} />
              <Button type="submit" loading={confirm.isPending} disabled={code.trim() === ''}>
                {t.mfa.confirm}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <RecoveryCodesDialog
        codes={recoveryCodes}
        onClose={async () => {
          setRecoveryCodes(null);
          await onEnrolled();
        }}
      />
    </FormSection>
  );
}
