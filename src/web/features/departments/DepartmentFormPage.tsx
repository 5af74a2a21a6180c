import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Department } from '../../../server/modules/masters/departments/department.schema';
import {
  createDepartment,
  deleteDepartment,
  departmentKeys,
  departmentQueryOptions,
  updateDepartment,
} from '../../api/departments';
import { useCan } from '../../auth/session';
import { RecordStamp } from '../../components/form/RecordStamp';
import { saveFormProps } from '../../components/form/save-form-props';
import { useMasterEditor } from '../../components/form/useMasterEditor';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
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
        {...saveFormProps(save)}
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
  const { data } = department;
  const editor = useMasterEditor({
    record: department,
    update: (values: DepartmentFormValues, version) =>
      updateDepartment(departmentId, { ...values, version }),
    remove: (version) => deleteDepartment(departmentId, version),
    onSaved: (saved) => afterChange(t.departmentForm.updated(saved.name), saved),
    onDeleted: () => afterChange(t.departmentForm.deleted(data.name)),
    deleteMessages: t.departmentForm,
    deleteBody: t.departmentForm.deleteBody(data.name),
  });

  return (
    <>
      <PageHeader
        help="departments"
        title={t.departments.editTitle}
        crumbs={crumbs(t.departments.editTitle)}
        description={<RecordStamp record={data} labels={{ updatedAt: t.customerForm.updatedAt }} />}
      />
      {editor.deleteError}
      <DepartmentForm
        key={data.version}
        initialValues={toFormValues(data)}
        readOnly={!can('departments:edit')}
        {...editor.formProps}
        onBack={backToList}
        actions={can('departments:delete') && editor.deleteButton}
      />
      {editor.deleteDialog}
    </>
  );
}
