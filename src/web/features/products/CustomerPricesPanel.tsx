import { Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomerPrice } from '../../../server/modules/masters/products/partner-price.schema';
import type { Product } from '../../../server/modules/masters/products/product.schema';
import {
  createCustomerPrice,
  customerPricesQueryOptions,
  deleteCustomerPrice,
  productKeys,
  updateCustomerPrice,
} from '../../api/products';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { formatDecimalText } from '../../lib/format';
import { CustomerPriceDialog, type toPayload } from './CustomerPriceDialog';

type Editing = { price: CustomerPrice | null } | null;

/**
 * 得意先別単価: prices and the customer's own product codes for this product. Each row is
 * saved on its own (no need to save the product form first).
 */
export function CustomerPricesPanel({ product, canEdit }: { product: Product; canEdit: boolean }) {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const prices = useQuery(customerPricesQueryOptions(product.productId));
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<CustomerPrice | null>(null);
  const columns = t.customerPrices.columns;

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: productKeys.customerPrices(product.productId) });
  const save = useMutation({
    mutationFn: (payload: ReturnType<typeof toPayload>) => {
      const price = editing?.price;
      return price
        ? updateCustomerPrice(product.productId, price.priceId, {
            ...payload,
            version: price.version,
          })
        : createCustomerPrice(product.productId, payload);
    },
    onSuccess: async (saved) => {
      await refresh();
      flash(t.customerPrices.saved(saved.customer.name));
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: (price: CustomerPrice) =>
      deleteCustomerPrice(product.productId, price.priceId, price.version),
    onSuccess: async (_, price) => {
      await refresh();
      flash(t.customerPrices.removed(price.customer.name));
      setRemoving(null);
    },
  });

  const open = (price: CustomerPrice | null) => {
    save.reset();
    setEditing({ price });
  };
  const items = prices.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t.customerPrices.lead}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
            {t.customerPrices.create}
          </Button>
        )}
      </Group>
      {prices.isError && (
        <ErrorAlert
          error={prices.error}
          title={t.customerPrices.loadFailed}
          onRetry={() => prices.refetch()}
        />
      )}
      {remove.error && <ErrorAlert error={remove.error} title={t.customerPrices.removeFailed} />}
      {prices.isSuccess && (
        <DataTable
          label={t.customerPrices.table}
          minWidth={760}
          empty={items.length === 0 && t.customerPrices.empty}
          head={
            <>
              <Table.Th>{columns.customer}</Table.Th>
              <Table.Th w={150} ta="right">
                {columns.unitPrice}
              </Table.Th>
              <Table.Th w={200}>{columns.partnerProductCode}</Table.Th>
              <Table.Th w={130}>{columns.validFrom}</Table.Th>
              {canEdit && <Table.Th w={150} />}
            </>
          }
        >
          {items.map((price) => (
            <Table.Tr key={price.priceId}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  <span className="akinai-numeric">{price.customer.code}</span>
                  {`　${price.customer.name}`}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="akinai-numeric">
                {formatDecimalText(price.unitPrice, t.customerPrices.noPrice)}
              </Table.Td>
              <Table.Td className="akinai-numeric">{price.partnerProductCode || '—'}</Table.Td>
              <Table.Td className="akinai-numeric">
                {price.validFrom ?? t.customerPrices.always}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => open(price)}
                      aria-label={t.customerPrices.editLabel(price.customer.name)}
                    >
                      {t.customerPrices.edit}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(price)}
                      aria-label={t.customerPrices.removeLabel(price.customer.name)}
                    >
                      {t.customerPrices.remove}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <CustomerPriceDialog
          product={product}
          price={editing.price}
          opened
          saving={save.isPending}
          saveError={save.error}
          resetSaveError={save.reset}
          onSave={save.mutateAsync}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t.customerPrices.removeTitle}
        body={removing ? t.customerPrices.removeBody(removing.customer.name) : ''}
        confirmLabel={t.customerPrices.remove}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
