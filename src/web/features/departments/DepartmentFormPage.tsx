import { Button, Group } from '@mantine/core';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Department } from '../../../server/modules/masters/departments/department.schema';
import {
  createDepartment,
  deleteDepartment,
  departmentKeys,
  departmentQueryOptions,
  updateDepartment,
} from '../../api/departments';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { DepartmentForm } from './DepartmentForm';
import { type DepartmentFormValues, emptyDepartment, toFormValues } from './department-form-model';

function useDepartmentNavigation() {
  const t = useT();
  return useMasterNavigation<Department>({
    listPath: '/departments',
    listLabel: t.departments.listTitle,
    listKey: departmentKeys.list,
    detailKey: (department) => departmentKeys.detail(department.departmentId),
  });
}

export function DepartmentNewPage() {
  const t = useT();
  const { backToList, afterChange, crumbs } = useDepartmentNavigation();
  const save = useMutation({
    mutationFn: createDepartment,
    onSuccess: (saved) => afterChange(t.departmentForm.created(saved.name), saved),
  });
  return (
    <>
      <PageHeader
        help="departments"
        title={t.departments.newTitle}
        crumbs={crumbs(t.departments.newTitle)}
      />
      <DepartmentForm
        initialValues={emptyDepartment}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={backToList}
      />
    </>
  );
}

export function DepartmentEditPage() {
  const t = useT();
  const can = useCan();
  const { departmentId } = useParams({ from: '/_app/departments/$departmentId' });
  const department = useSuspenseQuery(departmentQueryOptions(departmentId));
  const { backToList, afterChange, crumbs } = useDepartmentNavigation();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { data } = department;

  const save = useMutation({
    mutationFn: (values: DepartmentFormValues) =>
      updateDepartment(departmentId, { ...values, version: data.version }),
    onSuccess: (saved) => afterChange(t.departmentForm.updated(saved.name), saved),
  });
  const remove = useMutation({
    mutationFn: () => deleteDepartment(departmentId, data.version),
    onSuccess: () => afterChange(t.departmentForm.deleted(data.name)),
    onSettled: () => setConfirmingDelete(false),
  });

  return (
    <>
      <PageHeader
        help="departments"
        title={t.departments.editTitle}
        crumbs={crumbs(t.departments.editTitle)}
        description={
          <Group gap="lg" className="akinai-numeric">
            <span>
              {data.code}　{data.name}
            </span>
            <span>
              {t.customerForm.updatedAt} {formatJstDateTime(data.updatedAt)}
            </span>
          </Group>
        }
      />
      {remove.error && <ErrorAlert error={remove.error} title={t.departmentForm.deleteFailed} />}
      <DepartmentForm
        key={data.version}
        initialValues={toFormValues(data)}
        readOnly={!can('departments:edit')}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={backToList}
        onReload={async () => {
          await department.refetch();
          save.reset();
        }}
        actions={
          can('departments:delete') && (
            <Button variant="subtle" color="red" onClick={() => setConfirmingDelete(true)}>
              {t.departmentForm.delete}
            </Button>
          )
        }
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title={t.departmentForm.deleteTitle}
        body={t.departmentForm.deleteBody(data.name)}
        confirmLabel={t.departmentForm.delete}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </>
  );
}
