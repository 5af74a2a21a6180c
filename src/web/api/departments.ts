import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Department,
  DepartmentInput,
  DepartmentUpdate,
  departmentListSchema,
} from '../../server/modules/masters/departments/department.schema';
import { apiRequest } from './client';

type DepartmentList = z.infer<typeof departmentListSchema>;

export const departmentKeys = {
  all: ['departments'] as const,
  list: ['departments', 'list'] as const,
  detail: (departmentId: string) => ['departments', 'detail', departmentId] as const,
};

const departmentPath = (departmentId: string) => `/departments/${encodeURIComponent(departmentId)}`;

export const departmentListQueryOptions = queryOptions({
  queryKey: departmentKeys.list,
  queryFn: ({ signal }) => apiRequest<DepartmentList>('GET', '/departments', { signal }),
});

export function departmentQueryOptions(departmentId: string) {
  return queryOptions({
    queryKey: departmentKeys.detail(departmentId),
    queryFn: ({ signal }) =>
      apiRequest<Department>('GET', departmentPath(departmentId), { signal }),
  });
}

export function createDepartment(input: DepartmentInput): Promise<Department> {
  return apiRequest<Department>('POST', '/departments', { body: input });
}

export function updateDepartment(departmentId: string, input: DepartmentUpdate) {
  return apiRequest<Department>('PUT', departmentPath(departmentId), { body: input });
}

export function deleteDepartment(departmentId: string, version: number): Promise<void> {
  return apiRequest<void>('DELETE', departmentPath(departmentId), { query: { version } });
}
