import { Grid, Group, Radio, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { honorifics } from '../../../domain/partners/partner-fields';
import { FormSection } from '../../components/FormSection';
import { textFieldBinder } from '../../components/form/text-field';
import { useT } from '../../i18n/i18n';
import type { CustomerField, CustomerFormValues } from './customer-form-model';

interface FieldsProps {
  values: CustomerFormValues;
  errors: Partial<Record<CustomerField, string>>;
  onChange: <K extends CustomerField>(field: K, value: CustomerFormValues[K]) => void;
}

/** The 得意先 inputs in three panels: 基本情報, 連絡先, その他. */
export function CustomerFormFields({ values, errors, onChange }: FieldsProps) {
  const t = useT();
  const f = t.customerForm.fields;
  const hints = t.customerForm.hints;

  const text = textFieldBinder<
    Exclude<CustomerField, 'honorific' | 'isActive' | 'classifications'>
  >(values, errors, f, onChange);

  return (
    <>
      <FormSection title={t.customerForm.sections.basic}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('code')}
              withAsterisk
              description={hints.code}
              autoComplete="off"
              maxLength={15}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isActive"
              label={f.isActive}
              description={hints.isActive}
              checked={values.isActive}
              onChange={(event) => onChange('isActive', event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('name')} withAsterisk autoComplete="organization" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Radio.Group
              name="honorific"
              label={f.honorific}
              value={values.honorific === '' ? 'none' : values.honorific}
              onChange={(value) =>
                onChange(
                  'honorific',
                  value === 'none' ? '' : (value as CustomerFormValues['honorific']),
                )
              }
              error={errors.honorific}
            >
              <Group gap="lg" mt={8}>
                {honorifics.map((honorific) => (
                  <Radio
                    key={honorific || 'none'}
                    value={honorific || 'none'}
                    label={t.customerForm.honorifics[honorific || 'none']}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('kana')} description={hints.kana} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('shortName')} description={hints.shortName} />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.customerForm.sections.contact}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('postalCode')}
              description={hints.postalCode}
              leftSection={<Text size="sm">〒</Text>}
              autoComplete="postal-code"
              inputMode="numeric"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }} visibleFrom="sm" />
          <Grid.Col span={12}>
            <TextInput {...text('address1')} description={hints.address1} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput {...text('address2')} description={hints.address2} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('phone')} description={hints.phone} type="tel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('fax')} type="tel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('email')} type="email" autoComplete="email" />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.customerForm.sections.other}>
        <Textarea {...text('notes')} autosize minRows={3} maxRows={8} />
      </FormSection>
    </>
  );
}
