import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { CODE_REQUIRED_MESSAGE } from '../../../domain/partners/partner-fields';
import type {
  ClassificationAssignment,
  PartnerType,
} from '../../../server/modules/partners/classifications/classification.schema';
import { MasterFormFrame, type MasterFormProps } from '../../components/form/MasterFormFrame';
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

interface PartnerFormProps<V extends PartnerValues> extends MasterFormProps<V> {
  /** Whose 分類 axes the 分類 section offers. */
  partnerType: PartnerType;
  /** The module's input schema: the browser validates exactly as the API will. */
  schema: z.ZodType<V>;
  messages: PartnerFormMessages;
  /** The code may not be left empty (editing, or 自動採番 off). */
  requireCode: boolean;
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
    <MasterFormFrame
      saving={saving}
      saveError={saveError}
      onReload={onReload}
      onBack={onBack}
      actions={props.actions}
      readOnly={readOnly}
      readOnlyMessage={props.messages.readOnly}
      alertLabels={props.messages}
      form={form}
      onSubmit={submit}
    >
      {props.children({ values, errors: form.errors, onChange })}
      <ClassificationSelects
        partnerType={props.partnerType}
        value={values.classifications}
        onChange={(value) => onChange('classifications', value)}
        error={form.errors.classifications}
      />
    </MasterFormFrame>
  );
}
