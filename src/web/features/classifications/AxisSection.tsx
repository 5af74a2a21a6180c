import { ActionIcon, Box, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  ClassificationAxis,
  ClassificationItem,
} from '../../../server/modules/partners/classifications/classification.schema';
import { deleteAxis, deleteItem, type ItemDeletion, reorderItems } from '../../api/classifications';
import { isApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { AxisNameDialog } from './AxisNameDialog';
import { InUseDialog } from './InUseDialog';
import { ItemDialog } from './ItemDialog';
import { moved } from './move';

type Target = { kind: 'axis' } | { kind: 'item'; item: ClassificationItem };
type Deletion = { target: Target; choice?: Exclude<ItemDeletion, { resolution?: undefined }> };

/** One axis: its name and place among the axes, and its items with add/edit/order/delete. */
export function AxisSection(props: {
  axis: ClassificationAxis;
  isFirst: boolean;
  isLast: boolean;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
  onChanged: () => Promise<unknown>;
}) {
  const { axis, onChanged } = props;
  const t = useT();
  const flash = useFlash();
  const [renaming, setRenaming] = useState(false);
  const [editing, setEditing] = useState<{ item: ClassificationItem | null } | null>(null);
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [inUse, setInUse] = useState<{ target: Target; count: number } | null>(null);
  const nameOf = (target: Target) => (target.kind === 'axis' ? axis.name : target.item.name);

  const reorder = useMutation({
    mutationFn: (items: ClassificationItem[]) =>
      reorderItems(axis.axisId, {
        items: items.map((item) => ({ itemId: item.itemId, version: item.version })),
      }),
    onSettled: onChanged,
  });

  const remove = useMutation({
    mutationFn: ({ target, choice }: Deletion) =>
      target.kind === 'item'
        ? deleteItem(target.item.itemId, target.item.version, choice)
        : deleteAxis(axis.axisId, axis.version, choice ? 'clear' : undefined),
    onSuccess: async (_, { target }) => {
      await onChanged();
      flash(t.classifications.removed(nameOf(target)));
      setConfirming(null);
      setInUse(null);
    },
    onError: (error, { target }) => {
      if (isApiError(error, 'classification_in_use')) {
        setConfirming(null);
        setInUse({ target, count: error.problem?.usageCount ?? 0 });
        remove.reset();
      }
    },
  });

  return (
    <Paper
      component="section"
      withBorder
      aria-label={axis.name}
      data-testid={`axis-${axis.name}`}
      style={{ overflow: 'hidden', borderColor: 'var(--akinai-panel-border)' }}
    >
      <Group
        px="md"
        py={8}
        justify="space-between"
        style={{ background: '#f3f5f8', borderBottom: '1px solid var(--akinai-panel-border)' }}
      >
        <Group gap="xs">
          <OrderButtons
            label={axis.name}
            isFirst={props.isFirst}
            isLast={props.isLast}
            disabled={props.busy}
            onMove={props.onMove}
          />
          <Text component="h2" fw={700} fz="sm" m={0}>
            {axis.name}
          </Text>
          <Text fz="xs" c="dimmed">
            {t.classifications.itemCount(axis.items.length)}
          </Text>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setRenaming(true)}>
            {t.classifications.rename}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setConfirming({ kind: 'axis' })}
          >
            {t.classifications.remove}
          </Button>
        </Group>
      </Group>
      <Box p="md">
        {(reorder.error || (remove.error && !inUse)) && (
          <ErrorAlert
            error={reorder.error ?? remove.error}
            title={reorder.error ? t.classifications.reorderFailed : t.classifications.removeFailed}
          />
        )}
        <DataTable
          label={axis.name}
          minWidth={520}
          empty={axis.items.length === 0 && t.classifications.noItems}
          head={
            <>
              <Table.Th w={90}>{t.classifications.columns.order}</Table.Th>
              <Table.Th w={140}>{t.classifications.columns.code}</Table.Th>
              <Table.Th>{t.classifications.columns.name}</Table.Th>
              <Table.Th w={150} />
            </>
          }
        >
          {axis.items.map((item, index) => (
            <Table.Tr key={item.itemId} data-testid={`item-${item.code}`}>
              <Table.Td>
                <OrderButtons
                  label={item.name}
                  isFirst={index === 0}
                  isLast={index === axis.items.length - 1}
                  disabled={reorder.isPending}
                  onMove={(step) => reorder.mutate(moved(axis.items, index, step))}
                />
              </Table.Td>
              <Table.Td className="akinai-numeric">{item.code}</Table.Td>
              <Table.Td>{item.name}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setEditing({ item })}>
                    {t.classifications.edit}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setConfirming({ kind: 'item', item })}
                  >
                    {t.classifications.remove}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Button
          mt="sm"
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing({ item: null })}
        >
          {t.classifications.addItem}
        </Button>
      </Box>

      {renaming && (
        <AxisNameDialog
          partnerType={axis.partnerType}
          axis={axis}
          onClose={() => setRenaming(false)}
          onSaved={async (saved) => {
            await onChanged();
            flash(t.classifications.saved(saved.name));
            setRenaming(false);
          }}
        />
      )}
      {editing && (
        <ItemDialog
          axisId={axis.axisId}
          item={editing.item}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            await onChanged();
            flash(t.classifications.saved(saved.name));
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={
          confirming?.kind === 'axis'
            ? t.classifications.removeAxisTitle
            : t.classifications.removeItemTitle
        }
        body={
          confirming
            ? confirming.kind === 'axis'
              ? t.classifications.removeAxisBody(axis.name)
              : t.classifications.removeItemBody(confirming.item.name)
            : ''
        }
        confirmLabel={t.classifications.remove}
        busy={remove.isPending}
        onConfirm={() => confirming && remove.mutate({ target: confirming })}
        onCancel={() => setConfirming(null)}
      />
      {inUse && (
        <InUseDialog
          item={inUse.target.kind === 'item' ? inUse.target.item : null}
          name={nameOf(inUse.target)}
          usageCount={inUse.count}
          targets={axis.items.filter(
            (item) => inUse.target.kind === 'item' && item.itemId !== inUse.target.item.itemId,
          )}
          busy={remove.isPending}
          error={remove.error}
          onConfirm={(choice) => remove.mutate({ target: inUse.target, choice })}
          onCancel={() => {
            setInUse(null);
            remove.reset();
          }}
        />
      )}
    </Paper>
  );
}

function OrderButtons(props: {
  label: string;
  isFirst: boolean;
  isLast: boolean;
  disabled: boolean;
  onMove: (step: -1 | 1) => void;
}) {
  const t = useT();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={`${props.label} ${t.classifications.moveUp}`}
        disabled={props.isFirst || props.disabled}
        onClick={() => props.onMove(-1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={`${props.label} ${t.classifications.moveDown}`}
        disabled={props.isLast || props.disabled}
        onClick={() => props.onMove(1)}
      >
        ↓
      </ActionIcon>
    </Group>
  );
}
