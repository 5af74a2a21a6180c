import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { projectListQueryOptions } from '../../api/projects';
import { useCan } from '../../auth/session';
import { DataTable, RowLink } from '../../components/DataTable';
import { IconPlus } from '../../components/icons';
import { ListEmptyState } from '../../components/ListEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';

/** 物件一覧: in code order, with the customer each project is for and its period. */
export function ProjectListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(projectListQueryOptions);
  const columns = t.projects.columns;
  const empty = data.items.length === 0 && (
    <ListEmptyState
      filtered={false}
      title={t.projects.noneYetTitle}
      description={t.projects.emptyHint}
      action={
        can('projects:create') && (
          <Button component={Link} to="/projects/new" leftSection={<IconPlus size={16} />}>
            {t.projects.createFirst}
          </Button>
        )
      }
    />
  );
  const open = (projectId: string) =>
    navigate({ to: '/projects/$projectId', params: { projectId } });

  return (
    <>
      <PageHeader
        help="projects"
        title={t.projects.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.projects.listTitle }]}
        description={t.projects.count(data.items.length)}
        actions={
          can('projects:create') && (
            <Button component={Link} to="/projects/new" leftSection={<IconPlus size={16} />}>
              {t.projects.create}
            </Button>
          )
        }
      />
      {data.isTruncated && (
        <Alert color="yellow" variant="light" mb="md">
          {t.projects.truncated}
        </Alert>
      )}
      {empty || (
        <DataTable
          label={t.projects.listTitle}
          minWidth={860}
          head={
            <>
              <Table.Th w={150}>{columns.code}</Table.Th>
              <Table.Th>{columns.name}</Table.Th>
              <Table.Th>{columns.customer}</Table.Th>
              <Table.Th w={220}>{columns.period}</Table.Th>
              <Table.Th w={90} ta="center">
                {columns.status}
              </Table.Th>
            </>
          }
        >
          {data.items.map((project) => (
            <Table.Tr
              key={project.projectId}
              className="akinai-row"
              onClick={() => open(project.projectId)}
            >
              <Table.Td className="akinai-numeric">
                <RowLink
                  render={(props) => (
                    <Link
                      {...props}
                      to="/projects/$projectId"
                      params={{ projectId: project.projectId }}
                    />
                  )}
                >
                  {project.code}
                </RowLink>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {project.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {project.customer ? `${project.customer.code}　${project.customer.name}` : '—'}
              </Table.Td>
              <Table.Td className="akinai-numeric">
                {project.startsOn || project.endsOn
                  ? `${project.startsOn ?? ''} 〜 ${project.endsOn ?? ''}`
                  : '—'}
              </Table.Td>
              <Table.Td ta="center">
                <Badge
                  size="sm"
                  radius="sm"
                  variant={project.isActive ? 'light' : 'outline'}
                  color={project.isActive ? 'teal' : 'gray'}
                >
                  {project.isActive ? t.projects.active : t.projects.inactive}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
