import { registrationStatuses } from '../../../../domain/invoice/registration-status';
import {
  choiceColumn,
  codeColumn,
  dateColumn,
  type MasterColumn,
} from '../../master-io/master-columns';
import { supplierClassifications } from '../classifications/classification.table';
import {
  classificationColumns,
  type PartnerIoContext,
  partnerReferenceColumn,
  profileColumns,
  termsColumns,
  trailingColumns,
} from '../shared/partner.columns';
import { partnerIo, partnerProfileInput, partnerTermsInput } from '../shared/partner-io';
import { findSupplierIds } from './find-suppliers';
import { type SupplierInput, supplierInputSchema } from './supplier.schema';
import { suppliers } from './supplier.table';
import { supplierColumns as storedColumns } from './supplier-row';

type Col = MasterColumn<SupplierInput, PartnerIoContext>;

/** 仕入先 spreadsheet columns (ADR 0022): the 得意先 ones mirrored for payables + インボイス登録. */
export function supplierColumns(ctx: PartnerIoContext): Col[] {
  return [
    ...profileColumns<SupplierInput>('仕入先', '000456'),
    partnerReferenceColumn<SupplierInput>('支払先コード', 'payToSupplierId', '仕入先'),
    ...termsColumns<SupplierInput>('支払'),
    codeColumn('登録番号', 'registrationNumber', 'T1234567890123', ['インボイス登録番号']),
    choiceColumn('登録状況', 'registrationStatus', registrationStatuses, { example: '登録済' }),
    dateColumn('登録日', 'registeredOn', '2023-10-01'),
    ...trailingColumns<SupplierInput>(),
    ...classificationColumns<SupplierInput>(ctx),
  ];
}

export const supplierIo = partnerIo<SupplierInput>({
  kind: 'suppliers',
  partnerType: 'supplier',
  label: '仕入先',
  permissions: {
    view: 'suppliers:view',
    create: 'suppliers:create',
    edit: 'suppliers:edit',
    export: 'suppliers:export',
  },
  auditEvent: 'supplier.imported',
  schema: supplierInputSchema,
  table: suppliers,
  idColumn: suppliers.supplierId,
  idField: 'supplierId',
  assignments: supplierClassifications,
  selfReferences: ['payToSupplierId'],
  columns: supplierColumns,
  toInput: (row) => {
    const r = row as typeof suppliers.$inferSelect;
    return {
      ...partnerProfileInput(r),
      payToSupplierId: r.payToSupplierId,
      ...partnerTermsInput(r),
      registrationNumber: r.registrationNumber,
      registrationStatus: r.registrationStatus,
      registeredOn: r.registeredOn,
    };
  },
  toColumns: (input, id) => storedColumns(input, id),
  search: findSupplierIds,
  duplicateMessage:
    'この仕入先コードは既に登録されています（「追加と更新」を選ぶと上書きできます）',
});
