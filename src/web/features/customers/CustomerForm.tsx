import { Alert } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type Customer,
  customerInputSchema,
} from '../../../server/modules/partners/customers/customer.schema';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { ClassificationSelects } from '../classifications/ClassificationSelects';
import { CustomerFormFields } from './CustomerFormFields';
import {
  type CustomerField,
  type CustomerFormValues,
  isCustomerField,
} from './customer-form-model';

interface CustomerFormProps {
  initialValues: CustomerFormValues;
  readOnly?: boolean;
  saving: boolean;
  saveError: unknown;
  onSave: (values: CustomerFormValues) => Promise<Customer>;
  resetSaveError: () => void;
  onBack: () => void;
  onReload?: () => void;
}

/**
 * Validates with the same zod schema as the API before sending, then shows what the server
 * still refuses (a taken code, someone else's newer version) next to the field it concerns.
 */
export function CustomerForm(props: CustomerFormProps) {
  const { initialValues, readOnly = false, saving, saveError, onSave, onBack, onReload } = props;
  const t = useT();
  const [values, setValues] = useState(initialValues);
  const form = useFormErrors(isCustomerField);

  function onChange<K extends CustomerField>(field: K, value: CustomerFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    props.resetSaveError();
    const parsed = customerInputSchema.safeParse(values);
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => onSave(parsed.data));
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={saveError}
        otherErrors={form.otherErrors}
        onReload={onReload}
        labels={t.customerForm}
      />
      {readOnly && (
        <Alert color="gray" variant="light" mb="md">
          {t.customerForm.readOnly}
        </Alert>
      )}
      <fieldset disabled={readOnly || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <CustomerFormFields values={values} errors={form.errors} onChange={onChange} />
        <ClassificationSelects
          partnerType="customer"
          value={values.classifications}
          onChange={(value) => onChange('classifications', value)}
        />
      </fieldset>
      <FormActionBar onBack={onBack} saving={saving} readOnly={readOnly} />
    </form>
  );
}
