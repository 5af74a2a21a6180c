import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import {
  businessFunctions,
  isPermission,
  type Permission,
  permissionActions,
} from '../../../domain/access/permissions';
import type { ApiToken } from '../../../server/modules/api-tokens/api-token.schema';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

/** 得意先: 参照・登録 — the scope grouped by function, as people read it. */
export function describeScope(scope: readonly string[]): string[] {
  const byFunction = new Map<string, string[]>();
  for (const value of scope.filter(isPermission) as Permission[]) {
    const [fn, action] = value.split(':') as [
      keyof typeof businessFunctions,
      keyof typeof permissionActions,
    ];
    const label = businessFunctions[fn].label;
    byFunction.set(label, [...(byFunction.get(label) ?? []), permissionActions[action].label]);
  }
  return [...byFunction].map(([fn, actions]) => `${fn}: ${actions.join('・')}`);
}

export function ApiTokenTable({
  tokens,
  showOwner,
  onRevoke,
}: {
  tokens: ApiToken[];
  showOwner: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const t = useT();
  const c = t.apiTokens.columns;
  const now = Date.now();
  if (tokens.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Text c="dimmed" ta="center">
          {t.apiTokens.empty}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={900}>
        <Table
          aria-label={showOwner ? t.apiTokens.adminTitle : t.apiTokens.title}
          striped
          withColumnBorders
          verticalSpacing={6}
          fz="sm"
          style={{ background: 'white' }}
        >
          <Table.Thead style={{ background: '#f3f5f8' }}>
            <Table.Tr>
              <Table.Th>{c.name}</Table.Th>
              {showOwner && <Table.Th w={160}>{c.owner}</Table.Th>}
              <Table.Th>{c.scope}</Table.Th>
              <Table.Th w={150}>{c.createdAt}</Table.Th>
              <Table.Th w={150}>{c.lastUsedAt}</Table.Th>
              <Table.Th w={170}>{c.expiresAt}</Table.Th>
              <Table.Th w={90} ta="center">
                {c.actions}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => {
              const expired = new Date(token.expiresAt).getTime() <= now;
              return (
                <Table.Tr key={token.tokenId}>
                  <Table.Td fw={600}>{token.name}</Table.Td>
                  {showOwner && (
                    <Table.Td>
                      {token.owner.name}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {token.owner.loginId}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    {describeScope(token.scope).map((line) => (
                      <Text key={line} size="xs">
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td className="akinai-numeric">
                    {formatJstDateTime(token.createdAt)}
                  </Table.Td>
                  <Table.Td className="akinai-numeric">
                    {token.lastUsedAt ? formatJstDateTime(token.lastUsedAt) : t.apiTokens.never}
                  </Table.Td>
                  <Table.Td className="akinai-numeric">
                    <Group gap={6} wrap="nowrap">
                      {formatJstDateTime(token.expiresAt)}
                      {expired && (
                        <Badge color="gray" variant="light" size="sm">
                          {t.apiTokens.expired}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="center">
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="red"
                      onClick={() => onRevoke(token)}
                      aria-label={`${t.apiTokens.revoke}: ${token.name}`}
                    >
                      {t.apiTokens.revoke}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
