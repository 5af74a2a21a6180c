import { Badge, Button, Group, Tabs } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Product } from '../../../server/modules/masters/products/product.schema';
import {
  createProduct,
  customerPricesQueryOptions,
  deleteProduct,
  productKeys,
  productQueryOptions,
  updateProduct,
} from '../../api/products';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { type Crumb, PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { CustomerPricesPanel } from './CustomerPricesPanel';
import { lastListPosition } from './list-search';
import { ProductForm } from './ProductForm';
import { emptyProduct, toFormValues, type toInput } from './product-form-model';

/** Back to the list where the user left it, after saving or on 戻る. */
function useProductNavigation() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const backToList = () => navigate({ to: '/products', search: lastListPosition().search });
  return {
    backToList,
    crumbs: (current: string): Crumb[] => [
      { label: t.shell.mainMenu, to: '/' },
      { label: t.products.listTitle, to: '/products' },
      { label: current },
    ],
    afterChange: async (message: string, product?: Product) => {
      if (product) queryClient.setQueryData(productKeys.detail(product.productId), product);
      await queryClient.invalidateQueries({ queryKey: productKeys.lists });
      flash(message);
      await backToList();
    },
  };
}

export function ProductNewPage() {
  const t = useT();
  const { backToList, afterChange, crumbs } = useProductNavigation();
  const save = useMutation({
    mutationFn: createProduct,
    onSuccess: (saved) => afterChange(t.productForm.created(saved.code, saved.name), saved),
  });
  return (
    <>
      <PageHeader
        help="products"
        title={t.products.newTitle}
        crumbs={crumbs(t.products.newTitle)}
      />
      <ProductForm
        initialValues={emptyProduct}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={backToList}
      />
    </>
  );
}

export function ProductEditPage() {
  const t = useT();
  const can = useCan();
  const { productId } = useParams({ from: '/_app/products/$productId' });
  const product = useSuspenseQuery(productQueryOptions(productId));
  const prices = useQuery(customerPricesQueryOptions(productId));
  const { backToList, afterChange, crumbs } = useProductNavigation();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { data } = product;

  const save = useMutation({
    mutationFn: (values: ReturnType<typeof toInput>) =>
      updateProduct(productId, { ...values, version: data.version }),
    onSuccess: (saved) => afterChange(t.productForm.updated(saved.name), saved),
  });
  const remove = useMutation({
    mutationFn: () => deleteProduct(productId, data.version),
    onSuccess: () => afterChange(t.productForm.deleted(data.name)),
    onSettled: () => setConfirmingDelete(false),
  });

  return (
    <>
      <PageHeader
        help="products"
        title={t.products.editTitle}
        crumbs={crumbs(t.products.editTitle)}
        description={
          <Group gap="lg" className="akinai-numeric">
            <span>
              {data.code}　{data.name}
            </span>
            <span>
              {t.customerForm.updatedAt} {formatJstDateTime(data.updatedAt)}
            </span>
          </Group>
        }
      />
      {remove.error && <ErrorAlert error={remove.error} title={t.productForm.deleteFailed} />}
      <Tabs defaultValue="product">
        <Tabs.List mb="md">
          <Tabs.Tab value="product">{t.productForm.tabs.product}</Tabs.Tab>
          <Tabs.Tab
            value="customerPrices"
            rightSection={
              prices.data && prices.data.items.length > 0 ? (
                <Badge size="sm" variant="light" circle>
                  {prices.data.items.length}
                </Badge>
              ) : undefined
            }
          >
            {t.productForm.tabs.customerPrices}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="product">
          <ProductForm
            key={data.version}
            initialValues={toFormValues(data)}
            version={data.version}
            readOnly={!can('products:edit')}
            saving={save.isPending}
            saveError={save.error}
            resetSaveError={save.reset}
            onSave={save.mutateAsync}
            onBack={backToList}
            onReload={async () => {
              await product.refetch();
              save.reset();
            }}
            actions={
              can('products:delete') && (
                <Button variant="subtle" color="red" onClick={() => setConfirmingDelete(true)}>
                  {t.productForm.delete}
                </Button>
              )
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="customerPrices">
          <CustomerPricesPanel product={data} canEdit={can('products:edit')} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmDialog
        opened={confirmingDelete}
        title={t.productForm.deleteTitle}
        body={t.productForm.deleteBody(data.name)}
        confirmLabel={t.productForm.delete}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </>
  );
}
