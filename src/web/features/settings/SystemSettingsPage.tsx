import { Group } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ComponentType, type FormEvent, useState } from 'react';
import { systemSettingsUpdateSchema } from '../../../server/modules/settings/system-settings.schema';
import { meQueryOptions } from '../../api/auth';
import { systemSettingsQueryOptions, updateSystemSettings } from '../../api/settings';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFlash } from '../../components/flash';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { issuesByField } from '../../lib/validation';
import { MfaPolicySection } from '../mfa/MfaPolicySection';
import { CodeNumberingSection } from './CodeNumberingSection';
import { ContactSection } from './sections/ContactSection';
import { PasswordPolicySection } from './sections/PasswordPolicySection';
import { SessionSection } from './sections/SessionSection';
import {
  isSettingsField,
  type SettingsField,
  type SettingsFormValues,
  type SettingsSectionProps,
  toFormValues,
  toUpdate,
} from './settings-form-model';

/**
 * The panels of システム設定, top to bottom. A new setting (numbering widths, print settings…)
 * adds its fields to the schema and form model and its own section component here.
 */
const sections: { key: string; Section: ComponentType<SettingsSectionProps> }[] = [
  { key: 'contact', Section: ContactSection },
  { key: 'session', Section: SessionSection },
  { key: 'password', Section: PasswordPolicySection },
];

export function SystemSettingsPage() {
  const t = useT();
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useSuspenseQuery(systemSettingsQueryOptions);
  const { data } = settings;
  const [values, setValues] = useState(() => toFormValues(data));
  const form = useFormErrors(isSettingsField);

  const save = useMutation({
    mutationFn: updateSystemSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(systemSettingsQueryOptions.queryKey, saved);
      setValues(toFormValues(saved));
      // The password notice on the main menu depends on these settings.
      await queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      flash(t.systemSettings.saved);
    },
  });

  function onChange<K extends SettingsField>(field: K, value: SettingsFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = systemSettingsUpdateSchema.safeParse(toUpdate(values, data.version));
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(parsed.data));
  }

  async function reload() {
    const fresh = await settings.refetch();
    if (fresh.data) setValues(toFormValues(fresh.data));
    save.reset();
  }

  return (
    <>
      <PageHeader
        help="system-settings"
        title={t.systemSettings.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.systemSettings.title }]}
        description={
          <Group gap="lg">
            <span>{t.systemSettings.lead}</span>
            <span className="akinai-numeric">
              {t.systemSettings.updatedAt(formatJstDateTime(data.updatedAt))}
            </span>
          </Group>
        }
      />
      {/* Saved on its own (its own API and button), so it sits outside the settings form. */}
      <MfaPolicySection />
      <CodeNumberingSection />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={save.error}
          otherErrors={form.otherErrors}
          onReload={reload}
          labels={t.common.form}
        />
        <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
          {sections.map(({ key, Section }) => (
            <Section
              key={key}
              values={values}
              errors={form.errors}
              onChange={onChange}
              settings={data}
            />
          ))}
        </fieldset>
        <FormActionBar onBack={() => navigate({ to: '/' })} saving={save.isPending} />
      </form>
    </>
  );
}
