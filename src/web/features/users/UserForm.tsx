import { Box, Button, Group } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { userCreateSchema } from '../../../server/modules/identity/user.schema';
import { isApiError } from '../../api/client';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { IconArrowLeft } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { UserFormFields } from './UserFormFields';
import {
  isUserField,
  type PasswordMode,
  type UserField,
  type UserFormValues,
} from './user-form-model';

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

type FieldErrors = Partial<Record<UserField, string>>;

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (submitCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);

  function onChange<K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function applyFieldErrors(byPath: Record<string, string>) {
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const [path, message] of Object.entries(byPath)) {
      if (isUserField(path)) fieldErrors[path] = message;
      else rest.push(message);
    }
    setErrors(fieldErrors);
    setOtherErrors(rest);
    setSubmitCount((count) => count + 1);
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
    if (!parsed.success || Object.keys(found).length > 0) {
      applyFieldErrors(found);
      return;
    }
    const { initialPassword: _, ...cleaned } = parsed.data;
    setErrors({});
    setOtherErrors([]);
    try {
      await props.onSave({ values: cleaned, initialPassword });
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
        onReload={props.onReload}
        labels={t.userForm}
      />

      <fieldset disabled={saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <UserFormFields
          values={values}
          errors={errors}
          onChange={onChange}
          password={
            withInitialPassword && {
              mode,
              value: password,
              tenantCode: withInitialPassword.tenantCode,
              onMode: setMode,
              onValue: (value) => {
                setPassword(value);
                setErrors((current) => ({ ...current, initialPassword: undefined }));
              },
            }
          }
        />
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
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={props.onBack}
            >
              {t.common.back}
            </Button>
            {props.actions}
          </Group>
          <Button type="submit" loading={saving} miw={120}>
            {t.common.save}
          </Button>
        </Group>
      </Box>
    </form>
  );
}
