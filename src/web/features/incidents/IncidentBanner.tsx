import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { activeIncidentsQueryOptions } from '../../api/incidents';
import { useMe } from '../../auth/session';
import { IconAlert } from '../../components/icons';
import { useT } from '../../i18n/i18n';

/** Org admins of an affected tenant see each open incident until it is resolved (ADR 0020). */
export function IncidentBanner() {
  const me = useMe();
  if (!me.user.isOrgAdmin) return null;
  return <OpenIncidents />;
}

function OpenIncidents() {
  const t = useT();
  const incidents = useQuery(activeIncidentsQueryOptions);
  const items = incidents.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      radius={0}
      px="md"
      py="sm"
      role="status"
      icon={<IconAlert size={20} />}
      data-testid="incident-banner"
      styles={{ root: { borderBottom: '1px solid var(--mantine-color-orange-2)' } }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2}>
          {items.map((incident) => (
            <div key={incident.incidentId}>
              <Text size="sm" fw={700}>
                {t.incidents.banner(incident.title)}（{t.incidents.statuses[incident.status]}）
              </Text>
              <Text size="xs">{incident.message}</Text>
            </div>
          ))}
        </Stack>
        <Anchor href="/status" target="_blank" rel="noopener" size="sm" fw={600}>
          {t.incidents.bannerLink}
        </Anchor>
      </Group>
    </Alert>
  );
}
