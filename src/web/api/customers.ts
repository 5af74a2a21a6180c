import type {
  Customer,
  CustomerInput,
  CustomerList,
  CustomerUpdate,
} from '../../server/modules/partners/customers/customer.schema';
import { PARTNER_LIST_PAGE_SIZE, type PartnerListParams, partnerApi } from './partners';

export type CustomerListParams = PartnerListParams;
export const CUSTOMER_LIST_PAGE_SIZE = PARTNER_LIST_PAGE_SIZE;

export const customerApi = partnerApi<Customer, CustomerList, CustomerInput, CustomerUpdate>(
  'customers',
);
export const customerKeys = customerApi.keys;
export const customerListQueryOptions = customerApi.listQueryOptions;
export const customerQueryOptions = customerApi.queryOptions;
export const createCustomer = customerApi.create;
export const updateCustomer = customerApi.update;
export const deleteCustomer = customerApi.remove;
