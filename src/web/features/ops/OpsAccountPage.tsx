import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { operatorMeQueryOptions, regenerateOpsRecoveryCodes } from '../../api/ops';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { CodeInput } from '../mfa/CodeInput';
import { RecoveryCodesDialog } from '../mfa/RecoveryCodesDialog';

/** Few enough that the operator should act before the last one is gone. */
const LOW_RECOVERY_CODES = 3;

/** アカウント: the signed-in operator's recovery codes, regenerated after a fresh TOTP code. */
export function OpsAccountPage() {
  const t = useT();
  const a = t.ops.account;
  const queryClient = useQueryClient();
  const me = useQuery(operatorMeQueryOptions).data;
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const regenerate = useMutation({
    mutationFn: regenerateOpsRecoveryCodes,
    onSuccess: async (result) => {
      setCode('');
      setCodes(result.recoveryCodes);
      await queryClient.invalidateQueries({ queryKey: ['ops', 'me'] });
    },
  });
  const codeError = isApiError(regenerate.error) ? regenerate.error.fieldErrors().code : undefined;
  function submit(event: FormEvent) {
    event.preventDefault();
    regenerate.mutate(code.trim());
  }
  const left = me?.recoveryCodesLeft ?? 0;
  return (
    <>
      <PageHeader title={a.title} description={a.lead} />
      <Stack gap={0} maw={720}>
        <FormSection title={a.title}>
          <Table withRowBorders={false} verticalSpacing={4} w="auto">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={120} fw={500} c="dimmed">
                  {a.loginId}
                </Table.Th>
                <Table.Td className="akinai-numeric">{me?.loginId}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th fw={500} c="dimmed">
                  {a.name}
                </Table.Th>
                <Table.Td>{me?.name}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </FormSection>
        <FormSection title={a.recoveryHeading}>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Group gap="sm">
                <Badge
                  size="lg"
                  radius="sm"
                  variant="light"
                  color={left > LOW_RECOVERY_CODES ? 'teal' : 'orange'}
                  data-testid="ops-recovery-left"
                >
                  {a.recoveryLeft(left)}
                </Badge>
              </Group>
              {me && left <= LOW_RECOVERY_CODES && (
                <Alert color="orange" variant="light">
                  {a.recoveryLow}
                </Alert>
              )}
              <Text size="sm">{a.recoveryLead}</Text>
              {regenerate.error != null && !codeError && <ErrorAlert error={regenerate.error} />}
              <Group align="flex-end" gap="sm">
                <CodeInput value={code} onChange={setCode} error={codeError} />
                <Button type="submit" loading={regenerate.isPending}>
                  {a.regenerate}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {a.lockedOut}
              </Text>
            </Stack>
          </form>
        </FormSection>
      </Stack>
      <RecoveryCodesDialog codes={codes} onClose={() => setCodes(null)} />
    </>
  );
}
