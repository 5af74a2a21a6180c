import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  type Customer,
  customerInputSchema,
} from '../../../server/modules/partners/customers/customer.schema';
import {
  createCustomer,
  customerKeys,
  customerQueryOptions,
  deleteCustomer,
  updateCustomer,
} from '../../api/customers';
import { useCan } from '../../auth/session';
import { RecordStamp } from '../../components/form/RecordStamp';
import { saveFormProps } from '../../components/form/save-form-props';
import { useAutoNumbering } from '../../components/form/useAutoNumbering';
import { useMasterEditor } from '../../components/form/useMasterEditor';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerForm } from '../partners/PartnerForm';
import { CustomerFormFields } from './CustomerFormFields';
import { type CustomerFormValues, emptyCustomer, toFormValues } from './customer-form-model';
import { customerListPosition } from './list-position';

function useNavigation() {
  const t = useT();
  return useMasterNavigation<Customer>({
    listPath: '/customers',
    listLabel: t.customers.listTitle,
    listKey: [...customerKeys.all, 'list'],
    detailKey: (saved) => customerKeys.detail(saved.customerId),
    listSearch: () => customerListPosition.last().search,
  });
}

export function CustomerNewPage() {
  const t = useT();
  const { backToList, afterChange, crumbs } = useNavigation();
  const autoNumbering = useAutoNumbering('customers');
  const save = useMutation({
    mutationFn: createCustomer,
    onSuccess: (saved) => afterChange(t.customerForm.created(saved.name), saved),
  });

  return (
    <>
      <PageHeader
        help="customers"
        title={t.customers.newTitle}
        crumbs={crumbs(t.customers.newTitle)}
      />
      <PartnerForm
        partnerType="customer"
        schema={customerInputSchema}
        requireCode={!autoNumbering}
        initialValues={emptyCustomer}
        messages={t.customerForm}
        {...saveFormProps(save)}
        onBack={backToList}
      >
        {(state) => <CustomerFormFields {...state} autoNumbering={autoNumbering} />}
      </PartnerForm>
    </>
  );
}

export function CustomerEditPage() {
  const t = useT();
  const can = useCan();
  const { customerId } = useParams({ from: '/_app/customers/$customerId' });
  const customer = useSuspenseQuery(customerQueryOptions(customerId));
  const { backToList, afterChange, crumbs } = useNavigation();
  const { data } = customer;
  const editor = useMasterEditor({
    record: customer,
    update: (values: CustomerFormValues, version) =>
      updateCustomer(customerId, { ...values, version }),
    remove: (version) => deleteCustomer(customerId, version),
    onSaved: (saved) => afterChange(t.customerForm.updated(saved.name), saved),
    onDeleted: () => afterChange(t.customerForm.deleted(data.name)),
    deleteMessages: t.customerForm,
    deleteBody: t.customerForm.deleteConfirm(data.name),
  });

  return (
    <>
      <PageHeader
        help="customers"
        title={t.customers.editTitle}
        crumbs={crumbs(t.customers.editTitle)}
        description={
          <RecordStamp record={data} labels={t.customerForm}>
            <span data-testid="terms-line">{data.termsSummary}</span>
          </RecordStamp>
        }
      />
      {editor.deleteError}
      <PartnerForm
        partnerType="customer"
        key={data.version}
        schema={customerInputSchema}
        requireCode
        initialValues={toFormValues(data)}
        messages={t.customerForm}
        readOnly={!can('customers:edit')}
        {...editor.formProps}
        onBack={backToList}
        actions={can('customers:delete') && editor.deleteButton}
      >
        {(state) => <CustomerFormFields {...state} customer={data} autoNumbering={false} />}
      </PartnerForm>
      {editor.deleteDialog}
    </>
  );
}
