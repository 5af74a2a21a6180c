import { Alert, Box, Button, Group } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  type Customer,
  customerInputSchema,
} from '../../../server/modules/partners/customers/customer.schema';
import { isApiError } from '../../api/client';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { IconArrowLeft } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
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

type FieldErrors = Partial<Record<CustomerField, string>>;

/**
 * Validates with the same zod schema as the API before sending, then shows what the server
 * still refuses (a taken code, someone else's newer version) next to the field it concerns.
 */
export function CustomerForm(props: CustomerFormProps) {
  const { initialValues, readOnly = false, saving, saveError, onSave, onBack, onReload } = props;
  const { resetSaveError } = props;
  const t = useT();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed attempt, bring the first invalid input into view and focus.
  useEffect(() => {
    if (submitCount === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [submitCount]);

  function onChange<K extends CustomerField>(field: K, value: CustomerFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function applyFieldErrors(byPath: Record<string, string>) {
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const [path, message] of Object.entries(byPath)) {
      if (isCustomerField(path)) fieldErrors[path] = message;
      else rest.push(message);
    }
    setErrors(fieldErrors);
    setOtherErrors(rest);
    setSubmitCount((count) => count + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    resetSaveError();
    const parsed = customerInputSchema.safeParse(values);
    if (!parsed.success) {
      applyFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setErrors({});
    setOtherErrors([]);
    try {
      await onSave(parsed.data);
    } catch (error) {
      if (isApiError(error)) applyFieldErrors(error.fieldErrors());
    }
  }

  const invalidCount = Object.values(errors).filter(Boolean).length;

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={invalidCount}
        saveError={saveError}
        otherErrors={otherErrors}
        onReload={onReload}
        labels={t.customerForm}
      />
      {readOnly && (
        <Alert color="gray" variant="light" mb="md">
          {t.customerForm.readOnly}
        </Alert>
      )}

      <fieldset disabled={readOnly || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <CustomerFormFields values={values} errors={errors} onChange={onChange} />
      </fieldset>

      <Box
        pos="sticky"
        bottom={0}
        py="sm"
        px="md"
        mx={-16}
        style={{
          background: 'rgba(238, 241, 245, 0.94)',
          borderTop: '1px solid var(--akinai-panel-border)',
          backdropFilter: 'blur(4px)',
          zIndex: 100,
        }}
      >
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t.common.back}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={saving} miw={120}>
              {t.common.save}
            </Button>
          )}
        </Group>
      </Box>
    </form>
  );
}
