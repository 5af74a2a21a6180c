import type { User, UserCreate } from '../../../server/modules/identity/user.schema';

export type UserFormValues = Omit<UserCreate, 'initialPassword'>;
export type UserField = keyof UserFormValues | 'initialPassword';
export type PasswordMode = 'generate' | 'specify';

export const emptyUser: UserFormValues = {
  loginId: '',
  name: '',
  kana: '',
  email: '',
  department: '',
  groupId: null,
  isOrgAdmin: false,
  isActive: true,
};

export function toFormValues(user: User): UserFormValues {
  const { loginId, name, kana, email, department, groupId, isOrgAdmin, isActive } = user;
  return { loginId, name, kana, email, department, groupId, isOrgAdmin, isActive };
}

const fields = new Set<string>([...Object.keys(emptyUser), 'initialPassword']);

export function isUserField(path: string): path is UserField {
  return fields.has(path);
}
