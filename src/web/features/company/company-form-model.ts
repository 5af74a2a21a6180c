import type { CompanyProfile } from '../../../server/modules/company/company-profile.schema';

export const profileFieldNames = [
  'companyName',
  'companyKana',
  'representativeTitle',
  'representativeName',
  'postalCode',
  'address1',
  'address2',
  'phone',
  'fax',
  'email',
  'url',
  'registrationNumber',
] as const;

export type ProfileField = (typeof profileFieldNames)[number];
export type ProfileValues = Record<ProfileField, string>;

const fieldSet = new Set<string>(profileFieldNames);
export const isProfileField = (path: string): path is ProfileField => fieldSet.has(path);

export function toProfileValues(profile: CompanyProfile): ProfileValues {
  return Object.fromEntries(profileFieldNames.map((key) => [key, profile[key]])) as ProfileValues;
}
