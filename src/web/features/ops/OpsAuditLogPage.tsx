import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OperatorAuditQuery } from '../../../server/modules/operators/operator.schema';
import {
  type OperatorAuditEvent,
  operatorAuditEvents,
} from '../../../server/modules/operators/operator-audit-events';
import { opsAuditQueryOptions, opsOperatorsQueryOptions } from '../../api/ops';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

const eventLabels: Record<string, string> = operatorAuditEvents;
const eventOptions = Object.entries(operatorAuditEvents).map(([value, label]) => ({
  value,
  label,
}));

/**
 * 運用操作ログ: what operators did, newest first (append-only on the server), 100 at a time
 * with 「さらに表示」 (keyset paging: the log can be long), filtered by operator or action.
 */
export function OpsAuditLogPage() {
  const t = useT();
  const a = t.ops.audit;
  const [filter, setFilter] = useState<Omit<OperatorAuditQuery, 'before'>>({});
  const log = useInfiniteQuery(opsAuditQueryOptions(filter));
  const operators = useQuery(opsOperatorsQueryOptions).data?.items ?? [];
  const c = a.columns;
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title={a.title} />
      <Group mb="md" align="flex-end" gap="sm">
        <Select
          label={a.operator}
          w={240}
          data={[
            { value: '', label: a.allOperators },
            ...operators.map((o) => ({ value: o.operatorId, label: `${o.name}（${o.loginId}）` })),
          ]}
          value={filter.operatorId ?? ''}
          allowDeselect={false}
          onChange={(value) => setFilter({ ...filter, operatorId: value || undefined })}
        />
        <Select
          label={a.action}
          w={280}
          searchable
          data={[{ value: '', label: a.allActions }, ...eventOptions]}
          value={filter.event ?? ''}
          allowDeselect={false}
          onChange={(value) =>
            setFilter({ ...filter, event: (value || undefined) as OperatorAuditEvent | undefined })
          }
        />
      </Group>
      {log.error && <ErrorAlert error={log.error} />}
      <DataTable
        label={a.table}
        minWidth={900}
        highlightOnHover={false}
        empty={log.isSuccess && items.length === 0 ? a.empty : undefined}
        head={
          <>
            <Table.Th w={150}>{c.at}</Table.Th>
            <Table.Th>{c.actor}</Table.Th>
            <Table.Th>{c.event}</Table.Th>
            <Table.Th>{c.tenant}</Table.Th>
            <Table.Th>{c.target}</Table.Th>
            <Table.Th>{c.ip}</Table.Th>
          </>
        }
      >
        {items.map((entry) => (
          <Table.Tr key={entry.seq}>
            <Table.Td className="akinai-numeric">{formatJstDateTime(entry.occurredAt)}</Table.Td>
            <Table.Td>{entry.actorLabel}</Table.Td>
            <Table.Td>{eventLabels[entry.event] ?? entry.event}</Table.Td>
            <Table.Td className="akinai-numeric">{entry.targetTenantCode ?? '—'}</Table.Td>
            <Table.Td className="akinai-numeric">
              {entry.targetType ? `${entry.targetType}: ${entry.targetId ?? ''}` : '—'}
            </Table.Td>
            <Table.Td className="akinai-numeric">{entry.ip}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Group justify="space-between" mt="sm">
        <Text fz="sm" c="dimmed" data-testid="ops-audit-shown">
          {a.shown(items.length)}
        </Text>
        {log.hasNextPage ? (
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            onClick={() => log.fetchNextPage()}
          >
            {a.loadMore}
          </Button>
        ) : (
          items.length > 0 && (
            <Text fz="sm" c="dimmed">
              {a.end}
            </Text>
          )
        )}
      </Group>
    </>
  );
}
