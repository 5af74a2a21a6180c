import { Grid, PasswordInput, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { permissionGroupOptionsQueryOptions } from '../../api/users';
import { FormSection } from '../../components/FormSection';
import { textFieldBinder } from '../../components/form/text-field';
import { useT } from '../../i18n/i18n';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';
import type { PasswordMode, UserField, UserFormValues } from './user-form-model';

interface FieldsProps {
  values: UserFormValues;
  errors: Partial<Record<UserField, string>>;
  onChange: <K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) => void;
  /** Only when registering: how the initial password is made. */
  password?: {
    mode: PasswordMode;
    value: string;
    tenantCode: string;
    onMode: (mode: PasswordMode) => void;
    onValue: (value: string) => void;
  };
}

export function UserFormFields({ values, errors, onChange, password }: FieldsProps) {
  const t = useT();
  const f = t.userForm.fields;
  const hints = t.userForm.hints;
  const groups = useQuery(permissionGroupOptionsQueryOptions);

  const text = textFieldBinder<'loginId' | 'name' | 'kana' | 'email' | 'department'>(
    values,
    errors,
    f,
    onChange,
  );

  return (
    <>
      <FormSection title={t.userForm.sections.account}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              {...text('loginId')}
              withAsterisk
              description={hints.loginId}
              autoComplete="off"
              maxLength={64}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isActive"
              label={f.isActive}
              description={hints.isActive}
              checked={values.isActive}
              onChange={(event) => onChange('isActive', event.currentTarget.checked)}
            />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.userForm.sections.profile}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('name')} withAsterisk autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('kana')} autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              {...text('email')}
              type="email"
              description={hints.email}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('department')} />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t.userForm.sections.access}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              name="groupId"
              label={f.groupId}
              placeholder={t.userForm.groupPlaceholder}
              data={(groups.data?.items ?? []).map((g) => ({ value: g.groupId, label: g.name }))}
              value={values.groupId}
              onChange={(value) => onChange('groupId', value)}
              error={errors.groupId}
              clearable
              allowDeselect
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isOrgAdmin"
              label={f.isOrgAdmin}
              description={hints.isOrgAdmin}
              color="red"
              checked={values.isOrgAdmin}
              onChange={(event) => onChange('isOrgAdmin', event.currentTarget.checked)}
            />
          </Grid.Col>
        </Grid>
      </FormSection>

      {password && (
        <FormSection title={t.userForm.sections.password}>
          <Stack gap="sm">
            <Radio.Group
              name="passwordMode"
              label={t.userForm.passwordModeLabel}
              description={t.userForm.passwordModeHint}
              value={password.mode}
              onChange={(value) => password.onMode(value as PasswordMode)}
            >
              <Stack gap={6} mt={8}>
                <Radio value="generate" label={t.userForm.passwordMode.generate} />
                <Radio value="specify" label={t.userForm.passwordMode.specify} />
              </Stack>
            </Radio.Group>
            {password.mode === 'specify' && (
              <div style={{ maxWidth: 420 }}>
                <PasswordInput
                  name="initialPassword"
                  label={f.initialPassword}
                  withAsterisk
                  autoComplete="new-password"
                  value={password.value}
                  error={errors.initialPassword}
                  onChange={(event) => password.onValue(event.currentTarget.value)}
                />
                <PasswordStrengthMeter
                  password={password.value}
                  context={{
                    tenantCode: password.tenantCode,
                    loginId: values.loginId,
                    userName: values.name,
                  }}
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {t.password.rules}
                </Text>
              </div>
            )}
          </Stack>
        </FormSection>
      )}
    </>
  );
}
