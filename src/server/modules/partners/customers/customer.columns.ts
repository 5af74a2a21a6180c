import { decimalColumn, type MasterColumn } from '../../master-io/master-columns';
import { customerClassifications } from '../classifications/classification.table';
import {
  classificationColumns,
  type PartnerIoContext,
  partnerReferenceColumn,
  profileColumns,
  termsColumns,
  trailingColumns,
} from '../shared/partner.columns';
import {
  partnerIo,
  partnerProfileInput,
  partnerTermsInput,
  plainDecimal,
} from '../shared/partner-io';
import { type CustomerInput, customerInputSchema } from './customer.schema';
import { customers } from './customer.table';
import { customerColumns as storedColumns } from './customer-row';
import { findCustomerIds } from './find-customers';

/** 得意先 spreadsheet columns (ADR 0022): export, template, import and preview use these. */
export function customerColumns(
  ctx: PartnerIoContext,
): MasterColumn<CustomerInput, PartnerIoContext>[] {
  return [
    ...profileColumns<CustomerInput>('得意先', '000123'),
    partnerReferenceColumn<CustomerInput>('請求先コード', 'billToCustomerId', '得意先'),
    partnerReferenceColumn<CustomerInput>('回収先コード', 'collectFromCustomerId', '得意先'),
    ...termsColumns<CustomerInput>('回収'),
    decimalColumn<CustomerInput, PartnerIoContext>('与信限度額', 'creditLimit', '1000000', {
      emptyValue: '',
    }),
    ...trailingColumns<CustomerInput>(),
    ...classificationColumns<CustomerInput>(ctx),
  ];
}

export const customerIo = partnerIo<CustomerInput>({
  kind: 'customers',
  partnerType: 'customer',
  label: '得意先',
  permissions: {
    view: 'customers:view',
    create: 'customers:create',
    edit: 'customers:edit',
    export: 'customers:export',
  },
  auditEvent: 'customer.imported',
  schema: customerInputSchema,
  table: customers,
  idColumn: customers.customerId,
  idField: 'customerId',
  assignments: customerClassifications,
  selfReferences: ['billToCustomerId', 'collectFromCustomerId'],
  columns: customerColumns,
  toInput: (row) => {
    const r = row as typeof customers.$inferSelect;
    return {
      ...partnerProfileInput(r),
      billToCustomerId: r.billToCustomerId,
      collectFromCustomerId: r.collectFromCustomerId,
      ...partnerTermsInput(r),
      creditLimit: plainDecimal(r.creditLimit),
    };
  },
  toColumns: (input, id) => storedColumns(input, id),
  search: findCustomerIds,
  duplicateMessage:
    'この得意先コードは既に登録されています（「追加と更新」を選ぶと上書きできます）',
});
