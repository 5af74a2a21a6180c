import type {
  Department,
  DepartmentInput,
} from '../../../server/modules/masters/departments/department.schema';

export type DepartmentFormValues = DepartmentInput;
export type DepartmentField = keyof DepartmentFormValues;

export const emptyDepartment: DepartmentFormValues = {
  code: '',
  name: '',
  kana: '',
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  fax: '',
  printsOwnAddress: false,
  isActive: true,
};

export function toFormValues(department: Department): DepartmentFormValues {
  const { departmentId, version, createdAt, updatedAt, ...values } = department;
  return values;
}

const fields = new Set<string>(Object.keys(emptyDepartment));

export function isDepartmentField(path: string): path is DepartmentField {
  return fields.has(path);
}
