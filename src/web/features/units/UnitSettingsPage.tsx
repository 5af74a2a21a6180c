import { Button, Group, Modal, NumberInput, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Unit, unitInputSchema } from '../../../server/modules/masters/units/unit.schema';
import {
  createUnit,
  deleteUnit,
  unitKeys,
  unitListQueryOptions,
  updateUnit,
} from '../../api/units';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFlash } from '../../components/flash';
import { useFormErrors } from '../../components/form/useFormErrors';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

type Field = 'name' | 'sortOrder';
const isField = (path: string): path is Field => path === 'name' || path === 'sortOrder';

/** 単位: the list a product's unit is chosen from, in the order the dropdown shows it. */
export function UnitSettingsPage() {
  const t = useT();
  const can = useCan();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(unitListQueryOptions);
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const [removing, setRemoving] = useState<Unit | null>(null);
  const canEdit = can('settings:edit');
  const refresh = () => queryClient.invalidateQueries({ queryKey: unitKeys.list });

  const remove = useMutation({
    mutationFn: (unit: Unit) => deleteUnit(unit.unitId, unit.version),
    onSuccess: async (_, unit) => {
      await refresh();
      flash(t.units.removed(unit.name));
      setRemoving(null);
    },
  });

  return (
    <>
      <PageHeader
        help="units"
        title={t.units.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.units.title }]}
        description={t.units.lead}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ unit: null })}>
              {t.units.create}
            </Button>
          )
        }
      />
      {remove.error && <ErrorAlert error={remove.error} title={t.units.removeFailed} />}
      <DataTable
        label={t.units.title}
        minWidth={480}
        empty={data.items.length === 0 && t.units.empty}
        head={
          <>
            <Table.Th w={90} ta="right">
              {t.units.fields.sortOrder}
            </Table.Th>
            <Table.Th>{t.units.fields.name}</Table.Th>
            {canEdit && <Table.Th w={200} />}
          </>
        }
      >
        {data.items.map((unit) => (
          <Table.Tr key={unit.unitId} data-testid={`unit-${unit.name}`}>
            <Table.Td ta="right" className="akinai-numeric">
              {unit.sortOrder}
            </Table.Td>
            <Table.Td>{unit.name}</Table.Td>
            {canEdit && (
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setEditing({ unit })}>
                    {t.units.edit}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(unit)}>
                    {t.units.remove}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {editing && (
        <UnitDialog
          unit={editing.unit}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            await refresh();
            flash(t.units.saved(saved.name));
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t.units.removeTitle}
        body={removing ? t.units.removeBody(removing.name) : ''}
        confirmLabel={t.units.remove}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}

function UnitDialog(props: {
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => Promise<void>;
}) {
  const { unit } = props;
  const t = useT();
  const [name, setName] = useState(unit?.name ?? '');
  const [sortOrder, setSortOrder] = useState(unit?.sortOrder ?? 100);
  const form = useFormErrors(isField);
  const save = useMutation({
    mutationFn: (input: { name: string; sortOrder: number }) =>
      unit ? updateUnit(unit.unitId, { ...input, version: unit.version }) : createUnit(input),
    onSuccess: props.onSaved,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = unitInputSchema.safeParse({ name, sortOrder });
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(parsed.data));
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={unit ? t.units.editTitle : t.units.create}
      centered
    >
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={save.error}
          otherErrors={form.otherErrors}
          labels={t.common.form}
        />
        <TextInput
          label={t.units.fields.name}
          value={name}
          maxLength={10}
          withAsterisk
          error={form.errors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            form.clearField('name');
          }}
        />
        <NumberInput
          mt="md"
          label={t.units.fields.sortOrder}
          description={t.units.sortHint}
          value={sortOrder}
          min={0}
          max={999}
          allowDecimal={false}
          error={form.errors.sortOrder}
          onChange={(value) => setSortOrder(typeof value === 'number' ? value : 0)}
        />
        <Group justify="flex-end" mt="xl">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.common.save}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
