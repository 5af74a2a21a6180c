import { Box, Button, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiToken } from '../../../server/modules/api-tokens/api-token.schema';
import {
  apiTokenKeys,
  ownApiTokensQueryOptions,
  revokeApiToken,
  tenantApiTokensQueryOptions,
} from '../../api/api-tokens';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { ApiTokenTable } from './ApiTokenTable';
import { CreateApiTokenDialog } from './CreateApiTokenDialog';

function useRevoke(asAdmin: boolean) {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeApiToken(token.tokenId, asAdmin),
    onSuccess: async (_, token) => {
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
      flash(t.apiTokens.revoked(token.name));
    },
    onSettled: () => setPending(null),
  });
  const dialog = (
    <ConfirmDialog
      opened={pending !== null}
      title={t.apiTokens.confirmRevokeTitle}
      body={pending ? t.apiTokens.confirmRevokeBody(pending.name) : ''}
      confirmLabel={t.apiTokens.revoke}
      busy={revoke.isPending}
      onConfirm={() => pending && revoke.mutate(pending)}
      onCancel={() => setPending(null)}
    />
  );
  const error = revoke.error != null && (
    <Box mb="md">
      <ErrorAlert error={revoke.error} title={t.apiTokens.revoke} />
    </Box>
  );
  return { ask: setPending, dialog, error };
}

/** 個人用 API トークン: the signed-in user's own tokens. */
export function ApiTokensPage() {
  const t = useT();
  const { data } = useSuspenseQuery(ownApiTokensQueryOptions);
  const [creating, setCreating] = useState(false);
  const revoke = useRevoke(false);
  return (
    <>
      <PageHeader
        help="api-tokens"
        title={t.apiTokens.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.apiTokens.title }]}
        description={t.apiTokens.lead}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t.apiTokens.create}
          </Button>
        }
      />
      {revoke.error}
      <ApiTokenTable tokens={data.items} showOwner={false} onRevoke={revoke.ask} />
      <Text size="xs" c="dimmed" mt="sm">
        {t.apiTokens.restrictions}
      </Text>
      <CreateApiTokenDialog opened={creating} onClose={() => setCreating(false)} />
      {revoke.dialog}
    </>
  );
}

/** APIトークン管理: every live token of the organisation, for 組織管理者. */
export function TenantApiTokensPage() {
  const t = useT();
  const { data } = useSuspenseQuery(tenantApiTokensQueryOptions);
  const revoke = useRevoke(true);
  return (
    <>
      <PageHeader
        help="api-tokens"
        title={t.apiTokens.adminTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.apiTokens.adminTitle }]}
        description={t.apiTokens.adminLead}
      />
      {revoke.error}
      <ApiTokenTable tokens={data.items} showOwner onRevoke={revoke.ask} />
      {revoke.dialog}
    </>
  );
}
