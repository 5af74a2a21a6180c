import type { Project } from '../../../server/modules/masters/projects/project.schema';

export interface ProjectFormValues {
  code: string;
  name: string;
  customerId: string | null;
  customer: { code: string; name: string } | null;
  startsOn: string;
  endsOn: string;
  notes: string;
  isActive: boolean;
}

export type ProjectField = Exclude<keyof ProjectFormValues, 'customer'>;

export const emptyProject: ProjectFormValues = {
  code: '',
  name: '',
  customerId: null,
  customer: null,
  startsOn: '',
  endsOn: '',
  notes: '',
  isActive: true,
};

export function toFormValues(project: Project): ProjectFormValues {
  return {
    code: project.code,
    name: project.name,
    customerId: project.customerId,
    customer: project.customer,
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    notes: project.notes,
    isActive: project.isActive,
  };
}

/** What the API takes: empty dates are "no date", the customer's name stays on the screen. */
export function toInput({ customer: _, ...values }: ProjectFormValues) {
  return { ...values, startsOn: values.startsOn || null, endsOn: values.endsOn || null };
}

const fields = new Set<string>([
  'code',
  'name',
  'customerId',
  'startsOn',
  'endsOn',
  'notes',
  'isActive',
]);

export function isProjectField(path: string): path is ProjectField {
  return fields.has(path);
}
