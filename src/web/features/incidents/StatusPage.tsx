import { Alert, Box, Container, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PublicIncident } from '../../../server/modules/incidents/incident.schema';
import { publicStatusQueryOptions } from '../../api/incidents';
import { BrandMark } from '../../app/BrandMark';
import { LanguageToggle } from '../../app/LanguageToggle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/i18n';
import { IncidentStatusBadge, SeverityBadge } from './SeverityBadge';

/** `2026-11-26T14:05:00.000+09:00` → `2026/11/26 14:05`: the server already sends JST. */
const jst = (value: string) => `${value.slice(0, 10).replaceAll('-', '/')} ${value.slice(11, 16)}`;

/** 稼働状況: public, no sign-in; never names an organisation (ADR 0020). */
export function StatusPage() {
  const t = useT();
  const s = t.status;
  const status = useQuery(publicStatusQueryOptions);
  const data = status.data;
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box
        component="header"
        h={52}
        px="md"
        style={{ background: 'var(--akinai-header)', display: 'flex', alignItems: 'center' }}
      >
        <Group justify="space-between" w="100%">
          <Group gap={8}>
            <BrandMark size={28} />
            <Text fw={700} c="white">
              {s.title}
            </Text>
          </Group>
          <LanguageToggle onDark />
        </Group>
      </Box>
      <Container size="md" py="xl">
        <Stack gap="lg">
          {status.error && <ErrorAlert error={status.error} />}
          {data && (
            <>
              <Alert
                color={data.operational ? 'teal' : 'orange'}
                variant="filled"
                data-testid="status-summary"
              >
                <Text fw={700}>{data.operational ? s.operational : s.degraded}</Text>
                <Text size="xs">{s.updatedAt(jst(data.generatedAt))}</Text>
              </Alert>
              {data.current.length > 0 && (
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {s.current}
                  </Title>
                  {data.current.map((incident) => (
                    <IncidentCard key={incident.incidentId} incident={incident} />
                  ))}
                </Stack>
              )}
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {s.past(data.days)}
                </Title>
                {data.past.length === 0 && (
                  <Text c="dimmed" size="sm">
                    {s.noPast}
                  </Text>
                )}
                {data.past.map((incident) => (
                  <IncidentCard key={incident.incidentId} incident={incident} />
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                {s.timesInJst}
              </Text>
            </>
          )}
        </Stack>
      </Container>
    </Box>
  );
}

function IncidentCard({ incident }: { incident: PublicIncident }) {
  const t = useT();
  const s = t.status;
  return (
    <Paper withBorder p="md" radius="md" data-testid="status-incident">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <SeverityBadge severity={incident.severity} />
          <Text fw={700}>{incident.title}</Text>
        </Group>
        <IncidentStatusBadge status={incident.status} />
      </Group>
      <Text size="xs" c="dimmed" mb="sm" className="akinai-numeric">
        {s.detectedAt} {jst(incident.detectedAt)} ・ {s.declaredAt} {jst(incident.declaredAt)}
        {incident.resolvedAt && ` ・ ${s.resolvedAt} ${jst(incident.resolvedAt)}`}
      </Text>
      <Timeline bulletSize={12} lineWidth={2} active={incident.updates.length}>
        {[...incident.updates].reverse().map((update) => (
          <Timeline.Item
            key={`${update.postedAt}-${update.status}`}
            title={
              <Text size="sm" fw={600}>
                {t.incidents.statuses[update.status]}{' '}
                <Text span size="xs" c="dimmed" className="akinai-numeric">
                  {jst(update.postedAt)}
                </Text>
              </Text>
            }
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {update.message}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
