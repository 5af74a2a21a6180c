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
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerStamp, useAutoNumbering, usePartnerDelete } from '../partners/PartnerEditHeader';
import { PartnerForm } from '../partners/PartnerForm';
import { usePartnerNavigation } from '../partners/usePartnerNavigation';
import { CustomerFormFields } from './CustomerFormFields';
import { type CustomerFormValues, emptyCustomer, toFormValues } from './customer-form-model';
import { customerListPosition } from './list-position';

function useNavigation() {
  const t = useT();
  return usePartnerNavigation<Customer>({
    listPath: '/customers',
    listTitle: t.customers.listTitle,
    keys: customerKeys,
    position: customerListPosition,
    idOf: (saved) => saved.customerId,
  });
}

export function CustomerNewPage() {
  const t = useT();
  const { returnToList, afterChange, crumbs } = useNavigation();
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
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
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
  const { returnToList, afterChange, crumbs } = useNavigation();
  const { data } = customer;
  const save = useMutation({
    mutationFn: (values: CustomerFormValues) =>
      updateCustomer(customerId, { ...values, version: data.version }),
    onSuccess: (saved) => afterChange(t.customerForm.updated(saved.name), saved),
  });
  const remove = usePartnerDelete({
    name: data.name,
    messages: t.customerForm,
    remove: () => deleteCustomer(customerId, data.version),
    onDeleted: () => afterChange(t.customerForm.deleted(data.name)),
  });

  return (
    <>
      <PageHeader
        help="customers"
        title={t.customers.editTitle}
        crumbs={crumbs(t.customers.editTitle)}
        description={
          <PartnerStamp record={data} messages={t.customerForm}>
            <span data-testid="terms-line">{data.termsSummary}</span>
          </PartnerStamp>
        }
      />
      {remove.error}
      <PartnerForm
        partnerType="customer"
        key={data.version}
        schema={customerInputSchema}
        requireCode
        initialValues={toFormValues(data)}
        messages={t.customerForm}
        readOnly={!can('customers:edit')}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
        onReload={async () => {
          await customer.refetch();
          save.reset();
        }}
        actions={can('customers:delete') && remove.button}
      >
        {(state) => <CustomerFormFields {...state} customer={data} autoNumbering={false} />}
      </PartnerForm>
      {remove.dialog}
    </>
  );
}
