import { Alert, Grid, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  checkRegistrationNumber,
  registrationNumberMessages,
} from '../../../domain/invoice/registration-number';
import type { Supplier } from '../../../server/modules/partners/suppliers/supplier.schema';
import { FormSection } from '../../components/FormSection';
import { SupplierPicker } from '../../components/SupplierPicker';
import { useT } from '../../i18n/i18n';
import type { PartnerFormState } from '../partners/PartnerForm';
import { PartnerNotesSection, PartnerProfileSections } from '../partners/PartnerProfileSections';
import { TradeTermsSections } from '../partners/TradeTermsSections';
import type { SupplierFormValues } from './supplier-form-model';

interface SupplierFormFieldsProps extends PartnerFormState<SupplierFormValues> {
  supplier?: Supplier;
  autoNumbering: boolean;
}

/** The 仕入先 panels: 基本情報, 連絡先, 適格請求書発行事業者, 締め・支払条件, 取引条件, その他. */
export function SupplierFormFields(props: SupplierFormFieldsProps) {
  const { values, errors, onChange, supplier } = props;
  const t = useT();
  const m = t.supplierForm;
  const r = m.registration;
  const [payTo, setPayTo] = useState(supplier?.payTo ?? null);
  // The same check the server runs: a failed check digit is saved, but said here as typed.
  const check = checkRegistrationNumber(values.registrationNumber);
  const warning =
    check.kind === 'checkDigitMismatch' ? registrationNumberMessages.checkDigitMismatch : null;

  return (
    <>
      <PartnerProfileSections
        values={values}
        errors={errors}
        onChange={onChange}
        messages={m}
        autoNumbering={props.autoNumbering}
      />
      <FormSection title={r.section}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              name="registrationNumber"
              label={r.number}
              description={r.numberHint}
              placeholder="T1234567890123"
              value={values.registrationNumber}
              error={errors.registrationNumber}
              autoComplete="off"
              maxLength={30}
              onChange={(event) => onChange('registrationNumber', event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NativeSelect
              name="registrationStatus"
              label={r.status}
              value={values.registrationStatus}
              error={errors.registrationStatus}
              data={Object.entries(r.statuses).map(([value, label]) => ({ value, label }))}
              onChange={(event) =>
                onChange(
                  'registrationStatus',
                  event.currentTarget.value as SupplierFormValues['registrationStatus'],
                )
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              name="registeredOn"
              type="date"
              label={r.registeredOn}
              description={r.registeredOnHint}
              value={values.registeredOn ?? ''}
              error={errors.registeredOn}
              onChange={(event) => onChange('registeredOn', event.currentTarget.value || null)}
            />
          </Grid.Col>
          {warning && !errors.registrationNumber && (
            <Grid.Col span={12}>
              <Alert color="yellow" variant="light" title={r.warningTitle} role="status">
                {warning}
              </Alert>
            </Grid.Col>
          )}
        </Grid>
      </FormSection>
      <FormSection title={m.payTo}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SupplierPicker
              label={m.payTo}
              description={m.payToHint}
              value={values.payToSupplierId}
              selected={payTo}
              exclude={supplier?.supplierId}
              error={errors.payToSupplierId}
              onChange={(id, picked) => {
                onChange('payToSupplierId', id);
                setPayTo(picked);
              }}
            />
          </Grid.Col>
        </Grid>
      </FormSection>
      <TradeTermsSections
        values={values}
        errors={errors}
        onChange={onChange}
        side="payable"
        current={supplier}
      />
      <PartnerNotesSection
        value={values.notes}
        error={errors.notes}
        onChange={(value) => onChange('notes', value)}
        messages={m}
      />
    </>
  );
}
