import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type IncidentSeverity,
  incidentSeverities,
  incidentUpdateStatuses,
  type OpsIncident,
} from '../../../server/modules/incidents/incident.schema';
import { isApiError } from '../../api/client';
import {
  declareIncident,
  opsIncidentsQueryOptions,
  postIncidentUpdate,
  recordIncident,
} from '../../api/incidents';
import { opsTenantListQueryOptions } from '../../api/ops';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/i18n';

const fieldError = (error: unknown, field: string) =>
  isApiError(error) ? (error.fieldErrors()[field] ?? undefined) : undefined;

/** `datetime-local` wants local wall-clock time without a zone. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function useRefreshIncidents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: opsIncidentsQueryOptions.queryKey });
}

export function RecordIncidentDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const i = t.incidents;
  const refresh = useRefreshIncidents();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<IncidentSeverity>('major');
  const [detectedAt, setDetectedAt] = useState(localNow);
  const record = useMutation({
    mutationFn: () =>
      recordIncident({ title, severity, detectedAt: new Date(detectedAt).toISOString() }),
    onSuccess: async () => {
      await refresh();
      setTitle('');
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={i.recordTitle} size="lg">
      <Stack gap="sm">
        {record.error && !fieldError(record.error, 'title') && <ErrorAlert error={record.error} />}
        <TextInput
          label={i.titleLabel}
          withAsterisk
          value={title}
          error={fieldError(record.error, 'title')}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow>
          <NativeSelect
            label={i.severity}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as IncidentSeverity)}
            data={incidentSeverities.map((value) => ({ value, label: i.severities[value] ?? '' }))}
          />
          <TextInput
            type="datetime-local"
            label={i.detectedAt}
            withAsterisk
            value={detectedAt}
            error={fieldError(record.error, 'detectedAt')}
            onChange={(e) => setDetectedAt(e.currentTarget.value)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {i.cancel}
          </Button>
          <Button loading={record.isPending} onClick={() => record.mutate()}>
            {i.record}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeclareIncidentDialog({
  incident,
  onClose,
}: {
  incident: OpsIncident;
  onClose: () => void;
}) {
  const t = useT();
  const i = t.incidents;
  const refresh = useRefreshIncidents();
  const tenants = useQuery(opsTenantListQueryOptions({}));
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const [allTenants, setAllTenants] = useState(false);
  const [tenantIds, setTenantIds] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const declare = useMutation({
    mutationFn: () =>
      declareIncident(incident.incidentId, { severity, allTenants, tenantIds, message }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${i.declareTitle}: ${incident.title}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {i.declareHint}
        </Text>
        {declare.error &&
          !fieldError(declare.error, 'tenantIds') &&
          !fieldError(declare.error, 'message') && <ErrorAlert error={declare.error} />}
        <NativeSelect
          label={i.severity}
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value as IncidentSeverity)}
          data={incidentSeverities.map((value) => ({ value, label: i.severities[value] ?? '' }))}
        />
        <Checkbox
          label={i.allTenants}
          checked={allTenants}
          onChange={(e) => setAllTenants(e.currentTarget.checked)}
        />
        {!allTenants && (
          <MultiSelect
            label={i.tenantIds}
            searchable
            value={tenantIds}
            onChange={setTenantIds}
            error={fieldError(declare.error, 'tenantIds')}
            data={(tenants.data?.items ?? []).map((tenant) => ({
              value: tenant.tenantId,
              label: `${tenant.code}（${tenant.name}）`,
            }))}
          />
        )}
        <Textarea
          label={i.message}
          withAsterisk
          autosize
          minRows={3}
          value={message}
          error={fieldError(declare.error, 'message')}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {i.cancel}
          </Button>
          <Button color="red" loading={declare.isPending} onClick={() => declare.mutate()}>
            {i.declare}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function IncidentUpdateDialog({
  incident,
  onClose,
}: {
  incident: OpsIncident;
  onClose: () => void;
}) {
  const t = useT();
  const i = t.incidents;
  const refresh = useRefreshIncidents();
  const [status, setStatus] = useState<(typeof incidentUpdateStatuses)[number]>('identified');
  const [message, setMessage] = useState('');
  const post = useMutation({
    mutationFn: () => postIncidentUpdate(incident.incidentId, { status, message }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${i.updateTitle}: ${incident.title}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {i.updateHint}
        </Text>
        {post.error && !fieldError(post.error, 'message') && <ErrorAlert error={post.error} />}
        <NativeSelect
          label={i.status}
          value={status}
          onChange={(e) =>
            setStatus(e.currentTarget.value as (typeof incidentUpdateStatuses)[number])
          }
          data={incidentUpdateStatuses.map((value) => ({
            value,
            label: i.statuses[value] ?? '',
          }))}
        />
        {status === 'resolved' && (
          <Alert color="teal" variant="light" py={6}>
            {i.statuses.resolved}
          </Alert>
        )}
        <Textarea
          label={i.message}
          withAsterisk
          autosize
          minRows={3}
          value={message}
          error={fieldError(post.error, 'message')}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {i.cancel}
          </Button>
          <Button loading={post.isPending} onClick={() => post.mutate()}>
            {i.postUpdate}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
