import { Checkbox, Table, Text } from '@mantine/core';
import {
  columnIsFull,
  permissionGridSections,
  rowIsFull,
  setColumn,
  setGrant,
  setRow,
} from '../../../domain/access/permission-grid';
import {
  allPermissionActions,
  type BusinessFunction,
  type Permission,
  type PermissionAction,
} from '../../../domain/access/permissions';
import { useT } from '../../i18n/i18n';

interface PermissionGridProps {
  value: ReadonlySet<Permission>;
  onChange: (next: Set<Permission>) => void;
  disabled?: boolean;
}

/**
 * 機能 × 操作 as a spreadsheet-like grid, one band per section (販売, 購買, …), with "all"
 * toggles per row and per section column. The 参照 implication lives in src/domain, so what
 * the grid shows is exactly what the server will store.
 */
export function PermissionGrid({ value, onChange, disabled }: PermissionGridProps) {
  const t = useT();
  const grid = t.permissionGroups.grid;
  const fnLabel = (fn: BusinessFunction) => t.menu.functions[fn];
  const actionLabel = (action: PermissionAction) => t.permissionGroups.gridActions[action];
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        fz="sm"
        aria-label={t.permissionGroups.sections.grants}
        style={{ background: 'white' }}
      >
        <Table.Thead style={{ background: '#f3f5f8' }}>
          <Table.Tr>
            <Table.Th>{grid.function}</Table.Th>
            {allPermissionActions.map((action) => (
              <Table.Th key={action} w={78} ta="center">
                {actionLabel(action)}
              </Table.Th>
            ))}
            <Table.Th w={78} ta="center">
              {grid.all}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {permissionGridSections.map((section) => {
          const functions = section.functions as readonly BusinessFunction[];
          return (
            <Table.Tbody key={section.key}>
              <Table.Tr style={{ background: '#eef2f7' }}>
                <Table.Td>
                  <Text fz="sm" fw={700}>
                    {t.permissionGroups.gridSections[section.key]}
                  </Text>
                </Table.Td>
                {allPermissionActions.map((action) => {
                  const full = columnIsFull(value, functions, action);
                  const some = functions.some((fn) => value.has(`${fn}:${action}`));
                  return (
                    <Table.Td key={action} ta="center">
                      <Checkbox
                        size="xs"
                        display="inline-block"
                        color="gray"
                        aria-label={grid.columnAll(
                          t.permissionGroups.gridSections[section.key],
                          actionLabel(action),
                        )}
                        checked={full}
                        indeterminate={!full && some}
                        disabled={disabled}
                        onChange={(event) =>
                          onChange(setColumn(value, functions, action, event.currentTarget.checked))
                        }
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td />
              </Table.Tr>
              {functions.map((fn) => {
                const full = rowIsFull(value, fn);
                const some = allPermissionActions.some((action) => value.has(`${fn}:${action}`));
                return (
                  <Table.Tr key={fn}>
                    <Table.Td pl="lg">{fnLabel(fn)}</Table.Td>
                    {allPermissionActions.map((action) => (
                      <Table.Td key={action} ta="center">
                        <Checkbox
                          size="sm"
                          display="inline-block"
                          aria-label={grid.cell(fnLabel(fn), actionLabel(action))}
                          checked={value.has(`${fn}:${action}`)}
                          disabled={disabled}
                          onChange={(event) =>
                            onChange(setGrant(value, fn, action, event.currentTarget.checked))
                          }
                        />
                      </Table.Td>
                    ))}
                    <Table.Td ta="center">
                      <Checkbox
                        size="sm"
                        display="inline-block"
                        color="gray"
                        aria-label={grid.rowAll(fnLabel(fn))}
                        checked={full}
                        indeterminate={!full && some}
                        disabled={disabled}
                        onChange={(event) =>
                          onChange(setRow(value, fn, event.currentTarget.checked))
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          );
        })}
      </Table>
    </Table.ScrollContainer>
  );
}
