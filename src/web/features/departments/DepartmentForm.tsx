import { Grid, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { departmentInputSchema } from '../../../server/modules/masters/departments/department.schema';
import { FormSection } from '../../components/FormSection';
import { MasterFormFrame, type MasterFormProps } from '../../components/form/MasterFormFrame';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import {
  type DepartmentField,
  type DepartmentFormValues,
  isDepartmentField,
} from './department-form-model';

type DepartmentFormProps = MasterFormProps<DepartmentFormValues>;

/** 部門登録/修正: the API's schema checks the input first; server refusals land in place. */
export function DepartmentForm(props: DepartmentFormProps) {
  const { readOnly = false } = props;
  const t = useT();
  const f = t.departmentForm.fields;
  const hints = t.departmentForm.hints;
  const [values, setValues] = useState(props.initialValues);
  const form = useFormErrors(isDepartmentField);

  function onChange<K extends DepartmentField>(field: K, value: DepartmentFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    props.resetSaveError();
    const parsed = departmentInputSchema.safeParse(values);
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => props.onSave(parsed.data));
  }

  const text = textFieldBinder<Exclude<DepartmentField, 'printsOwnAddress' | 'isActive'>>(
    values,
    form.errors,
    f,
    onChange,
  );

  return (
    <MasterFormFrame
      {...props}
      readOnly={readOnly}
      readOnlyMessage={t.departmentForm.readOnly}
      alertLabels={t.common.form}
      form={form}
      onSubmit={submit}
    >
      <FormSection title={t.departmentForm.sections.basic}>
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
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('name')} withAsterisk maxLength={40} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('kana')} />
          </Grid.Col>
        </Grid>
      </FormSection>
      <FormSection title={t.departmentForm.sections.address}>
        <Grid gap="md">
          <Grid.Col span={12}>
            <Switch
              name="printsOwnAddress"
              label={f.printsOwnAddress}
              description={hints.printsOwnAddress}
              checked={values.printsOwnAddress}
              onChange={(event) => onChange('printsOwnAddress', event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('postalCode')}
              description={hints.postalCode}
              leftSection={<Text size="sm">〒</Text>}
              inputMode="numeric"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }} visibleFrom="sm" />
          <Grid.Col span={12}>
            <TextInput {...text('address1')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput {...text('address2')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('phone')} type="tel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('fax')} type="tel" />
          </Grid.Col>
        </Grid>
      </FormSection>
    </MasterFormFrame>
  );
}
