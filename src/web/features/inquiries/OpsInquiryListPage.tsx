import { Group, NativeSelect, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { InquiryStatus } from '../../../server/modules/inquiries/inquiry.schema';
import { opsInquiriesQueryOptions } from '../../api/inquiries';
import { DataTable, RowLink } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { InquiryStatusBadge } from './Conversation';

/** 問い合わせ in the console: every tenant's, open ones first by default, with the 組織コード. */
export function OpsInquiryListPage() {
  const t = useT();
  const q = t.inquiries;
  const navigate = useNavigate();
  const [status, setStatus] = useState<InquiryStatus | 'all'>('open');
  const list = useQuery({ ...opsInquiriesQueryOptions(status), refetchInterval: 60_000 });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={q.opsTitle} description={q.opsDescription} />
      <Group mb="md">
        <NativeSelect
          aria-label={q.filter}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as InquiryStatus | 'all')}
          data={[
            { value: 'open', label: q.statuses.open ?? '' },
            { value: 'answered', label: q.statuses.answered ?? '' },
            { value: 'closed', label: q.statuses.closed ?? '' },
            { value: 'all', label: q.all },
          ]}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      <DataTable
        label={q.table}
        minWidth={1000}
        empty={list.isSuccess && items.length === 0 ? q.empty : undefined}
        head={
          <>
            <Table.Th w={140}>{q.tenant}</Table.Th>
            <Table.Th>{q.subject}</Table.Th>
            <Table.Th w={120}>{q.category}</Table.Th>
            <Table.Th w={140}>{q.createdBy}</Table.Th>
            <Table.Th w={110}>{q.status}</Table.Th>
            <Table.Th w={150}>{q.updatedAt}</Table.Th>
          </>
        }
      >
        {items.map((inquiry) => (
          <Table.Tr
            key={inquiry.inquiryId}
            className="akinai-row"
            onClick={() =>
              navigate({
                to: '/ops/inquiries/$inquiryId',
                params: { inquiryId: inquiry.inquiryId },
              })
            }
          >
            <Table.Td className="akinai-numeric">{inquiry.tenantCode}</Table.Td>
            <Table.Td>
              <RowLink
                render={(props) => (
                  <Link
                    {...props}
                    to="/ops/inquiries/$inquiryId"
                    params={{ inquiryId: inquiry.inquiryId }}
                  />
                )}
              >
                {inquiry.subject}
              </RowLink>
            </Table.Td>
            <Table.Td>{q.categories[inquiry.category]}</Table.Td>
            <Table.Td>{inquiry.createdByName}</Table.Td>
            <Table.Td>
              <InquiryStatusBadge status={inquiry.status} />
            </Table.Td>
            <Table.Td className="akinai-numeric">{formatJstDateTime(inquiry.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
