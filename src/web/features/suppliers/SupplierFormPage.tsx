import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  type Supplier,
  supplierInputSchema,
} from '../../../server/modules/partners/suppliers/supplier.schema';
import { supplierApi } from '../../api/suppliers';
import { useCan } from '../../auth/session';
import { RecordStamp } from '../../components/form/RecordStamp';
import { saveFormProps } from '../../components/form/save-form-props';
import { useAutoNumbering } from '../../components/form/useAutoNumbering';
import { useMasterEditor } from '../../components/form/useMasterEditor';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerForm } from '../partners/PartnerForm';
import { supplierListPosition } from './list-position';
import { SupplierFormFields } from './SupplierFormFields';
import { emptySupplier, type SupplierFormValues, toFormValues } from './supplier-form-model';

function useNavigation() {
  const t = useT();
  return useMasterNavigation<Supplier>({
    listPath: '/suppliers',
    listLabel: t.suppliers.listTitle,
    listKey: [...supplierApi.keys.all, 'list'],
    detailKey: (saved) => supplierApi.keys.detail(saved.supplierId),
    listSearch: () => supplierListPosition.last().search,
  });
}

export function SupplierNewPage() {
  const t = useT();
  const { backToList, afterChange, crumbs } = useNavigation();
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
        {...saveFormProps(save)}
        onBack={backToList}
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
  const { backToList, afterChange, crumbs } = useNavigation();
  const { data } = supplier;
  const editor = useMasterEditor({
    record: supplier,
    update: (values: SupplierFormValues, version) =>
      supplierApi.update(supplierId, { ...values, version }),
    remove: (version) => supplierApi.remove(supplierId, version),
    onSaved: (saved) => afterChange(t.supplierForm.updated(saved.name), saved),
    onDeleted: () => afterChange(t.supplierForm.deleted(data.name)),
    deleteMessages: t.supplierForm,
    deleteBody: t.supplierForm.deleteConfirm(data.name),
  });

  return (
    <>
      <PageHeader
        help="suppliers"
        title={t.suppliers.editTitle}
        crumbs={crumbs(t.suppliers.editTitle)}
        description={
          <RecordStamp record={data} labels={t.supplierForm}>
            <span data-testid="terms-line">{data.termsSummary}</span>
          </RecordStamp>
        }
      />
      {editor.deleteError}
      <PartnerForm
        partnerType="supplier"
        key={data.version}
        schema={supplierInputSchema}
        requireCode
        initialValues={toFormValues(data)}
        messages={t.supplierForm}
        readOnly={!can('suppliers:edit')}
        {...editor.formProps}
        onBack={backToList}
        actions={can('suppliers:delete') && editor.deleteButton}
      >
        {(state) => <SupplierFormFields {...state} supplier={data} autoNumbering={false} />}
      </PartnerForm>
      {editor.deleteDialog}
    </>
  );
}
