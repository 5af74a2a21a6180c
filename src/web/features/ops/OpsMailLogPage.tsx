import { Badge, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type MailLogQuery,
  type MailStatus,
  mailStatuses,
} from '../../../server/modules/operators/mail-log.schema';
import { opsMailLogQueryOptions } from '../../api/ops';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';

const statusColor: Record<MailStatus, string> = { queued: 'blue', sent: 'teal', failed: 'red' };

/** メールログ: every tenant's outgoing mail, its delivery state and failure reason. */
export function OpsMailLogPage() {
  const t = useT();
  const m = t.ops.mailLog;
  const [query, setQuery] = useState<MailLogQuery>({ page: 1 });
  const [tenantCode, setTenantCode] = useState('');
  const log = useQuery({ ...opsMailLogQueryOptions(query), placeholderData: keepPreviousData });
  const items = log.data?.items ?? [];
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / log.data.pageSize)) : 1;
  const c = m.columns;
  return (
    <>
      <PageHeader title={m.title} description={m.lead} />
      <Group mb="md" align="flex-end" gap="sm">
        <Select
          label={m.status}
          w={180}
          data={[
            { value: '', label: m.allStatuses },
            ...mailStatuses.map((s) => ({ value: s, label: m.statuses[s] })),
          ]}
          value={query.status ?? ''}
          allowDeselect={false}
          onChange={(value) =>
            setQuery({ ...query, status: (value || undefined) as MailStatus | undefined, page: 1 })
          }
        />
        <TextInput
          label={m.tenantCode}
          w={220}
          value={tenantCode}
          onChange={(e) => setTenantCode(e.currentTarget.value)}
          onBlur={() => setQuery({ ...query, tenantCode: tenantCode.trim() || undefined, page: 1 })}
          onKeyDown={(e) => {
            if (e.key === 'Enter')
              setQuery({ ...query, tenantCode: tenantCode.trim() || undefined, page: 1 });
          }}
        />
        {log.data && (
          <Text size="sm" c="dimmed" pb={8}>
            {m.total(log.data.total)}
          </Text>
        )}
      </Group>
      {log.error && <ErrorAlert error={log.error} />}
      <DataTable
        label={m.table}
        minWidth={1100}
        highlightOnHover={false}
        empty={log.isSuccess && items.length === 0 ? m.empty : undefined}
        head={
          <>
            <Table.Th w={150}>{c.at}</Table.Th>
            <Table.Th w={130}>{c.tenant}</Table.Th>
            <Table.Th w={90}>{c.status}</Table.Th>
            <Table.Th w={70}>{c.attempts}</Table.Th>
            <Table.Th>{c.subject}</Table.Th>
            <Table.Th w={190}>{c.recipients}</Table.Th>
            <Table.Th w={260}>{c.error}</Table.Th>
          </>
        }
      >
        {items.map((mail) => (
          <Table.Tr key={mail.mailId}>
            <Table.Td className="akinai-numeric">{formatJstDateTime(mail.createdAt)}</Table.Td>
            <Table.Td className="akinai-numeric">{mail.tenantCode}</Table.Td>
            <Table.Td>
              <Badge color={statusColor[mail.status]} variant="light">
                {m.statuses[mail.status]}
              </Badge>
            </Table.Td>
            <Table.Td className="akinai-numeric">{mail.attempts}</Table.Td>
            <Table.Td>{mail.subject}</Table.Td>
            <Table.Td className="akinai-numeric">{mail.recipients.join(', ')}</Table.Td>
            <Table.Td>
              {mail.lastError ? (
                <Text size="sm" c={mail.status === 'failed' ? 'red.8' : 'orange.8'}>
                  {mail.lastError}
                </Text>
              ) : mail.status === 'queued' ? (
                <Text size="sm" c="dimmed">
                  {m.nextAttempt(formatJstDateTime(mail.nextAttemptAt))}
                </Text>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={query.page}
            onChange={(page) => setQuery({ ...query, page })}
          />
        </Group>
      )}
    </>
  );
}
