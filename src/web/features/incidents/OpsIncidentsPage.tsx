import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  FIRST_NOTICE_TARGET_MINUTES,
  type OpsIncident,
} from '../../../server/modules/incidents/incident.schema';
import { opsIncidentsQueryOptions } from '../../api/incidents';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import {
  DeclareIncidentDialog,
  IncidentUpdateDialog,
  RecordIncidentDialog,
} from './IncidentDialogs';
import { IncidentStatusBadge, SeverityBadge } from './SeverityBadge';

const jst = (iso: string | null) => (iso ? formatJstDateTime(iso) : '—');

/** 障害: detection, declaration, updates; the first-notice time against the 2-hour target. */
export function OpsIncidentsPage() {
  const t = useT();
  const i = t.incidents;
  const list = useQuery({ ...opsIncidentsQueryOptions, refetchInterval: 60_000 });
  const [recording, setRecording] = useState(false);
  const [declaring, setDeclaring] = useState<OpsIncident | null>(null);
  const [updating, setUpdating] = useState<OpsIncident | null>(null);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={i.title}
        description={i.description}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
            {i.record}
          </Button>
        }
      />
      {list.error && <ErrorAlert error={list.error} />}
      <DataTable
        label={i.table}
        minWidth={1100}
        highlightOnHover={false}
        empty={list.isSuccess && items.length === 0 ? i.empty : undefined}
        head={
          <>
            <Table.Th>{i.titleLabel}</Table.Th>
            <Table.Th w={80}>{i.severity}</Table.Th>
            <Table.Th w={120}>{i.status}</Table.Th>
            <Table.Th w={150}>{i.affected}</Table.Th>
            <Table.Th w={140}>{i.detectedAt}</Table.Th>
            <Table.Th w={140}>{i.declaredAt}</Table.Th>
            <Table.Th w={150}>
              {i.elapsed}
              <Text size="xs" c="dimmed" fw={400}>
                {i.target}
              </Text>
            </Table.Th>
            <Table.Th w={130} />
          </>
        }
      >
        {items.map((incident) => (
          <Table.Tr key={incident.incidentId} data-testid="incident-row">
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {incident.title}
                </Text>
                {incident.updates.length > 0 && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {incident.updates.at(-1)?.message}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <SeverityBadge severity={incident.severity} />
            </Table.Td>
            <Table.Td>
              <IncidentStatusBadge status={incident.status} />
            </Table.Td>
            <Table.Td className="akinai-numeric">
              {incident.declaredAt === null
                ? '—'
                : incident.allTenants
                  ? i.allTenants
                  : incident.affectedTenants.map((a) => a.code).join(', ')}
            </Table.Td>
            <Table.Td className="akinai-numeric">{jst(incident.detectedAt)}</Table.Td>
            <Table.Td className="akinai-numeric">
              {incident.declaredAt ? jst(incident.declaredAt) : i.notDeclared}
            </Table.Td>
            <Table.Td>
              <ElapsedCell incident={incident} />
            </Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                {incident.declaredAt === null && (
                  <Button size="xs" color="red" onClick={() => setDeclaring(incident)}>
                    {i.declare}
                  </Button>
                )}
                {incident.declaredAt !== null && incident.resolvedAt === null && (
                  <Button size="xs" variant="light" onClick={() => setUpdating(incident)}>
                    {i.postUpdate}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <RecordIncidentDialog opened={recording} onClose={() => setRecording(false)} />
      {declaring && (
        <DeclareIncidentDialog incident={declaring} onClose={() => setDeclaring(null)} />
      )}
      {updating && <IncidentUpdateDialog incident={updating} onClose={() => setUpdating(null)} />}
    </>
  );
}

/** Detection → first notice; still counting (to now) while nothing has been declared. */
function ElapsedCell({ incident }: { incident: OpsIncident }) {
  const t = useT();
  const i = t.incidents;
  const label = i.minutes(incident.firstNoticeMinutes);
  const waiting = incident.declaredAt === null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="incident-elapsed">
      <Text
        size="sm"
        className="akinai-numeric"
        fw={incident.overTarget ? 700 : 400}
        c={incident.overTarget ? 'red' : undefined}
      >
        {waiting ? `${label}…` : label}
      </Text>
      {incident.overTarget ? (
        <Badge color="red" variant="filled" size="sm">
          {i.overTarget}
        </Badge>
      ) : (
        waiting &&
        incident.firstNoticeMinutes > FIRST_NOTICE_TARGET_MINUTES / 2 && (
          <Badge color="orange" variant="light" size="sm">
            {i.target}
          </Badge>
        )
      )}
    </Group>
  );
}
