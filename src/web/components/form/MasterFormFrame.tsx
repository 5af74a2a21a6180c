import { Alert } from '@mantine/core';
import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { FormSaveAlerts } from '../FormSaveAlerts';
import { FormActionBar } from './FormActionBar';
import type { useFormErrors } from './useFormErrors';

/** What a master's new/edit page hands its form (see saveFormProps and useMasterEditor). */
export interface MasterFormProps<Values, Input = Values> {
  initialValues: Values;
  readOnly?: boolean;
  saving: boolean;
  saveError: unknown;
  resetSaveError: () => void;
  onSave: (input: Input) => Promise<unknown>;
  onBack: () => void;
  /** Offered when the save hit someone else's newer version. */
  onReload?: () => void;
  /** Extra buttons next to 戻る (削除). */
  actions?: ReactNode;
}

interface MasterFormFrameProps
  extends Pick<
    MasterFormProps<unknown>,
    'saving' | 'saveError' | 'onBack' | 'onReload' | 'actions'
  > {
  form: Pick<ReturnType<typeof useFormErrors>, 'formRef' | 'invalidCount' | 'otherErrors'>;
  onSubmit: (event: FormEvent) => void;
  readOnly: boolean;
  /** Why the fields are locked: the user may look but not change. */
  readOnlyMessage: string;
  alertLabels: ComponentProps<typeof FormSaveAlerts>['labels'];
  children: ReactNode;
}

/**
 * The frame every master form shares, so they all behave alike: problems above the fields
 * (invalid input, a refusal, a version conflict with 再読み込み), a read-only notice for users
 * without the edit permission, fields locked while reading only or saving, and the action bar.
 * A form may spread its own MasterFormProps into it; what the frame does not use is ignored.
 */
export function MasterFormFrame(props: MasterFormFrameProps) {
  const { form, readOnly, saving } = props;
  return (
    <form ref={form.formRef} onSubmit={props.onSubmit} noValidate>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={props.saveError}
        otherErrors={form.otherErrors}
        onReload={props.onReload}
        labels={props.alertLabels}
      />
      {readOnly && (
        <Alert color="gray" variant="light" mb="md">
          {props.readOnlyMessage}
        </Alert>
      )}
      <fieldset disabled={readOnly || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        {props.children}
      </fieldset>
      <FormActionBar
        onBack={props.onBack}
        saving={saving}
        readOnly={readOnly}
        actions={props.actions}
      />
    </form>
  );
}
