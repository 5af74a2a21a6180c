import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import {
  type Supplier,
  supplierInputSchema,
} from '../../../server/modules/partners/suppliers/supplier.schema';
import { supplierApi } from '../../api/suppliers';
import { useCan } from '../../auth/session';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerStamp, useAutoNumbering, usePartnerDelete } from '../partners/PartnerEditHeader';
import { PartnerForm } from '../partners/PartnerForm';
import { supplierListPosition } from './list-position';
import { SupplierFormFields } from './SupplierFormFields';
import { emptySupplier, type SupplierFormValues, toFormValues } from './supplier-form-model';

/** Back to the list where the user left it, after saving or on 戻る. */
function useReturnToList() {
  const navigate = useNavigate();
  return () => navigate({ to: '/suppliers', search: supplierListPosition.last().search });
}

function useAfterChange() {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const returnToList = useReturnToList();
  return async (message: string, supplier?: Supplier) => {
    if (supplier) queryClient.setQueryData(supplierApi.keys.detail(supplier.supplierId), supplier);
    await queryClient.invalidateQueries({ queryKey: [...supplierApi.keys.all, 'list'] });
    flash(message);
    await returnToList();
  };
}

function useCrumbs() {
  const t = useT();
  return (title: string) => [
    { label: t.shell.mainMenu, to: '/' as const },
    { label: t.suppliers.listTitle, to: '/suppliers' as const },
    { label: title },
  ];
}

export function SupplierNewPage() {
  const t = useT();
  const returnToList = useReturnToList();
  const afterChange = useAfterChange();
  const crumbs = useCrumbs();
  const autoNumbering = useAutoNumbering('suppliers');
  const save = useMutation({
    mutationFn: supplierApi.create,
    onSuccess: (saved) => afterChange(t.supplierForm.created(saved.name), saved),
  });

  return (
    <>
      <PageHeader title={t.suppliers.newTitle} crumbs={crumbs(t.suppliers.newTitle)} />
      <PartnerForm
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
  const returnToList = useReturnToList();
  const afterChange = useAfterChange();
  const crumbs = useCrumbs();
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
