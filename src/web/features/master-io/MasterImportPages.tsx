import { useCan } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { ImportPage } from './ImportPage';

/** The import screens of each master, at /<master>/import. */
export function CustomerImportPage() {
  const can = useCan();
  return (
    <ImportPage
      master="customers"
      listTo="/customers"
      listLabel={useT().customers.listTitle}
      canUpdate={can('customers:edit')}
    />
  );
}

export function SupplierImportPage() {
  const can = useCan();
  return (
    <ImportPage
      master="suppliers"
      listTo="/suppliers"
      listLabel={useT().suppliers.listTitle}
      canUpdate={can('suppliers:edit')}
    />
  );
}

export function ProductImportPage() {
  const can = useCan();
  return (
    <ImportPage
      master="products"
      listTo="/products"
      listLabel={useT().products.listTitle}
      canUpdate={can('products:edit')}
    />
  );
}

export function CustomerPriceImportPage() {
  return (
    <ImportPage
      master="customer-prices"
      listTo="/products"
      listLabel={useT().products.listTitle}
      canUpdate
    />
  );
}
