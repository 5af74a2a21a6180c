import { type FormEvent, type ReactNode, useState } from 'react';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { userCreateSchema } from '../../../server/modules/identity/user.schema';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { UserFormFields } from './UserFormFields';
import { isUserField, type PasswordMode, type UserFormValues } from './user-form-model';

export interface UserSubmission {
  values: UserFormValues;
  /** Only on registration: undefined means "let the server generate it". */
  initialPassword?: string;
}

interface UserFormProps {
  initialValues: UserFormValues;
  /** Registration shows the initial-password choice; editing does not. */
  withInitialPassword?: { tenantCode: string };
  saving: boolean;
  saveError: unknown;
  resetSaveError: () => void;
  onSave: (submission: UserSubmission) => Promise<unknown>;
  onBack: () => void;
  onReload?: () => void;
  /** Extra buttons in the action bar (無効化, 削除, 初期パスワード再発行). */
  actions?: ReactNode;
}

/**
 * 担当者登録/修正: checked in the browser with the API's own schema and password rules, then
 * whatever the server still refuses (a taken login ID, a full contract) is shown in place.
 */
export function UserForm(props: UserFormProps) {
  const { initialValues, withInitialPassword, saving, saveError, resetSaveError } = props;
  const t = useT();
  const [values, setValues] = useState(initialValues);
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [password, setPassword] = useState('');
  const form = useFormErrors(isUserField);

  function onChange<K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    resetSaveError();
    const initialPassword = withInitialPassword && mode === 'specify' ? password : undefined;
    const parsed = userCreateSchema.safeParse({ ...values, initialPassword });
    const found = parsed.success ? {} : issuesByField(parsed.error.issues);
    if (initialPassword !== undefined && withInitialPassword) {
      const [problem] = passwordProblems(initialPassword, {
        tenantCode: withInitialPassword.tenantCode,
        loginId: values.loginId,
        userName: values.name,
      });
      if (problem) found.initialPassword ??= problem;
    }
    if (!parsed.success || Object.keys(found).length > 0) return form.show(found);
    const { initialPassword: _, ...cleaned } = parsed.data;
    await form.save(() => props.onSave({ values: cleaned, initialPassword }));
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={saveError}
        otherErrors={form.otherErrors}
        onReload={props.onReload}
        labels={t.userForm}
      />

      <fieldset disabled={saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <UserFormFields
          values={values}
          errors={form.errors}
          onChange={onChange}
          password={
            withInitialPassword && {
              mode,
              value: password,
              tenantCode: withInitialPassword.tenantCode,
              onMode: setMode,
              onValue: (value) => {
                setPassword(value);
                form.clearField('initialPassword');
              },
            }
          }
        />
      </fieldset>

      <FormActionBar onBack={props.onBack} saving={saving} actions={props.actions} />
    </form>
  );
}
