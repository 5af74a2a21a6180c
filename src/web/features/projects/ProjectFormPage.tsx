import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Project } from '../../../server/modules/masters/projects/project.schema';
import {
  createProject,
  deleteProject,
  projectKeys,
  projectQueryOptions,
  updateProject,
} from '../../api/projects';
import { useCan } from '../../auth/session';
import { RecordStamp } from '../../components/form/RecordStamp';
import { saveFormProps } from '../../components/form/save-form-props';
import { useMasterEditor } from '../../components/form/useMasterEditor';
import { useMasterNavigation } from '../../components/form/useMasterNavigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
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
      <ProjectForm initialValues={emptyProject} {...saveFormProps(save)} onBack={backToList} />
    </>
  );
}

export function ProjectEditPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useParams({ from: '/_app/projects/$projectId' });
  const project = useSuspenseQuery(projectQueryOptions(projectId));
  const { backToList, afterChange, crumbs } = useProjectNavigation();
  const { data } = project;
  const editor = useMasterEditor({
    record: project,
    update: (values: ReturnType<typeof toInput>, version) =>
      updateProject(projectId, { ...values, version }),
    remove: (version) => deleteProject(projectId, version),
    onSaved: (saved) => afterChange(t.projectForm.updated(saved.name), saved),
    onDeleted: () => afterChange(t.projectForm.deleted(data.name)),
    deleteMessages: t.projectForm,
    deleteBody: t.projectForm.deleteBody(data.name),
  });

  return (
    <>
      <PageHeader
        help="projects"
        title={t.projects.editTitle}
        crumbs={crumbs(t.projects.editTitle)}
        description={<RecordStamp record={data} labels={{ updatedAt: t.customerForm.updatedAt }} />}
      />
      {editor.deleteError}
      <ProjectForm
        key={data.version}
        initialValues={toFormValues(data)}
        readOnly={!can('projects:edit')}
        {...editor.formProps}
        onBack={backToList}
        actions={can('projects:delete') && editor.deleteButton}
      />
      {editor.deleteDialog}
    </>
  );
}
