import {
  Autocomplete,
  Checkbox,
  Grid,
  Input,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { DECIMALS_MAX, taxModes, valuationMethods } from '../../../domain/products/product-fields';
import {
  priceFields,
  productInputSchema,
  productUpdateSchema,
} from '../../../server/modules/masters/products/product.schema';
import { taxRateListQueryOptions } from '../../api/tax-rates';
import { unitListQueryOptions } from '../../api/units';
import { FormSection } from '../../components/FormSection';
import { MasterFormFrame, type MasterFormProps } from '../../components/form/MasterFormFrame';
import { textFieldBinder } from '../../components/form/text-field';
import { useAutoNumbering } from '../../components/form/useAutoNumbering';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { isProductField, type ProductFormValues, toInput } from './product-form-model';

type ProductSave = ReturnType<typeof toInput>;

interface ProductFormProps extends MasterFormProps<ProductFormValues, ProductSave> {
  /** Set when editing: the code is then required (自動採番 numbers new products only). */
  version?: number;
}

const decimalChoices = Array.from({ length: DECIMALS_MAX + 1 }, (_, n) => String(n));

/** 商品登録/修正: the API's schema checks the input first; server refusals land in place. */
export function ProductForm(props: ProductFormProps) {
  const { readOnly = false } = props;
  const t = useT();
  const f = t.productForm.fields;
  const [values, setValues] = useState(props.initialValues);
  const form = useFormErrors(isProductField);
  const units = useQuery(unitListQueryOptions);
  const taxRates = useQuery(taxRateListQueryOptions);
  const autoCode = useAutoNumbering('products') && props.version === undefined;

  function onChange<K extends keyof ProductFormValues>(field: K, value: ProductFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    props.resetSaveError();
    const input = toInput(values);
    const parsed =
      props.version === undefined
        ? productInputSchema.safeParse(input)
        : productUpdateSchema.safeParse({ ...input, version: props.version });
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => props.onSave(input));
  }

  const text = textFieldBinder<
    | 'code'
    | 'name'
    | 'kana'
    | 'spec'
    | 'quantityPerCase'
    | 'janCode'
    | 'notes'
    | (typeof priceFields)[number]
  >(values, form.errors, f, onChange);

  const rateOptions = (taxRates.data?.items ?? [])
    .filter((rate) => !rate.isHidden || rate.code === values.taxRateCode)
    .map((rate) => ({ value: rate.code, label: rate.printedName }));
  const priceHint =
    values.priceDecimals === 0
      ? t.productForm.hints.priceInteger
      : t.productForm.hints.priceDecimals(values.priceDecimals);

  return (
    <MasterFormFrame
      {...props}
      readOnly={readOnly}
      readOnlyMessage={t.productForm.readOnly}
      alertLabels={t.common.form}
      form={form}
      onSubmit={submit}
    >
      <FormSection title={t.productForm.sections.basic}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('code')}
              withAsterisk={!autoCode}
              description={autoCode ? t.productForm.hints.codeAuto : t.productForm.hints.code}
              autoComplete="off"
              maxLength={15}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Checkbox
              mt={{ base: 0, sm: 30 }}
              name="notInUse"
              label={f.notInUse}
              description={t.productForm.hints.notInUse}
              checked={!values.isActive}
              onChange={(event) => onChange('isActive', !event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('name')} withAsterisk maxLength={100} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('kana')} description={t.productForm.hints.kana} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('spec')} maxLength={40} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Autocomplete
              name="unit"
              label={f.unit}
              description={t.productForm.hints.unit}
              data={(units.data?.items ?? []).map((unit) => unit.name)}
              value={values.unit}
              onChange={(value) => onChange('unit', value)}
              error={form.errors.unit}
              maxLength={10}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('quantityPerCase')}
              description={t.productForm.hints.quantityPerCase}
              inputMode="decimal"
              classNames={{ input: 'akinai-numeric' }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('janCode')}
              description={t.productForm.hints.janCode}
              inputMode="numeric"
              autoComplete="off"
              maxLength={13}
              classNames={{ input: 'akinai-numeric' }}
            />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.productForm.sections.prices}>
        <Grid gap="md">
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select
              name="priceDecimals"
              label={f.priceDecimals}
              data={decimalChoices}
              value={String(values.priceDecimals)}
              onChange={(value) => value && onChange('priceDecimals', Number(value))}
              error={form.errors.priceDecimals}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select
              name="quantityDecimals"
              label={f.quantityDecimals}
              data={decimalChoices}
              value={String(values.quantityDecimals)}
              onChange={(value) => value && onChange('quantityDecimals', Number(value))}
              error={form.errors.quantityDecimals}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }} visibleFrom="sm" />
          {priceFields.map((field) => (
            <Grid.Col key={field} span={{ base: 6, sm: 4, md: 2 }}>
              <TextInput
                {...text(field)}
                inputMode="decimal"
                autoComplete="off"
                rightSection={<span aria-hidden="true">{t.productForm.yen}</span>}
                classNames={{ input: 'akinai-numeric akinai-amount' }}
              />
            </Grid.Col>
          ))}
        </Grid>
        <Input.Description mt="xs">{priceHint}</Input.Description>
      </FormSection>

      <FormSection title={t.productForm.sections.tax}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Stack gap={4}>
              <Input.Label id="product-tax-mode-label" component="span">
                {f.taxMode}
              </Input.Label>
              <SegmentedControl
                aria-labelledby="product-tax-mode-label"
                value={values.taxMode}
                onChange={(value) => onChange('taxMode', value as ProductFormValues['taxMode'])}
                data={Object.entries(taxModes).map(([value]) => ({
                  value,
                  label: t.productForm.taxModes[value as keyof typeof taxModes],
                }))}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              name="taxRateCode"
              label={f.taxRateCode}
              description={t.productForm.hints.taxRateCode}
              data={rateOptions}
              value={values.taxRateCode}
              onChange={(value) => value && onChange('taxRateCode', value)}
              error={form.errors.taxRateCode}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }} visibleFrom="sm" />
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isStockManaged"
              label={f.isStockManaged}
              checked={values.isStockManaged}
              onChange={(event) => onChange('isStockManaged', event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              name="valuationMethod"
              label={f.valuationMethod}
              data={Object.keys(valuationMethods).map((value) => ({
                value,
                label: t.productForm.valuationMethods[value as keyof typeof valuationMethods],
              }))}
              value={values.valuationMethod}
              onChange={(value) =>
                value && onChange('valuationMethod', value as ProductFormValues['valuationMethod'])
              }
              error={form.errors.valuationMethod}
              disabled={!values.isStockManaged}
              allowDeselect={false}
            />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.productForm.sections.other}>
        <Textarea {...text('notes')} autosize minRows={3} maxRows={8} />
      </FormSection>
    </MasterFormFrame>
  );
}
