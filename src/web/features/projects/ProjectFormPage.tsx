import { Button, Group } from '@mantine/core';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Project } from '../../../server/modules/masters/projects/project.schema';
import {
  createProject,
  deleteProject,
  projectKeys,
  projectQueryOptions,
  updateProject,
} from '../../api/projects';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { ProjectForm } from './ProjectForm';
import { emptyProject, toFormValues, type toInput } from './project-form-model';

function useProjectNavigation() {
  const t = useT();
  return useMasterNavigation<Project>({
    listPath: '/projects',
    listLabel: t.projects.listTitle,
    listKey: projectKeys.list,
    detailKey: (project) => projectKeys.detail(project.projectId),
  });
}

export function ProjectNewPage() {
  const t = useT();
  const { backToList, afterChange, crumbs } = useProjectNavigation();
  const save = useMutation({
    mutationFn: createProject,
    onSuccess: (saved) => afterChange(t.projectForm.created(saved.name), saved),
  });
  return (
    <>
      <PageHeader
        help="projects"
        title={t.projects.newTitle}
        crumbs={crumbs(t.projects.newTitle)}
      />
      <ProjectForm
        initialValues={emptyProject}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={backToList}
      />
    </>
  );
}

export function ProjectEditPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useParams({ from: '/_app/projects/$projectId' });
  const project = useSuspenseQuery(projectQueryOptions(projectId));
  const { backToList, afterChange, crumbs } = useProjectNavigation();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { data } = project;

  const save = useMutation({
    mutationFn: (values: ReturnType<typeof toInput>) =>
      updateProject(projectId, { ...values, version: data.version }),
    onSuccess: (saved) => afterChange(t.projectForm.updated(saved.name), saved),
  });
  const remove = useMutation({
    mutationFn: () => deleteProject(projectId, data.version),
    onSuccess: () => afterChange(t.projectForm.deleted(data.name)),
    onSettled: () => setConfirmingDelete(false),
  });

  return (
    <>
      <PageHeader
        help="projects"
        title={t.projects.editTitle}
        crumbs={crumbs(t.projects.editTitle)}
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
      {remove.error && <ErrorAlert error={remove.error} title={t.projectForm.deleteFailed} />}
      <ProjectForm
        key={data.version}
        initialValues={toFormValues(data)}
        readOnly={!can('projects:edit')}
        saving={save.isPending}
        saveError={save.error}
        resetSaveError={save.reset}
        onSave={save.mutateAsync}
        onBack={backToList}
        onReload={async () => {
          await project.refetch();
          save.reset();
        }}
        actions={
          can('projects:delete') && (
            <Button variant="subtle" color="red" onClick={() => setConfirmingDelete(true)}>
              {t.projectForm.delete}
            </Button>
          )
        }
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title={t.projectForm.deleteTitle}
        body={t.projectForm.deleteBody(data.name)}
        confirmLabel={t.projectForm.delete}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </>
  );
}
