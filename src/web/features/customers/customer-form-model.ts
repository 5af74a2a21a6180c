import type {
  Customer,
  CustomerInput,
} from '../../../server/modules/partners/customers/customer.schema';
import {
  defaultTradeTerms,
  emptyPartnerProfile,
  pickFormValues,
} from '../partners/partner-form-model';

export type CustomerFormValues = CustomerInput;

export const emptyCustomer: CustomerFormValues = {
  ...emptyPartnerProfile,
  billToCustomerId: null,
  collectFromCustomerId: null,
  ...defaultTradeTerms,
  creditLimit: null,
};

export function toFormValues(customer: Customer): CustomerFormValues {
  return pickFormValues(customer, emptyCustomer);
}
