import type {
  CustomerDetail,
  CustomerInput,
} from '../../../server/modules/partners/customers/customer.schema';

export type CustomerFormValues = CustomerInput;
export type CustomerField = keyof CustomerFormValues;

export const emptyCustomer: CustomerFormValues = {
  code: '',
  name: '',
  kana: '',
  shortName: '',
  honorific: '御中',
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  fax: '',
  email: '',
  notes: '',
  isActive: true,
  classifications: [],
};

export function toFormValues(customer: CustomerDetail): CustomerFormValues {
  const { customerId, version, createdAt, updatedAt, ...values } = customer;
  return values;
}

const fields = new Set<string>(Object.keys(emptyCustomer));

export function isCustomerField(path: string): path is CustomerField {
  return fields.has(path);
}
