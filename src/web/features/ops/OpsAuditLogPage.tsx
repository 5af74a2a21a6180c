import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { operatorAuditEvents } from '../../../server/modules/operators/operator-audit-events';
import { opsAuditQueryOptions } from '../../api/ops';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

const eventLabels: Record<string, string> = operatorAuditEvents;

/** 運用操作ログ: what operators did, newest first (append-only on the server). */
export function OpsAuditLogPage() {
  const t = useT();
  const log = useQuery(opsAuditQueryOptions);
  const c = t.ops.audit.columns;
  const items = log.data?.items ?? [];
  return (
    <>
      <PageHeader title={t.ops.audit.title} />
      {log.error && <ErrorAlert error={log.error} />}
      <DataTable
        label={t.ops.audit.table}
        minWidth={900}
        highlightOnHover={false}
        empty={log.isSuccess && items.length === 0 ? t.ops.audit.empty : undefined}
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
    </>
  );
}
