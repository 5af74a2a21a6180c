import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { taxCategories } from '../../../domain/tax/tax-rates';
import {
  type TaxRate,
  taxRateCreateSchema,
  taxRateUpdateSchema,
} from '../../../server/modules/masters/tax-rates/tax-rate.schema';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

export interface TaxRateValues {
  code: string;
  printedName: string;
  ratePercent: string;
  category: TaxRate['category'];
  sortOrder: number;
  isHidden: boolean;
  validFrom: string;
  validTo: string;
}

type Field = keyof TaxRateValues;
const fields = new Set<string>([
  'code',
  'printedName',
  'ratePercent',
  'category',
  'sortOrder',
  'isHidden',
  'validFrom',
  'validTo',
]);
const isField = (path: string): path is Field => fields.has(path);

export function valuesOf(rate: TaxRate | null): TaxRateValues {
  return {
    code: rate?.code ?? '',
    printedName: rate?.printedName ?? '',
    ratePercent: rate?.ratePercent ?? '',
    category: rate?.category ?? 'standard',
    sortOrder: rate?.sortOrder ?? 100,
    isHidden: rate?.isHidden ?? false,
    validFrom: rate?.validFrom ?? '',
    validTo: rate?.validTo ?? '',
  };
}

interface TaxRateDialogProps {
  /** null: a new rate of the tenant's own. */
  rate: TaxRate | null;
  opened: boolean;
  saving: boolean;
  saveError: unknown;
  resetSaveError: () => void;
  onSave: (values: TaxRateValues) => Promise<unknown>;
  onRemove?: () => void;
  onClose: () => void;
}

/** Add or change one rate; a preset's rate, category and period are the law and stay locked. */
export function TaxRateDialog(props: TaxRateDialogProps) {
  const { rate, saving } = props;
  const t = useT();
  const f = t.taxRates.fields;
  const [values, setValues] = useState(() => valuesOf(rate));
  const form = useFormErrors(isField);
  const locked = rate?.isPreset ?? false;

  function change<K extends Field>(field: K, value: TaxRateValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    props.resetSaveError();
    const { code, ...rest } = {
      ...values,
      validFrom: values.validFrom || null,
      validTo: values.validTo || null,
    };
    const parsed = rate
      ? taxRateUpdateSchema.safeParse({ ...rest, version: rate.version })
      : taxRateCreateSchema.safeParse({ code, ...rest });
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => props.onSave(values));
  }

  const text = textFieldBinder<'code' | 'printedName' | 'ratePercent' | 'validFrom' | 'validTo'>(
    values,
    form.errors,
    f,
    change,
  );

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={rate ? t.taxRates.editTitle(rate.printedName) : t.taxRates.newTitle}
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
        {locked && (
          <Alert color="blue" variant="light" mb="md">
            {t.taxRates.presetNote}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            {...text('code')}
            disabled={rate !== null}
            withAsterisk
            description={t.taxRates.hints.code}
          />
          <TextInput
            {...text('printedName')}
            withAsterisk
            description={t.taxRates.hints.printedName}
          />
          <TextInput
            {...text('ratePercent')}
            disabled={locked}
            withAsterisk
            rightSection="%"
            inputMode="decimal"
          />
          <Select
            label={f.category}
            disabled={locked}
            data={Object.entries(taxCategories).map(([value, { label }]) => ({ value, label }))}
            value={values.category}
            onChange={(value) => value && change('category', value as TaxRate['category'])}
            error={form.errors.category}
            allowDeselect={false}
          />
          <TextInput {...text('validFrom')} disabled={locked} type="date" />
          <TextInput {...text('validTo')} disabled={locked} type="date" />
          <NumberInput
            label={f.sortOrder}
            value={values.sortOrder}
            min={0}
            max={999}
            allowDecimal={false}
            onChange={(value) => change('sortOrder', typeof value === 'number' ? value : 0)}
            error={form.errors.sortOrder}
            description={t.taxRates.hints.sortOrder}
          />
          <Switch
            mt={30}
            label={f.isHidden}
            checked={values.isHidden}
            onChange={(event) => change('isHidden', event.currentTarget.checked)}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="xl">
          <Group>
            {props.onRemove && (
              <Button variant="subtle" color="red" onClick={props.onRemove}>
                {locked ? t.taxRates.reset : t.taxRates.remove}
              </Button>
            )}
          </Group>
          <Group>
            <Button variant="default" onClick={props.onClose}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={saving}>
              {t.common.save}
            </Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
