import { TextInput } from '@mantine/core';
import { FormSection } from '../../../components/FormSection';
import { useT } from '../../../i18n/i18n';
import type { SettingsSectionProps } from '../settings-form-model';

export function ContactSection({ values, errors, onChange }: SettingsSectionProps) {
  const t = useT();
  const s = t.systemSettings;
  return (
    <FormSection title={s.sections.contact}>
      <TextInput
        name="adminEmail"
        type="email"
        label={s.fields.adminEmail}
        description={s.hints.adminEmail}
        value={values.adminEmail}
        error={errors.adminEmail}
        onChange={(event) => onChange('adminEmail', event.currentTarget.value)}
        maw={480}
        autoComplete="off"
      />
    </FormSection>
  );
}
