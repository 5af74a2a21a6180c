import { Badge, Button, Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { departmentListQueryOptions } from '../../api/departments';
import { useCan } from '../../auth/session';
import { DataTable, RowLink } from '../../components/DataTable';
import { IconPlus } from '../../components/icons';
import { ListEmptyState } from '../../components/ListEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';

/** 部門一覧: a company has a handful of departments, so the whole list shows in code order. */
export function DepartmentListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(departmentListQueryOptions);
  const columns = t.departments.columns;
  const empty = data.items.length === 0 && (
    <ListEmptyState
      filtered={false}
      title={t.departments.noneYetTitle}
      description={t.departments.emptyHint}
      action={
        can('departments:create') && (
          <Button component={Link} to="/departments/new" leftSection={<IconPlus size={16} />}>
            {t.departments.createFirst}
          </Button>
        )
      }
    />
  );
  const open = (departmentId: string) =>
    navigate({ to: '/departments/$departmentId', params: { departmentId } });

  return (
    <>
      <PageHeader
        help="departments"
        title={t.departments.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.departments.listTitle }]}
        description={t.departments.count(data.items.length)}
        actions={
          can('departments:create') && (
            <Button component={Link} to="/departments/new" leftSection={<IconPlus size={16} />}>
              {t.departments.create}
            </Button>
          )
        }
      />
      {empty || (
        <DataTable
          label={t.departments.listTitle}
          minWidth={760}
          head={
            <>
              <Table.Th w={140}>{columns.code}</Table.Th>
              <Table.Th>{columns.name}</Table.Th>
              <Table.Th>{columns.address}</Table.Th>
              <Table.Th w={150}>{columns.phone}</Table.Th>
              <Table.Th w={90} ta="center">
                {columns.status}
              </Table.Th>
            </>
          }
        >
          {data.items.map((department) => (
            <Table.Tr
              key={department.departmentId}
              className="akinai-row"
              onClick={() => open(department.departmentId)}
            >
              <Table.Td className="akinai-numeric">
                <RowLink
                  render={(props) => (
                    <Link
                      {...props}
                      to="/departments/$departmentId"
                      params={{ departmentId: department.departmentId }}
                    />
                  )}
                >
                  {department.code}
                </RowLink>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {department.name}
                </Text>
                {department.kana && (
                  <Text fz="xs" c="dimmed">
                    {department.kana}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {department.address1}
                {department.printsOwnAddress && (
                  <Badge ml="xs" size="xs" radius="sm" variant="light" color="blue">
                    {t.departments.printsOwnAddress}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="akinai-numeric">{department.phone}</Table.Td>
              <Table.Td ta="center">
                <Badge
                  size="sm"
                  radius="sm"
                  variant={department.isActive ? 'light' : 'outline'}
                  color={department.isActive ? 'teal' : 'gray'}
                >
                  {department.isActive ? t.departments.active : t.departments.inactive}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
