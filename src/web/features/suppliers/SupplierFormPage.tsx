import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  type Supplier,
  supplierInputSchema,
} from '../../../server/modules/partners/suppliers/supplier.schema';
import { supplierApi } from '../../api/suppliers';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerStamp, useAutoNumbering, usePartnerDelete } from '../partners/PartnerEditHeader';
import { PartnerForm } from '../partners/PartnerForm';
import { usePartnerNavigation } from '../partners/usePartnerNavigation';
import { supplierListPosition } from './list-position';
import { SupplierFormFields } from './SupplierFormFields';
import { emptySupplier, type SupplierFormValues, toFormValues } from './supplier-form-model';

function useNavigation() {
  const t = useT();
  return usePartnerNavigation<Supplier>({
    listPath: '/suppliers',
    listTitle: t.suppliers.listTitle,
    keys: supplierApi.keys,
    position: supplierListPosition,
    idOf: (saved) => saved.supplierId,
  });
}

export function SupplierNewPage() {
  const t = useT();
  const { returnToList, afterChange, crumbs } = useNavigation();
  const autoNumbering = useAutoNumbering('suppliers');
  const save = useMutation({
    mutationFn: supplierApi.create,
    onSuccess: (saved) => afterChange(t.supplierForm.created(saved.name), saved),
  });

  return (
    <>
      <PageHeader
        help="suppliers"
        title={t.suppliers.newTitle}
        crumbs={crumbs(t.suppliers.newTitle)}
      />
      <PartnerForm
        partnerType="supplier"
        schema={supplierInputSchema}
        requireCode={!autoNumbering}
        initialValues={emptySupplier}
        messages={t.supplierForm}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
      >
        {(state) => <SupplierFormFields {...state} autoNumbering={autoNumbering} />}
      </PartnerForm>
    </>
  );
}

export function SupplierEditPage() {
  const t = useT();
  const can = useCan();
  const { supplierId } = useParams({ from: '/_app/suppliers/$supplierId' });
  const supplier = useSuspenseQuery(supplierApi.queryOptions(supplierId));
  const { returnToList, afterChange, crumbs } = useNavigation();
  const { data } = supplier;
  const save = useMutation({
    mutationFn: (values: SupplierFormValues) =>
      supplierApi.update(supplierId, { ...values, version: data.version }),
    onSuccess: (saved) => afterChange(t.supplierForm.updated(saved.name), saved),
  });
  const remove = usePartnerDelete({
    name: data.name,
    messages: t.supplierForm,
    remove: () => supplierApi.remove(supplierId, data.version),
    onDeleted: () => afterChange(t.supplierForm.deleted(data.name)),
  });

  return (
    <>
      <PageHeader
        help="suppliers"
        title={t.suppliers.editTitle}
        crumbs={crumbs(t.suppliers.editTitle)}
        description={
          <PartnerStamp record={data} messages={t.supplierForm}>
            <span data-testid="terms-line">{data.termsSummary}</span>
          </PartnerStamp>
        }
      />
      {remove.error}
      <PartnerForm
        partnerType="supplier"
        key={data.version}
        schema={supplierInputSchema}
        requireCode
        initialValues={toFormValues(data)}
        messages={t.supplierForm}
        readOnly={!can('suppliers:edit')}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
        onReload={async () => {
          await supplier.refetch();
          save.reset();
        }}
        actions={can('suppliers:delete') && remove.button}
      >
        {(state) => <SupplierFormFields {...state} supplier={data} autoNumbering={false} />}
      </PartnerForm>
      {remove.dialog}
    </>
  );
}
