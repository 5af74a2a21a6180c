import { Badge, Button, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { taxCategories } from '../../../domain/tax/tax-rates';
import type { TaxRate } from '../../../server/modules/masters/tax-rates/tax-rate.schema';
import {
  createTaxRate,
  deleteTaxRate,
  taxRateKeys,
  taxRateListQueryOptions,
  updateTaxRate,
} from '../../api/tax-rates';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { TaxRateDialog, type TaxRateValues } from './TaxRateDialog';

type Editing = { rate: TaxRate | null } | null;

function toPayload(values: TaxRateValues) {
  return {
    ...values,
    validFrom: values.validFrom || null,
    validTo: values.validTo || null,
  };
}

/** 税率設定: the rates document lines may choose, in the order and with the names printed. */
export function TaxRateSettingsPage() {
  const t = useT();
  const can = useCan();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(taxRateListQueryOptions);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TaxRate | null>(null);
  const canEdit = can('settings:edit');

  const refresh = () => queryClient.invalidateQueries({ queryKey: taxRateKeys.list });
  const save = useMutation({
    mutationFn: async (values: TaxRateValues) => {
      const rate = editing?.rate;
      if (!rate) return createTaxRate(toPayload(values));
      const display = {
        printedName: values.printedName,
        sortOrder: values.sortOrder,
        isHidden: values.isHidden,
        version: rate.version,
      };
      const { code: _, ...own } = toPayload(values);
      return updateTaxRate(rate.code, rate.isPreset ? display : { ...own, version: rate.version });
    },
    onSuccess: async (saved) => {
      await refresh();
      flash(t.taxRates.saved(saved.printedName));
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: (rate: TaxRate) => deleteTaxRate(rate.code, rate.version),
    onSuccess: async (_, rate) => {
      await refresh();
      flash(
        rate.isPreset
          ? t.taxRates.wasReset(rate.printedName)
          : t.taxRates.removed(rate.printedName),
      );
      setRemoving(null);
      setEditing(null);
    },
  });

  const open = (rate: TaxRate | null) => {
    if (!canEdit) return;
    save.reset();
    setEditing({ rate });
  };

  const c = t.taxRates.columns;
  return (
    <>
      <PageHeader
        help="tax-rates"
        title={t.taxRates.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.taxRates.title }]}
        description={t.taxRates.lead}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
              {t.taxRates.create}
            </Button>
          )
        }
      />
      {remove.error && <ErrorAlert error={remove.error} title={t.taxRates.removeFailed} />}
      <DataTable
        label={t.taxRates.title}
        minWidth={820}
        highlightOnHover={canEdit}
        head={
          <>
            <Table.Th w={80} ta="right">
              {c.sortOrder}
            </Table.Th>
            <Table.Th>{c.printedName}</Table.Th>
            <Table.Th w={90} ta="right">
              {c.ratePercent}
            </Table.Th>
            <Table.Th w={120}>{c.category}</Table.Th>
            <Table.Th w={230}>{c.period}</Table.Th>
            <Table.Th w={160} ta="center">
              {c.kind}
            </Table.Th>
          </>
        }
      >
        {data.items.map((rate) => (
          <Table.Tr
            key={rate.code}
            className={canEdit ? 'akinai-row' : undefined}
            onClick={() => open(rate)}
            data-testid={`tax-rate-${rate.code}`}
            style={rate.isHidden ? { color: 'var(--mantine-color-dimmed)' } : undefined}
          >
            <Table.Td ta="right" className="akinai-numeric">
              {rate.sortOrder}
            </Table.Td>
            <Table.Td>
              <Text fz="sm" fw={500} span>
                {rate.printedName}
              </Text>
              {rate.isHidden && (
                <Badge ml="xs" size="xs" radius="sm" variant="outline" color="gray">
                  {t.taxRates.hidden}
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right" className="akinai-numeric">
              {rate.ratePercent}%
            </Table.Td>
            <Table.Td>{taxCategories[rate.category].label}</Table.Td>
            <Table.Td className="akinai-numeric">
              {t.taxRates.period(rate.validFrom, rate.validTo)}
            </Table.Td>
            <Table.Td ta="center">
              <Badge size="sm" radius="sm" variant="light" color={rate.isPreset ? 'blue' : 'grape'}>
                {rate.isPreset ? t.taxRates.preset : t.taxRates.own}
              </Badge>
              {rate.isCustomized && (
                <Badge ml={4} size="sm" radius="sm" variant="outline" color="orange">
                  {t.taxRates.customized}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {editing && (
        <TaxRateDialog
          key={editing.rate?.code ?? 'new'}
          rate={editing.rate}
          opened
          saving={save.isPending}
          saveError={save.error}
          resetSaveError={save.reset}
          onSave={save.mutateAsync}
          onRemove={
            editing.rate && (!editing.rate.isPreset || editing.rate.isCustomized)
              ? () => {
                  // One dialog at a time: the question replaces the form.
                  setRemoving(editing.rate);
                  setEditing(null);
                }
              : undefined
          }
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={removing?.isPreset ? t.taxRates.resetTitle : t.taxRates.removeTitle}
        body={removing ? t.taxRates.removeBody(removing.printedName, removing.isPreset) : ''}
        confirmLabel={removing?.isPreset ? t.taxRates.reset : t.taxRates.remove}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
