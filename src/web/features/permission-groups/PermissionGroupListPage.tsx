import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { allBusinessFunctions } from '../../../domain/access/permissions';
import { permissionGroupListQueryOptions } from '../../api/permission-groups';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

/** アクセス権限グループ一覧: each group with how many users it governs. */
export function PermissionGroupListPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(permissionGroupListQueryOptions);
  const columns = t.permissionGroups.columns;
  const open = (groupId: string) =>
    navigate({ to: '/settings/permission-groups/$groupId', params: { groupId } });
  return (
    <>
      <PageHeader
        help="permission-groups"
        title={t.permissionGroups.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.permissionGroups.listTitle }]}
        description={t.permissionGroups.lead}
        actions={
          <Button
            component={Link}
            to="/settings/permission-groups/new"
            leftSection={<IconPlus size={16} />}
          >
            {t.permissionGroups.create}
          </Button>
        }
      />
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={720}>
          <Table
            aria-label={t.permissionGroups.table}
            striped
            highlightOnHover
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            style={{ background: 'white' }}
          >
            <Table.Thead style={{ background: '#f3f5f8' }}>
              <Table.Tr>
                <Table.Th>{columns.name}</Table.Th>
                <Table.Th w={120} ta="right">
                  {columns.members}
                </Table.Th>
                <Table.Th w={220}>{columns.grants}</Table.Th>
                <Table.Th w={170}>{columns.updated}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" fz="sm" py="md" ta="center">
                      {t.permissionGroups.empty}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data.items.map((group) => {
                const viewable = group.permissions.filter((p) => p.endsWith(':view')).length;
                return (
                  <Table.Tr
                    key={group.groupId}
                    className="akinai-row"
                    onClick={() => open(group.groupId)}
                  >
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/settings/permission-groups/$groupId"
                            params={{ groupId: group.groupId }}
                          />
                        )}
                        fz="sm"
                        fw={600}
                        onClick={(event) => event.stopPropagation()}
                      >
                        {group.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" className="akinai-numeric">
                      {t.permissionGroups.members(group.memberCount)}
                    </Table.Td>
                    <Table.Td>
                      {viewable === 0 ? (
                        <Badge size="sm" radius="sm" variant="outline" color="gray">
                          {t.permissionGroups.noGrants}
                        </Badge>
                      ) : (
                        t.permissionGroups.grantSummary(viewable, allBusinessFunctions.length)
                      )}
                    </Table.Td>
                    <Table.Td className="akinai-numeric">
                      {formatJstDateTime(group.updatedAt)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
