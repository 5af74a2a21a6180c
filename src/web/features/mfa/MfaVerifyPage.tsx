import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { mfaCodeSchema } from '../../../server/modules/identity/mfa.schema';
import { logout } from '../../api/auth';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { verifyMfa } from '../../api/mfa';
import { BrandMark } from '../../app/BrandMark';
import { LanguageToggle } from '../../app/LanguageToggle';
import { useDocumentTitle } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';

/**
 * Sign-in step 2: the password was right and the server holds a session that can do nothing
 * but take this code. A recovery code goes in the same field.
 */
export function MfaVerifyPage() {
  const t = useT();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t.mfa.verifyTitle);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState('');

  const verify = useMutation({
    mutationFn: verifyMfa,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['auth'] });
      await navigate({ to: '/' });
    },
    onError: async (error) => {
      // The pending sign-in expired (10 minutes): start again from the password.
      if (isApiError(error, 'unauthenticated')) {
        await navigate({ to: '/login', search: { reason: 'expired' } });
      }
    },
  });

  const cancel = useMutation({
    mutationFn: logout,
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/login' });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = mfaCodeSchema.safeParse({ code });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? '');
      return;
    }
    setFieldError('');
    verify.mutate(parsed.data);
  }

  const error = verify.error;
  const retryAfter = isApiError(error) ? error.retryAfterSeconds : undefined;

  return (
    <Box mih="100vh" style={{ display: 'flex', background: '#f3f5f8' }}>
      <Center style={{ flex: 1 }} p="md" pos="relative">
        <Box pos="absolute" top={16} right={16}>
          <LanguageToggle />
        </Box>
        <Paper withBorder shadow="sm" p={36} w="100%" maw={420} radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Group gap={8} mb="xs">
                <BrandMark size={28} />
                <Text fw={700}>{t.app.productName}</Text>
              </Group>
              <Stack gap={4}>
                <Title order={1} fz={22}>
                  {t.mfa.verifyTitle}
                </Title>
                <Text size="sm" c="dimmed">
                  {useRecovery ? t.mfa.recoveryLeadLogin : t.mfa.verifyLead}
                </Text>
              </Stack>
              {error && !isApiError(error, 'unauthenticated') && (
                <Alert color="red" variant="light" title={t.mfa.verifyFailedTitle} role="alert">
                  <Text size="sm">{errorMessage(error, t, language)}</Text>
                  {retryAfter !== undefined && (
                    <Text size="sm" mt={4}>
                      {t.login.retryAfter(retryAfter)}
                    </Text>
                  )}
                </Alert>
              )}
              <TextInput
                label={useRecovery ? t.mfa.recoveryCode : t.mfa.code}
                name="code"
                autoComplete="one-time-code"
                inputMode={useRecovery ? 'text' : 'numeric'}
                autoFocus
                value={code}
                error={fieldError || undefined}
                onChange={(event) => {
                  setCode(event.currentTarget.value);
                  setFieldError('');
                }}
                styles={{ input: { letterSpacing: '0.2em', fontSize: 18 } }}
              />
              <Button type="submit" size="md" fullWidth loading={verify.isPending}>
                {t.mfa.verify}
              </Button>
              <Group justify="space-between">
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
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="dimmed"
                  onClick={() => cancel.mutate()}
                >
                  {t.mfa.backToLogin}
                </Anchor>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
