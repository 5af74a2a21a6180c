import { queryOptions } from '@tanstack/react-query';
import type {
  ActiveIncident,
  DeclareIncidentRequest,
  IncidentUpdateRequest,
  OpsIncident,
  PublicStatus,
  RecordIncidentRequest,
} from '../../server/modules/incidents/incident.schema';
import { apiRequest } from './client';

/** 障害: the console (/api/ops/v1), the tenant banner and the public status page. */
const ops = <T>(method: 'GET' | 'POST', path: string, body?: unknown) =>
  apiRequest<T>(method, path, { body, base: '/api/ops/v1', expectUnauthenticated: true });

export const opsIncidentsQueryOptions = queryOptions({
  queryKey: ['ops', 'incidents'],
  queryFn: () => ops<{ items: OpsIncident[] }>('GET', '/incidents'),
});
export const recordIncident = (input: RecordIncidentRequest) =>
  ops<OpsIncident>('POST', '/incidents', input);
export const declareIncident = (incidentId: string, input: DeclareIncidentRequest) =>
  ops<OpsIncident>('POST', `/incidents/${incidentId}/declare`, input);
export const postIncidentUpdate = (incidentId: string, input: IncidentUpdateRequest) =>
  ops<OpsIncident>('POST', `/incidents/${incidentId}/updates`, input);

export const activeIncidentsQueryOptions = queryOptions({
  queryKey: ['incidents', 'active'],
  queryFn: ({ signal }) =>
    apiRequest<{ items: ActiveIncident[] }>('GET', '/incidents/active', { signal }),
  staleTime: 60_000,
  refetchInterval: 5 * 60_000,
});

export const publicStatusQueryOptions = queryOptions({
  queryKey: ['status'],
  queryFn: ({ signal }) =>
    apiRequest<PublicStatus>('GET', '/status', { signal, expectUnauthenticated: true }),
  refetchInterval: 60_000,
});
