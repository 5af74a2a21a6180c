import { Anchor, Button } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { supplierApi } from '../../api/suppliers';
import { useCan } from '../../auth/session';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { MasterIoButtons } from '../master-io/MasterIoButtons';
import { partnerExportFilters } from '../partners/list-search';
import { PartnerListPage } from '../partners/PartnerListPage';
import { supplierListPosition } from './list-position';

export function SupplierListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate({ from: '/suppliers/' });
  const search = useSearch({ from: '/_app/suppliers/' });
  return (
    <PartnerListPage
      partnerType="supplier"
      canBulkEdit={can('suppliers:edit')}
      messages={t.suppliers}
      help="suppliers"
      search={search}
      applySearch={(next) =>
        navigate({ search: (current) => ({ ...current, ...next }), replace: true })
      }
      listQueryOptions={supplierApi.listQueryOptions}
      position={supplierListPosition}
      idKey="supplierId"
      open={(supplierId) => navigate({ to: '/suppliers/$supplierId', params: { supplierId } })}
      codeLink={(row) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/suppliers/$supplierId" params={{ supplierId: row.id }} />
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
              master: 'suppliers',
              importTo: can('suppliers:create') ? '/suppliers/import' : undefined,
              canExport: can('suppliers:export'),
              filters: partnerExportFilters(search),
            },
          ]}
        >
          {can('suppliers:create') && (
            <Button component={Link} to="/suppliers/new" leftSection={<IconPlus size={16} />}>
              {t.suppliers.create}
            </Button>
          )}
        </MasterIoButtons>
      }
    />
  );
}
