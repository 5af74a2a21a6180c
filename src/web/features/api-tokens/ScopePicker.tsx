import { Checkbox, Table } from '@mantine/core';
import {
  allBusinessFunctions,
  allPermissionActions,
  businessFunctions,
  type Permission,
  permissionActions,
} from '../../../domain/access/permissions';

/**
 * Function × action grid of what the signed-in user holds; only those cells can be ticked, so
 * a token can never be asked for more than its owner may do (the server checks it again).
 */
export function ScopePicker({
  granted,
  selected,
  onChange,
  label,
}: {
  granted: (permission: Permission) => boolean;
  selected: ReadonlySet<Permission>;
  onChange: (next: Set<Permission>) => void;
  label: string;
}) {
  const rows = allBusinessFunctions.filter((fn) =>
    allPermissionActions.some((action) => granted(`${fn}:${action}`)),
  );
  const toggle = (permission: Permission, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(permission);
    else next.delete(permission);
    onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={520} maxHeight={320} type="native">
      <Table
        aria-label={label}
        stickyHeader
        withTableBorder
        withColumnBorders
        fz="sm"
        verticalSpacing={4}
      >
        <Table.Thead style={{ background: '#f3f5f8' }}>
          <Table.Tr>
            <Table.Th />
            {allPermissionActions.map((action) => (
              <Table.Th key={action} ta="center" w={64}>
                {permissionActions[action].label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((fn) => (
            <Table.Tr key={fn}>
              <Table.Td fw={500}>{businessFunctions[fn].label}</Table.Td>
              {allPermissionActions.map((action) => {
                const permission: Permission = `${fn}:${action}`;
                return (
                  <Table.Td key={action} ta="center">
                    {granted(permission) && (
                      <Checkbox
                        aria-label={`${businessFunctions[fn].label} ${permissionActions[action].label}`}
                        checked={selected.has(permission)}
                        onChange={(event) => toggle(permission, event.currentTarget.checked)}
                        style={{ display: 'inline-block' }}
                      />
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
