import { Badge, Checkbox, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { Messages } from '../../i18n/ja';
import type { PartnerSelection } from './partner-selection';

export interface PartnerRow {
  id: string;
  code: string;
  name: string;
  kana: string;
  phone: string;
  postalCode: string;
  address1: string;
  address2: string;
  isActive: boolean;
}

interface PartnerTableProps {
  rows: PartnerRow[];
  busy: boolean;
  messages: Messages['customers'];
  open: (id: string) => void;
  /** The code cell's link to the row's form (the route differs per master). */
  codeLink: (row: PartnerRow) => ReactNode;
  /** Check boxes for bulk edits, for those who may edit this master. */
  selection?: PartnerSelection | undefined;
}

/** The rows of a partner list (得意先, 仕入先): code, name, kana, phone, address, status. */
export function PartnerTable(props: PartnerTableProps) {
  const { rows, busy, messages, open, codeLink, selection } = props;
  const t = useT();
  const columns = messages.columns;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        aria-label={messages.table}
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
                <SelectPage ids={rows.map((row) => row.id)} selection={selection} />
              </Table.Th>
            )}
            <Table.Th w={130}>{columns.code}</Table.Th>
            <Table.Th>{columns.name}</Table.Th>
            <Table.Th w={190}>{columns.kana}</Table.Th>
            <Table.Th w={140}>{columns.phone}</Table.Th>
            <Table.Th>{columns.address}</Table.Th>
            <Table.Th w={96} ta="center">
              {columns.status}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const address = [row.address1, row.address2].filter(Boolean).join(' ');
            return (
              <Table.Tr key={row.id} className="akinai-row" onClick={() => open(row.id)}>
                {selection && (
                  <Table.Td onClick={(event) => event.stopPropagation()}>
                    <Checkbox
                      size="xs"
                      aria-label={t.classifications.selectRow(row.code)}
                      checked={selection.isSelected(row.id)}
                      onChange={() => selection.toggle(row.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td className="akinai-numeric">{codeLink(row)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed" truncate>
                    {row.kana}
                  </Text>
                </Table.Td>
                <Table.Td className="akinai-numeric">{row.phone}</Table.Td>
                <Table.Td maw={320}>
                  <Text fz="sm" truncate title={address}>
                    {row.postalCode && `〒${row.postalCode} `}
                    {address}
                  </Text>
                </Table.Td>
                <Table.Td ta="center">
                  <Badge
                    size="sm"
                    radius="sm"
                    variant={row.isActive ? 'light' : 'outline'}
                    color={row.isActive ? 'teal' : 'gray'}
                  >
                    {row.isActive ? messages.status.true : messages.status.false}
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

function SelectPage({ ids, selection }: { ids: string[]; selection: PartnerSelection }) {
  const t = useT();
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
