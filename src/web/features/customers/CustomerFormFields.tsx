import { Grid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Customer } from '../../../server/modules/partners/customers/customer.schema';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n/i18n';
import type { PartnerFormState } from '../partners/PartnerForm';
import { PartnerNotesSection, PartnerProfileSections } from '../partners/PartnerProfileSections';
import { TradeTermsSections } from '../partners/TradeTermsSections';
import type { CustomerFormValues } from './customer-form-model';

interface CustomerFormFieldsProps extends PartnerFormState<CustomerFormValues> {
  /** The stored customer when editing: names of its references, and itself to exclude. */
  customer?: Customer;
  autoNumbering: boolean;
}

/** The 得意先 panels: 基本情報, 連絡先, 請求先・回収先, 締め・回収条件, 取引条件, その他. */
export function CustomerFormFields(props: CustomerFormFieldsProps) {
  const { values, errors, onChange, customer } = props;
  const t = useT();
  const m = t.customerForm;
  const [billTo, setBillTo] = useState(customer?.billTo ?? null);
  const [collectFrom, setCollectFrom] = useState(customer?.collectFrom ?? null);
  const self = customer
    ? `${m.billing.self}（${customer.code}　${customer.name}）`
    : m.billing.self;

  return (
    <>
      <PartnerProfileSections
        values={values}
        errors={errors}
        onChange={onChange}
        messages={m}
        autoNumbering={props.autoNumbering}
      />
      <FormSection title={m.billing.section}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CustomerPicker
              label={m.billing.billTo}
              description={m.billing.billToHint}
              value={values.billToCustomerId}
              selected={billTo}
              exclude={customer?.customerId}
              error={errors.billToCustomerId}
              onChange={(id, picked) => {
                onChange('billToCustomerId', id);
                setBillTo(picked);
              }}
            />
            {!values.billToCustomerId && <SelfNote text={self} />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CustomerPicker
              label={m.billing.collectFrom}
              description={m.billing.collectFromHint}
              value={values.collectFromCustomerId}
              selected={collectFrom}
              exclude={customer?.customerId}
              error={errors.collectFromCustomerId}
              onChange={(id, picked) => {
                onChange('collectFromCustomerId', id);
                setCollectFrom(picked);
              }}
            />
            {!values.collectFromCustomerId && <SelfNote text={self} />}
          </Grid.Col>
        </Grid>
      </FormSection>
      <TradeTermsSections
        values={values}
        errors={errors}
        onChange={onChange}
        side="receivable"
        current={customer}
        extra={
          <TextInput
            name="creditLimit"
            label={m.billing.creditLimit}
            description={m.billing.creditLimitHint}
            value={values.creditLimit ?? ''}
            error={errors.creditLimit}
            inputMode="numeric"
            rightSection="円"
            onChange={(event) => onChange('creditLimit', event.currentTarget.value || null)}
          />
        }
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

function SelfNote({ text }: { text: string }) {
  return (
    <TextInput
      mt={6}
      size="xs"
      variant="unstyled"
      readOnly
      tabIndex={-1}
      aria-hidden
      value={`→ ${text}`}
      styles={{ input: { color: 'var(--mantine-color-dimmed)' } }}
    />
  );
}
