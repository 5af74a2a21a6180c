import { Alert, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { User } from '../../../server/modules/identity/user.schema';
import { userListQueryOptions } from '../../api/users';
import { DataTable, RowLink } from '../../components/DataTable';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

/** 担当者一覧: every account of the organisation, with the seats the contract allows. */
export function UserListPage() {
  const t = useT();
  const { data } = useSuspenseQuery(userListQueryOptions);
  const full = data.activeCount >= data.seatLimit;
  return (
    <>
      <PageHeader
        help="users"
        title={t.users.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.users.listTitle }]}
        description={t.users.seats(data.activeCount, data.seatLimit)}
        actions={
          <Button component={Link} to="/settings/users/new" leftSection={<IconPlus size={16} />}>
            {t.users.create}
          </Button>
        }
      />
      {full && (
        <Alert color="yellow" variant="light" mb="md">
          {t.users.seatsFull}
        </Alert>
      )}
      <UserTable users={data.items} />
    </>
  );
}

function UserTable({ users }: { users: User[] }) {
  const t = useT();
  const navigate = useNavigate();
  const columns = t.users.columns;
  const open = (userId: string) => navigate({ to: '/settings/users/$userId', params: { userId } });
  return (
    <DataTable
      label={t.users.table}
      minWidth={860}
      head={
        <>
          <Table.Th w={180}>{columns.loginId}</Table.Th>
          <Table.Th>{columns.name}</Table.Th>
          <Table.Th w={160}>{columns.department}</Table.Th>
          <Table.Th w={170}>{columns.group}</Table.Th>
          <Table.Th w={100} ta="center">
            {columns.orgAdmin}
          </Table.Th>
          <Table.Th w={240} ta="center">
            {columns.status}
          </Table.Th>
          <Table.Th w={150}>{columns.lastLogin}</Table.Th>
        </>
      }
    >
      {users.map((user) => (
        <Table.Tr key={user.userId} className="akinai-row" onClick={() => open(user.userId)}>
          <Table.Td className="akinai-numeric">
            <RowLink
              render={(props) => (
                <Link {...props} to="/settings/users/$userId" params={{ userId: user.userId }} />
              )}
            >
              {user.loginId}
            </RowLink>
          </Table.Td>
          <Table.Td>
            <Text fz="sm" fw={500}>
              {user.name}
            </Text>
            {user.kana && (
              <Text fz="xs" c="dimmed">
                {user.kana}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{user.department}</Table.Td>
          <Table.Td>{user.groupName ?? t.users.noGroup}</Table.Td>
          <Table.Td ta="center">
            {user.isOrgAdmin && (
              <Badge size="sm" radius="sm" color="red" variant="light">
                {columns.orgAdmin}
              </Badge>
            )}
          </Table.Td>
          <Table.Td ta="center">
            <Group gap={4} justify="center">
              <Badge
                size="sm"
                radius="sm"
                variant={user.isActive ? 'light' : 'outline'}
                color={user.isActive ? 'teal' : 'gray'}
              >
                {user.isActive ? t.users.status.active : t.users.status.inactive}
              </Badge>
              {user.isActive && user.mustChangePassword && (
                <Badge size="sm" radius="sm" variant="outline" color="orange">
                  {t.users.status.mustChange}
                </Badge>
              )}
              {user.lockedUntil && (
                <Badge size="sm" radius="sm" variant="filled" color="red">
                  {t.users.status.locked}
                </Badge>
              )}
              {user.mfaEnabled && (
                <Badge size="sm" radius="sm" variant="outline" color="blue">
                  {t.users.status.mfa}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td className="akinai-numeric">
            {user.lastLoginAt ? formatJstDateTime(user.lastLoginAt) : t.users.never}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
