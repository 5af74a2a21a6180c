import { Anchor, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  /** The table's accessible name (screen readers, tests). */
  label: string;
  minWidth: number;
  /** The header cells (<Table.Th>). */
  head: ReactNode;
  /** The rows (<Table.Tr>). */
  children: ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  highlightOnHover?: boolean;
}

/**
 * The list table every master and admin screen uses: bordered, striped, dense like a desktop
 * 販売管理 list, scrolling sideways on narrow screens instead of squeezing columns.
 */
export function DataTable({
  label,
  minWidth,
  head,
  children,
  empty,
  highlightOnHover = true,
}: DataTableProps) {
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      {empty ? (
        <Text p="xl" ta="center" c="dimmed" fz="sm">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            aria-label={label}
            striped
            highlightOnHover={highlightOnHover}
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            style={{ background: 'white' }}
          >
            <Table.Thead style={{ background: '#f3f5f8' }}>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * The link in a row's first cell. The whole row opens the record on click; the link is there
 * for the keyboard, a new tab and screen readers, and must not open it twice.
 */
export function RowLink({
  render,
  children,
}: {
  render: (props: Record<string, unknown>) => ReactNode;
  children: ReactNode;
}) {
  return (
    <Anchor
      renderRoot={render as never}
      fz="sm"
      fw={600}
      onClick={(event) => event.stopPropagation()}
    >
      {children}
    </Anchor>
  );
}
