import { Grid, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { projectInputSchema } from '../../../server/modules/masters/projects/project.schema';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormSection } from '../../components/FormSection';
import { MasterFormFrame, type MasterFormProps } from '../../components/form/MasterFormFrame';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { isProjectField, type ProjectFormValues, toInput } from './project-form-model';

type ProjectFormProps = MasterFormProps<ProjectFormValues, ReturnType<typeof toInput>>;

/** 物件登録/修正: the API's schema checks the input first; server refusals land in place. */
export function ProjectForm(props: ProjectFormProps) {
  const { readOnly = false } = props;
  const t = useT();
  const f = t.projectForm.fields;
  const [values, setValues] = useState(props.initialValues);
  const form = useFormErrors(isProjectField);

  function onChange<K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (isProjectField(field)) form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    props.resetSaveError();
    const parsed = projectInputSchema.safeParse(toInput(values));
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => props.onSave(parsed.data));
  }

  const text = textFieldBinder<'code' | 'name' | 'startsOn' | 'endsOn' | 'notes'>(
    values,
    form.errors,
    f,
    onChange,
  );

  return (
    <MasterFormFrame
      {...props}
      readOnly={readOnly}
      readOnlyMessage={t.projectForm.readOnly}
      alertLabels={t.common.form}
      form={form}
      onSubmit={submit}
    >
      <FormSection title={t.projectForm.sections.basic}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('code')}
              withAsterisk
              description={t.projectForm.hints.code}
              autoComplete="off"
              maxLength={15}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isActive"
              label={f.isActive}
              description={t.projectForm.hints.isActive}
              checked={values.isActive}
              onChange={(event) => onChange('isActive', event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput {...text('name')} withAsterisk maxLength={100} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <CustomerPicker
              label={f.customerId}
              value={values.customerId}
              selected={values.customer}
              error={form.errors.customerId}
              onChange={(customerId, customer) => {
                onChange('customerId', customerId);
                onChange('customer', customer);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }} visibleFrom="sm" />
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('startsOn')} type="date" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('endsOn')} type="date" />
          </Grid.Col>
        </Grid>
      </FormSection>
      <FormSection title={t.projectForm.sections.other}>
        <Textarea {...text('notes')} autosize minRows={3} maxRows={8} />
      </FormSection>
    </MasterFormFrame>
  );
}
