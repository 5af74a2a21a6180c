import type {
  Customer,
  CustomerInput,
} from '../../../server/modules/partners/customers/customer.schema';
import { defaultTradeTerms, tradeTermsValues } from '../partners/partner-form-model';

export type CustomerFormValues = CustomerInput;

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
  billToCustomerId: null,
  collectFromCustomerId: null,
  ...defaultTradeTerms,
  creditLimit: null,
};

export function toFormValues(customer: Customer): CustomerFormValues {
  const values = Object.fromEntries(
    Object.keys(emptyCustomer).map((key) => [key, customer[key as keyof Customer]]),
  ) as CustomerFormValues;
  return { ...values, ...tradeTermsValues(customer as unknown as CustomerFormValues) };
}
