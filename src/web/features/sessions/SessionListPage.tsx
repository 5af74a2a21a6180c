import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { summarizeUserAgent } from '../../../domain/identity/user-agent';
import { ownSessionsQueryOptions, revokeOtherSessions, revokeOwnSession } from '../../api/sessions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

/** 「ログイン中の端末」: the user's live sessions, this one first marked, others revocable. */
export function SessionListPage() {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(ownSessionsQueryOptions);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: ownSessionsQueryOptions.queryKey });
  const revokeOne = useMutation({
    mutationFn: revokeOwnSession,
    onSuccess: async () => {
      await refresh();
      flash(t.sessions.revoked);
    },
  });
  const revokeOthers = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: async ({ ended }) => {
      await refresh();
      flash(t.sessions.revokedOthers(ended));
    },
  });
  const columns = t.sessions.columns;
  const sessions = [...data.items].sort((a, b) => Number(b.current) - Number(a.current));
  const error = revokeOne.error ?? revokeOthers.error;

  return (
    <>
      <PageHeader
        help="sessions"
        title={t.sessions.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.sessions.title }]}
        description={t.sessions.lead}
        actions={
          <Button
            variant="default"
            color="red"
            disabled={sessions.length < 2}
            loading={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
          >
            {t.sessions.revokeOthers}
          </Button>
        }
      />
      {error != null && <ErrorAlert error={error} />}
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760}>
          <Table
            aria-label={t.sessions.table}
            striped
            withColumnBorders
            verticalSpacing={8}
            fz="sm"
            style={{ background: 'white' }}
          >
            <Table.Thead style={{ background: '#f3f5f8' }}>
              <Table.Tr>
                <Table.Th>{columns.device}</Table.Th>
                <Table.Th w={160}>{columns.ip}</Table.Th>
                <Table.Th w={160}>{columns.createdAt}</Table.Th>
                <Table.Th w={160}>{columns.lastSeen}</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.sessionId} data-testid="session-row">
                  <Table.Td>
                    <Text fz="sm" fw={500} title={session.userAgent}>
                      {summarizeUserAgent(session.userAgent) ?? t.sessions.unknownDevice}
                    </Text>
                  </Table.Td>
                  <Table.Td className="akinai-numeric">{session.ip}</Table.Td>
                  <Table.Td className="akinai-numeric">
                    {formatJstDateTime(session.createdAt)}
                  </Table.Td>
                  <Table.Td className="akinai-numeric">
                    {formatJstDateTime(session.lastSeenAt)}
                  </Table.Td>
                  <Table.Td ta="center">
                    {session.current ? (
                      <Badge size="sm" radius="sm" color="teal" variant="light">
                        {t.sessions.current}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revokeOne.isPending && revokeOne.variables === session.sessionId}
                        onClick={() => revokeOne.mutate(session.sessionId)}
                      >
                        {t.sessions.revoke}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
