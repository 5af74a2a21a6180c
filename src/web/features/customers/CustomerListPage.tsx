import { Anchor, Button } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { customerListQueryOptions } from '../../api/customers';
import { useCan } from '../../auth/session';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { MasterIoButtons } from '../master-io/MasterIoButtons';
import { partnerExportFilters } from '../partners/list-search';
import { PartnerListPage } from '../partners/PartnerListPage';
import { customerListPosition } from './list-position';

export function CustomerListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate({ from: '/customers/' });
  const search = useSearch({ from: '/_app/customers/' });
  return (
    <PartnerListPage
      partnerType="customer"
      canBulkEdit={can('customers:edit')}
      messages={t.customers}
      help="customers"
      search={search}
      applySearch={(next) =>
        navigate({ search: (current) => ({ ...current, ...next }), replace: true })
      }
      listQueryOptions={customerListQueryOptions}
      position={customerListPosition}
      idKey="customerId"
      open={(customerId) => navigate({ to: '/customers/$customerId', params: { customerId } })}
      codeLink={(row) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/customers/$customerId" params={{ customerId: row.id }} />
          )}
          fz="sm"
          fw={600}
          onClick={(event) => event.stopPropagation()}
        >
          {row.code}
        </Anchor>
      )}
      createButton={
        <MasterIoButtons
          targets={[
            {
              master: 'customers',
              importTo: can('customers:create') ? '/customers/import' : undefined,
              canExport: can('customers:export'),
              filters: partnerExportFilters(search),
            },
          ]}
        >
          {can('customers:create') && (
            <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
              {t.customers.create}
            </Button>
          )}
        </MasterIoButtons>
      }
    />
  );
}
