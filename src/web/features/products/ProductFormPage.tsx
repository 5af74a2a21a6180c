import { Badge, Tabs } from '@mantine/core';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
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
import { RecordStamp } from '../../components/form/RecordStamp';
import { saveFormProps } from '../../components/form/save-form-props';
import { useMasterEditor } from '../../components/form/useMasterEditor';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { CustomerPricesPanel } from './CustomerPricesPanel';
import { lastListPosition } from './list-search';
import { ProductForm } from './ProductForm';
import { emptyProduct, toFormValues, type toInput } from './product-form-model';

/** Back to the list where the user left it (filters in the URL), after saving or on 戻る. */
function useProductNavigation() {
  const t = useT();
  return useMasterNavigation<Product>({
    listPath: '/products',
    listLabel: t.products.listTitle,
    listKey: productKeys.lists,
    detailKey: (product) => productKeys.detail(product.productId),
    listSearch: () => lastListPosition().search,
  });
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
      <ProductForm initialValues={emptyProduct} {...saveFormProps(save)} onBack={backToList} />
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
  const { data } = product;
  const editor = useMasterEditor({
    record: product,
    update: (values: ReturnType<typeof toInput>, version) =>
      updateProduct(productId, { ...values, version }),
    remove: (version) => deleteProduct(productId, version),
    onSaved: (saved) => afterChange(t.productForm.updated(saved.name), saved),
    onDeleted: () => afterChange(t.productForm.deleted(data.name)),
    deleteMessages: t.productForm,
    deleteBody: t.productForm.deleteBody(data.name),
  });

  return (
    <>
      <PageHeader
        help="products"
        title={t.products.editTitle}
        crumbs={crumbs(t.products.editTitle)}
        description={<RecordStamp record={data} labels={{ updatedAt: t.customerForm.updatedAt }} />}
      />
      {editor.deleteError}
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
            {...editor.formProps}
            onBack={backToList}
            actions={can('products:delete') && editor.deleteButton}
          />
        </Tabs.Panel>
        <Tabs.Panel value="customerPrices">
          <CustomerPricesPanel product={data} canEdit={can('products:edit')} />
        </Tabs.Panel>
      </Tabs>
      {editor.deleteDialog}
    </>
  );
}
