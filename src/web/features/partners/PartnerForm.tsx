import { Alert } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { CODE_REQUIRED_MESSAGE } from '../../../domain/partners/partner-fields';
import type {
  ClassificationAssignment,
  PartnerType,
} from '../../../server/modules/partners/classifications/classification.schema';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { issuesByField } from '../../lib/validation';
import { ClassificationSelects } from '../classifications/ClassificationSelects';
import type { PartnerFormMessages } from './partner-form-model';

export interface PartnerFormState<V> {
  values: V;
  errors: Partial<Record<string, string | undefined>>;
  onChange: (field: keyof V & string, value: unknown) => void;
}

/** Every partner form carries its 分類, one item per axis. */
type PartnerValues = { classifications: ClassificationAssignment[] };

interface PartnerFormProps<V extends PartnerValues> {
  /** Whose 分類 axes the 分類 section offers. */
  partnerType: PartnerType;
  /** The module's input schema: the browser validates exactly as the API will. */
  schema: z.ZodType<V>;
  initialValues: V;
  messages: PartnerFormMessages;
  readOnly?: boolean;
  saving: boolean;
  saveError: unknown;
  onSave: (values: V) => Promise<unknown>;
  resetSaveError: () => void;
  onBack: () => void;
  onReload?: () => void;
  /** The code may not be left empty (editing, or 自動採番 off). */
  requireCode: boolean;
  /** Extra buttons in the action bar (削除). */
  actions?: ReactNode;
  children: (state: PartnerFormState<V>) => ReactNode;
}

/**
 * The frame of a 得意先 or 仕入先 form: validates with the API's zod schema before sending,
 * then shows what the server still refuses (a taken code, a 請求先 that is not found, someone
 * else's newer version) next to the field it concerns.
 */
export function PartnerForm<V extends PartnerValues>(props: PartnerFormProps<V>) {
  const { initialValues, readOnly = false, saving, saveError, onSave, onBack, onReload } = props;
  const [values, setValues] = useState(initialValues);
  const [isField] = useState(
    () =>
      (path: string): path is string =>
        path.split('.')[0]! in initialValues,
  );
  const form = useFormErrors(isField);

  function onChange(field: keyof V & string, value: unknown) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    props.resetSaveError();
    const parsed = props.schema.safeParse(values);
    const issues: Record<string, string> = parsed.success ? {} : issuesByField(parsed.error.issues);
    const { code } = values as { code?: string };
    if (props.requireCode && code?.trim() === '') issues.code ??= CODE_REQUIRED_MESSAGE;
    if (!parsed.success || Object.keys(issues).length > 0) return form.show(issues);
    await form.save(() => onSave(parsed.data));
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={saveError}
        otherErrors={form.otherErrors}
        onReload={onReload}
        labels={props.messages}
      />
      {readOnly && (
        <Alert color="gray" variant="light" mb="md">
          {props.messages.readOnly}
        </Alert>
      )}
      <fieldset disabled={readOnly || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        {props.children({ values, errors: form.errors, onChange })}
        <ClassificationSelects
          partnerType={props.partnerType}
          value={values.classifications}
          onChange={(value) => onChange('classifications', value)}
          error={form.errors.classifications}
        />
      </fieldset>
      <FormActionBar onBack={onBack} saving={saving} readOnly={readOnly} actions={props.actions} />
    </form>
  );
}
