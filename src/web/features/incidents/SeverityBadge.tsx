import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18n';

const severityColors: Record<string, string> = {
  critical: 'red',
  major: 'orange',
  minor: 'yellow',
};
const statusColors: Record<string, string> = {
  detected: 'gray',
  investigating: 'red',
  identified: 'orange',
  monitoring: 'blue',
  resolved: 'teal',
};

export function SeverityBadge({ severity }: { severity: string }) {
  const t = useT();
  return (
    <Badge variant="light" color={severityColors[severity] ?? 'gray'} style={{ flexShrink: 0 }}>
      {t.incidents.severities[severity] ?? severity}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge variant="dot" color={statusColors[status] ?? 'gray'} style={{ flexShrink: 0 }}>
      {t.incidents.statuses[status] ?? status}
    </Badge>
  );
}
