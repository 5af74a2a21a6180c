import { Badge } from '@mantine/core';
import type { TenantStatus } from '../../../server/modules/operators/operator.schema';
import { useT } from '../../i18n/i18n';

const colors: Record<TenantStatus, string> = { trial: 'blue', active: 'green', ended: 'gray' };

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  const t = useT();
  return (
    <Badge color={colors[status]} variant="light" radius="sm">
      {t.ops.status[status]}
    </Badge>
  );
}
