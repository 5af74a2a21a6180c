import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Project,
  ProjectInput,
  ProjectUpdate,
  projectListSchema,
} from '../../server/modules/masters/projects/project.schema';
import { apiRequest } from './client';

type ProjectList = z.infer<typeof projectListSchema>;

export const projectKeys = {
  all: ['projects'] as const,
  list: ['projects', 'list'] as const,
  detail: (projectId: string) => ['projects', 'detail', projectId] as const,
};

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

export const projectListQueryOptions = queryOptions({
  queryKey: projectKeys.list,
  queryFn: ({ signal }) => apiRequest<ProjectList>('GET', '/projects', { signal }),
});

export function projectQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) => apiRequest<Project>('GET', projectPath(projectId), { signal }),
  });
}

export function createProject(input: ProjectInput): Promise<Project> {
  return apiRequest<Project>('POST', '/projects', { body: input });
}

export function updateProject(projectId: string, input: ProjectUpdate): Promise<Project> {
  return apiRequest<Project>('PUT', projectPath(projectId), { body: input });
}

export function deleteProject(projectId: string, version: number): Promise<void> {
  return apiRequest<void>('DELETE', projectPath(projectId), { query: { version } });
}
