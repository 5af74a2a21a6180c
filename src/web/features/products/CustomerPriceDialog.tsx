import { Button, Group, Modal, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CustomerPrice } from '../../../server/modules/masters/products/partner-price.schema';
import { customerPriceInputSchema } from '../../../server/modules/masters/products/partner-price.schema';
import type { Product } from '../../../server/modules/masters/products/product.schema';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

export interface CustomerPriceValues {
  customerId: string | null;
  customer: { code: string; name: string } | null;
  unitPrice: string;
  partnerProductCode: string;
  validFrom: string;
}

type Field = Exclude<keyof CustomerPriceValues, 'customer'>;
const fields = new Set<string>(['customerId', 'unitPrice', 'partnerProductCode', 'validFrom']);
const isField = (path: string): path is Field => fields.has(path);

function valuesOf(price: CustomerPrice | null): CustomerPriceValues {
  return {
    customerId: price?.customerId ?? null,
    customer: price?.customer ?? null,
    unitPrice: price?.unitPrice ?? '',
    partnerProductCode: price?.partnerProductCode ?? '',
    validFrom: price?.validFrom ?? '',
  };
}

/** What the API takes: "" means no price / no date; full-width digits become half-width. */
export function toPayload({ customer: _, ...values }: CustomerPriceValues) {
  return {
    ...values,
    customerId: values.customerId ?? '',
    unitPrice: values.unitPrice
      .replace(/[０-９．－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .replace(/[,，\s]/g, ''),
    validFrom: values.validFrom || null,
  };
}

interface CustomerPriceDialogProps {
  product: Product;
  /** null: a new row. */
  price: CustomerPrice | null;
  opened: boolean;
  saving: boolean;
  saveError: unknown;
  resetSaveError: () => void;
  onSave: (payload: ReturnType<typeof toPayload>) => Promise<unknown>;
  onClose: () => void;
}

/** One 得意先別単価 row: the customer, its price and/or its own code for the product. */
export function CustomerPriceDialog(props: CustomerPriceDialogProps) {
  const { product, price, saving } = props;
  const t = useT();
  const f = t.customerPrices.fields;
  const [values, setValues] = useState(() => valuesOf(price));
  const form = useFormErrors(isField);

  function change<K extends keyof CustomerPriceValues>(field: K, value: CustomerPriceValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (isField(field)) form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    props.resetSaveError();
    const payload = toPayload(values);
    const parsed = customerPriceInputSchema.safeParse(payload);
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => props.onSave(payload));
  }

  const text = textFieldBinder<'unitPrice' | 'partnerProductCode' | 'validFrom'>(
    values,
    form.errors,
    f,
    change,
  );

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={price ? t.customerPrices.editTitle : t.customerPrices.newTitle}
      size="lg"
      centered
    >
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={props.saveError}
          otherErrors={form.otherErrors}
          labels={t.common.form}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <div style={{ gridColumn: '1 / -1' }}>
            <CustomerPicker
              label={f.customerId}
              value={values.customerId}
              selected={values.customer}
              error={form.errors.customerId}
              onChange={(customerId, customer) => {
                change('customerId', customerId);
                change('customer', customer);
              }}
            />
          </div>
          <TextInput
            {...text('unitPrice')}
            inputMode="decimal"
            autoComplete="off"
            description={t.customerPrices.hints.unitPrice(product.priceDecimals)}
            rightSection={<span aria-hidden="true">{t.productForm.yen}</span>}
            classNames={{ input: 'akinai-numeric akinai-amount' }}
          />
          <TextInput
            {...text('partnerProductCode')}
            maxLength={20}
            autoComplete="off"
            description={t.customerPrices.hints.partnerProductCode}
          />
          <TextInput
            {...text('validFrom')}
            type="date"
            description={t.customerPrices.hints.validFrom}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="xl">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={saving}>
            {t.common.save}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
