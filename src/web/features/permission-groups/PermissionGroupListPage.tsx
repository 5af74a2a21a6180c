import { Badge, Button, Table } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { allBusinessFunctions } from '../../../domain/access/permissions';
import { permissionGroupListQueryOptions } from '../../api/permission-groups';
import { DataTable, RowLink } from '../../components/DataTable';
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
      <DataTable
        label={t.permissionGroups.table}
        minWidth={720}
        empty={data.items.length === 0 && t.permissionGroups.empty}
        head={
          <>
            <Table.Th>{columns.name}</Table.Th>
            <Table.Th w={120} ta="right">
              {columns.members}
            </Table.Th>
            <Table.Th w={220}>{columns.grants}</Table.Th>
            <Table.Th w={170}>{columns.updated}</Table.Th>
          </>
        }
      >
        {data.items.map((group) => {
          const viewable = group.permissions.filter((p) => p.endsWith(':view')).length;
          return (
            <Table.Tr
              key={group.groupId}
              className="akinai-row"
              onClick={() => open(group.groupId)}
            >
              <Table.Td>
                <RowLink
                  render={(props) => (
                    <Link
                      {...props}
                      to="/settings/permission-groups/$groupId"
                      params={{ groupId: group.groupId }}
                    />
                  )}
                >
                  {group.name}
                </RowLink>
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
              <Table.Td className="akinai-numeric">{formatJstDateTime(group.updatedAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </>
  );
}
