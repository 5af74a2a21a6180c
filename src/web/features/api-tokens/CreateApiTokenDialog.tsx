import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Permission } from '../../../domain/access/permissions';
import {
  apiTokenCreateSchema,
  type CreatedApiToken,
} from '../../../server/modules/api-tokens/api-token.schema';
import { apiTokenKeys, createApiToken } from '../../api/api-tokens';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useCan } from '../../auth/session';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { issuesByField } from '../../lib/validation';
import { ScopePicker } from './ScopePicker';

const PERIODS = [30, 90, 180, 365] as const;

/** Issue a token: name, period, scope; then show the secret once, with a copy button. */
export function CreateApiTokenDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const can = useCan();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<number>(90);
  const [scope, setScope] = useState<Set<Permission>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const save = useMutation({
    mutationFn: createApiToken,
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors());
    },
  });

  function close() {
    setName('');
    setPeriod(90);
    setScope(new Set());
    setErrors({});
    setCreated(null);
    save.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = apiTokenCreateSchema.safeParse({
      name,
      expiresInDays: period,
      scope: [...scope],
    });
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  const fieldless =
    save.error != null &&
    !(isApiError(save.error) && (save.error.problem?.errors?.length ?? 0) > 0);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t.apiTokens.shownTitle : t.apiTokens.dialogTitle}
      closeOnClickOutside={false}
      centered
      size="xl"
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t.apiTokens.shownLead}
          </Alert>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Code
              block
              data-testid="api-token"
              fz="sm"
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}
            >
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  miw={110}
                >
                  {copied ? t.apiTokens.copied : t.apiTokens.copy}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" className="akinai-numeric">
            {created.apiToken.name}　{t.apiTokens.columns.expiresAt}{' '}
            {formatJstDateTime(created.apiToken.expiresAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t.apiTokens.usage}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t.common.close}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {fieldless && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error, t, language)}
              </Alert>
            )}
            <TextInput
              name="name"
              label={t.apiTokens.fields.name}
              description={t.apiTokens.hints.name}
              withAsterisk
              maxLength={100}
              value={name}
              error={errors.name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setErrors((current) => ({ ...current, name: '' }));
              }}
              data-autofocus
            />
            <Input.Wrapper
              label={t.apiTokens.fields.expiresInDays}
              withAsterisk
              error={errors.expiresInDays}
            >
              <div>
                <SegmentedControl
                  value={String(period)}
                  onChange={(value) => setPeriod(Number(value))}
                  data={PERIODS.map((days) => ({
                    value: String(days),
                    label: t.apiTokens.periods[days] ?? `${days}`,
                  }))}
                />
              </div>
            </Input.Wrapper>
            <Input.Wrapper
              label={t.apiTokens.fields.scope}
              description={t.apiTokens.hints.scope}
              withAsterisk
              error={errors.scope}
            >
              <div style={{ marginTop: 6 }}>
                <ScopePicker
                  label={t.apiTokens.fields.scope}
                  granted={can}
                  selected={scope}
                  onChange={(next) => {
                    setScope(next);
                    setErrors((current) => ({ ...current, scope: '' }));
                  }}
                />
              </div>
            </Input.Wrapper>
            <Text size="xs" c="dimmed">
              {t.apiTokens.restrictions}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t.common.cancel}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t.apiTokens.issue}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
