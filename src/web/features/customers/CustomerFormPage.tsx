import { Group } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { Customer } from '../../../server/modules/partners/customers/customer.schema';
import {
  createCustomer,
  customerKeys,
  customerQueryOptions,
  updateCustomer,
} from '../../api/customers';
import { useCan } from '../../auth/session';
import { useFlash } from '../../components/flash';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { CustomerForm } from './CustomerForm';
import { type CustomerFormValues, emptyCustomer, toFormValues } from './customer-form-model';
import { lastListPosition } from './list-search';

/** Back to the list where the user left it, after saving or on 戻る. */
function useReturnToList() {
  const navigate = useNavigate();
  return () => navigate({ to: '/customers', search: lastListPosition().search });
}

function useAfterSave(message: (name: string) => string) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const returnToList = useReturnToList();
  return async (customer: Customer) => {
    queryClient.setQueryData(customerKeys.detail(customer.customerId), customer);
    await queryClient.invalidateQueries({ queryKey: [...customerKeys.all, 'list'] });
    flash(message(customer.name));
    await returnToList();
  };
}

export function CustomerNewPage() {
  const t = useT();
  const returnToList = useReturnToList();
  const afterSave = useAfterSave(t.customerForm.created);
  const save = useMutation({ mutationFn: createCustomer, onSuccess: afterSave });

  return (
    <>
      <PageHeader
        help="customers"
        title={t.customers.newTitle}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: t.customers.listTitle, to: '/customers' },
          { label: t.customers.newTitle },
        ]}
      />
      <CustomerForm
        initialValues={emptyCustomer}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
      />
    </>
  );
}

export function CustomerEditPage() {
  const t = useT();
  const can = useCan();
  const { customerId } = useParams({ from: '/_app/customers/$customerId' });
  const customer = useSuspenseQuery(customerQueryOptions(customerId));
  const returnToList = useReturnToList();
  const afterSave = useAfterSave(t.customerForm.updated);
  const save = useMutation({
    mutationFn: (values: CustomerFormValues) =>
      updateCustomer(customerId, { ...values, version: customer.data.version }),
    onSuccess: afterSave,
  });

  async function reload() {
    await customer.refetch();
    save.reset();
  }

  const { data } = customer;
  return (
    <>
      <PageHeader
        help="customers"
        title={t.customers.editTitle}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: t.customers.listTitle, to: '/customers' },
          { label: t.customers.editTitle },
        ]}
        description={
          <Group gap="lg" className="akinai-numeric">
            <span>
              {data.code}　{data.name}
            </span>
            <span>
              {t.customerForm.createdAt} {formatJstDateTime(data.createdAt)}
            </span>
            <span>
              {t.customerForm.updatedAt} {formatJstDateTime(data.updatedAt)}
            </span>
          </Group>
        }
      />
      <CustomerForm
        key={data.version}
        initialValues={toFormValues(data)}
        readOnly={!can('customers:edit')}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={returnToList}
        onReload={reload}
      />
    </>
  );
}
