import { Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { TenantListQuery } from '../../../server/modules/operators/operator.schema';
import { opsTenantListQueryOptions } from '../../api/ops';
import { DataTable, RowLink } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus, IconSearch } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { TenantStatusBadge } from './TenantStatusBadge';

const jstDate = (iso: string | null) => (iso ? formatJstDateTime(iso).slice(0, 10) : '—');

/** 組織と契約: every tenant's contract row, filtered by code/name and status. */
export function TenantListPage() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TenantListQuery['status']>();
  const list = useQuery(opsTenantListQueryOptions({ q: q.trim() || undefined, status }));
  const c = t.ops.list.columns;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t.ops.list.title}
        description={t.ops.list.description}
        actions={
          <Button component={Link} to="/ops/tenants/new" leftSection={<IconPlus size={16} />}>
            {t.ops.list.create}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          aria-label={t.ops.list.search}
          placeholder={t.ops.list.search}
          leftSection={<IconSearch size={16} />}
          w={320}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <NativeSelect
          aria-label={t.ops.list.statusFilter}
          value={status ?? ''}
          onChange={(event) =>
            setStatus((event.currentTarget.value || undefined) as TenantListQuery['status'])
          }
          data={[
            { value: '', label: t.ops.list.allStatuses },
            { value: 'trial', label: t.ops.status.trial ?? '' },
            { value: 'active', label: t.ops.status.active ?? '' },
            { value: 'ended', label: t.ops.status.ended ?? '' },
          ]}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      <DataTable
        label={t.ops.list.table}
        minWidth={1100}
        empty={list.isSuccess && items.length === 0 ? t.ops.list.empty : undefined}
        head={
          <>
            <Table.Th>{c.code}</Table.Th>
            <Table.Th>{c.name}</Table.Th>
            <Table.Th>{c.status}</Table.Th>
            <Table.Th>{c.plan}</Table.Th>
            <Table.Th ta="right">{c.seats}</Table.Th>
            <Table.Th>{c.trialEndsAt}</Table.Th>
            <Table.Th>{c.contractEndedAt}</Table.Th>
            <Table.Th>{c.createdAt}</Table.Th>
            <Table.Th>{c.contactEmail}</Table.Th>
          </>
        }
      >
        {items.map((tenant) => (
          <Table.Tr
            key={tenant.tenantId}
            className="akinai-row"
            onClick={() =>
              navigate({ to: '/ops/tenants/$tenantId', params: { tenantId: tenant.tenantId } })
            }
          >
            <Table.Td className="akinai-numeric">
              <RowLink
                render={(props) => (
                  <Link
                    {...props}
                    to="/ops/tenants/$tenantId"
                    params={{ tenantId: tenant.tenantId }}
                  />
                )}
              >
                {tenant.code}
              </RowLink>
            </Table.Td>
            <Table.Td>{tenant.name}</Table.Td>
            <Table.Td>
              <TenantStatusBadge status={tenant.status} />
            </Table.Td>
            <Table.Td>{tenant.plan}</Table.Td>
            <Table.Td ta="right" className="akinai-numeric">
              {tenant.seatsUsed} / {tenant.seatLimit}
            </Table.Td>
            <Table.Td className="akinai-numeric">{jstDate(tenant.trialEndsAt)}</Table.Td>
            <Table.Td className="akinai-numeric">{jstDate(tenant.contractEndedAt)}</Table.Td>
            <Table.Td className="akinai-numeric">{jstDate(tenant.createdAt)}</Table.Td>
            <Table.Td>{tenant.contactEmail}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
