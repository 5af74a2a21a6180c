import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Customer } from '../../../server/modules/partners/customers/customer.schema';
import { useT } from '../../i18n/i18n';
import type { CustomerSelection } from './customer-selection';

interface CustomerTableProps {
  customers: Customer[];
  busy: boolean;
  /** Check boxes for bulk edits, for those who may edit customers. */
  selection?: CustomerSelection | undefined;
}

export function CustomerTable({ customers, busy, selection }: CustomerTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const columns = t.customers.columns;

  const open = (customerId: string) =>
    navigate({ to: '/customers/$customerId', params: { customerId } });

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        aria-label={t.customers.table}
        striped
        highlightOnHover
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        fz="sm"
        style={{ opacity: busy ? 0.55 : 1, transition: 'opacity 120ms', background: 'white' }}
      >
        <Table.Thead style={{ background: '#f3f5f8' }}>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <SelectPage customers={customers} selection={selection} />
              </Table.Th>
            )}
            <Table.Th w={130}>{columns.code}</Table.Th>
            <Table.Th>{columns.name}</Table.Th>
            <Table.Th w={190}>{columns.kana}</Table.Th>
            <Table.Th w={140}>{columns.phone}</Table.Th>
            <Table.Th>{columns.address}</Table.Th>
            <Table.Th w={72} ta="center">
              {columns.status}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => {
            const address = [customer.address1, customer.address2].filter(Boolean).join(' ');
            return (
              <Table.Tr
                key={customer.customerId}
                className="akinai-row"
                onClick={() => open(customer.customerId)}
              >
                {selection && (
                  <Table.Td onClick={(event) => event.stopPropagation()}>
                    <Checkbox
                      size="xs"
                      aria-label={t.classifications.selectRow(customer.code)}
                      checked={selection.isSelected(customer.customerId)}
                      onChange={() => selection.toggle(customer.customerId)}
                    />
                  </Table.Td>
                )}
                <Table.Td className="akinai-numeric">
                  <Anchor
                    renderRoot={(props) => (
                      <Link
                        {...props}
                        to="/customers/$customerId"
                        params={{ customerId: customer.customerId }}
                      />
                    )}
                    fz="sm"
                    fw={600}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {customer.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {customer.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed" truncate>
                    {customer.kana}
                  </Text>
                </Table.Td>
                <Table.Td className="akinai-numeric">{customer.phone}</Table.Td>
                <Table.Td maw={320}>
                  <Text fz="sm" truncate title={address}>
                    {customer.postalCode && `〒${customer.postalCode} `}
                    {address}
                  </Text>
                </Table.Td>
                <Table.Td ta="center">
                  <Badge
                    size="sm"
                    radius="sm"
                    variant={customer.isActive ? 'light' : 'outline'}
                    color={customer.isActive ? 'teal' : 'gray'}
                  >
                    {customer.isActive ? t.customers.status.true : t.customers.status.false}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SelectPage({
  customers,
  selection,
}: {
  customers: Customer[];
  selection: CustomerSelection;
}) {
  const t = useT();
  const ids = customers.map((c) => c.customerId);
  const checked = ids.length > 0 && ids.every((id) => selection.isSelected(id));
  const some = ids.some((id) => selection.isSelected(id));
  return (
    <Checkbox
      size="xs"
      aria-label={t.classifications.selectPage}
      checked={checked}
      indeterminate={some && !checked}
      onChange={() => selection.togglePage(ids)}
    />
  );
}
