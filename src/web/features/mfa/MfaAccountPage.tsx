import { Alert, Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { meQueryOptions } from '../../api/auth';
import { isApiError } from '../../api/client';
import { disableMfa, mfaStatusQueryOptions } from '../../api/mfa';
import { useMe } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { CodeInput } from './CodeInput';
import { MfaEnrolment } from './MfaEnrolment';

/**
 * 2段階認証 in the user's own settings. Users the tenant requires to enrol are sent here by
 * the router straight after their password and cannot leave until they have.
 */
export function MfaAccountPage() {
  const t = useT();
  const me = useMe();
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: status } = useSuspenseQuery(mfaStatusQueryOptions);
  const forced = me.sessionStage === 'mfa_enrol';

  async function enrolled() {
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
    flash(t.mfa.enabled);
    if (forced) await navigate({ to: '/' });
  }

  return (
    <>
      <PageHeader
        help="mfa"
        title={t.mfa.title}
        crumbs={forced ? [] : [{ label: t.shell.mainMenu, to: '/' }, { label: t.mfa.title }]}
      />
      <Stack gap={0} maw={720}>
        {forced && (
          <Alert color="orange" variant="light" mb="md">
            {t.mfa.forcedLead}
          </Alert>
        )}
        <FormSection title={t.mfa.title}>
          <Stack gap="sm">
            <Text size="sm">{t.mfa.lead}</Text>
            <Group gap="sm">
              <Badge
                size="lg"
                radius="sm"
                variant="light"
                color={status.enabled ? 'teal' : 'gray'}
                data-testid="mfa-status"
              >
                {status.enabled ? t.mfa.on : t.mfa.off}
              </Badge>
              {status.enabledAt && (
                <Text size="sm" c="dimmed">
                  {t.mfa.enabledAt(formatJstDateTime(status.enabledAt))}
                </Text>
              )}
              {status.enabled && (
                <Text size="sm" c="dimmed">
                  {t.mfa.recoveryLeft(status.recoveryCodesLeft)}
                </Text>
              )}
            </Group>
            {status.requiredByTenant && !forced && (
              <Text size="sm" c="orange.8">
                {t.mfa.requiredNotice}
              </Text>
            )}
          </Stack>
        </FormSection>
        {!status.enabled && <MfaEnrolment onEnrolled={enrolled} />}
        {status.enabled && !status.requiredByTenant && <DisableMfaSection />}
      </Stack>
    </>
  );
}

function DisableMfaSection() {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: disableMfa,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mfaStatusQueryOptions.queryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      flash(t.mfa.disabled);
    },
  });
  const fieldErrors = isApiError(disable.error) ? disable.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    disable.mutate({ password, code: code.trim() });
  }

  return (
    <FormSection title={t.mfa.disableTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t.mfa.disableLead}</Text>
          {disable.error != null && Object.keys(fieldErrors).length === 0 && (
            <ErrorAlert error={disable.error} />
          )}
          <PasswordInput
            maw={360}
            label={t.mfa.password}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password}
          />
          <CodeInput value={code} onChange={setCode} error={fieldErrors.code} />
          <Group>
            <Button
              type="submit"
              variant="outline"
              color="red"
              loading={disable.isPending}
              disabled={!password || !code}
            >
              {t.mfa.disable}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormSection>
  );
}
