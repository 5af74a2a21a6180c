import { Box, Button, Group } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ComponentType, type FormEvent, useEffect, useRef, useState } from 'react';
import { systemSettingsUpdateSchema } from '../../../server/modules/settings/system-settings.schema';
import { meQueryOptions } from '../../api/auth';
import { isApiError } from '../../api/client';
import { systemSettingsQueryOptions, updateSystemSettings } from '../../api/settings';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFlash } from '../../components/flash';
import { IconArrowLeft } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { issuesByField } from '../../lib/validation';
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
 * The panels of システム設定, top to bottom. A new setting (MFA requirement, numbering widths…)
 * adds its fields to the schema and form model and its own section component here.
 */
const sections: { key: string; Section: ComponentType<SettingsSectionProps> }[] = [
  { key: 'contact', Section: ContactSection },
  { key: 'session', Section: SessionSection },
  { key: 'password', Section: PasswordPolicySection },
];

type FieldErrors = Partial<Record<SettingsField, string>>;

export function SystemSettingsPage() {
  const t = useT();
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useSuspenseQuery(systemSettingsQueryOptions);
  const { data } = settings;
  const [values, setValues] = useState(() => toFormValues(data));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (submitCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);

  const save = useMutation({
    mutationFn: updateSystemSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(systemSettingsQueryOptions.queryKey, saved);
      setValues(toFormValues(saved));
      // The password notice on the main menu depends on these settings.
      await queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      flash(t.systemSettings.saved);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(error.fieldErrors());
    },
  });

  function applyFieldErrors(byPath: Record<string, string>) {
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const [path, message] of Object.entries(byPath)) {
      if (isSettingsField(path)) fieldErrors[path] = message;
      else rest.push(message);
    }
    setErrors(fieldErrors);
    setOtherErrors(rest);
    setSubmitCount((count) => count + 1);
  }

  function onChange<K extends SettingsField>(field: K, value: SettingsFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = systemSettingsUpdateSchema.safeParse(toUpdate(values, data.version));
    if (!parsed.success) {
      applyFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setErrors({});
    setOtherErrors([]);
    save.mutate(parsed.data);
  }

  async function reload() {
    const fresh = await settings.refetch();
    if (fresh.data) setValues(toFormValues(fresh.data));
    save.reset();
  }

  const invalidCount = Object.values(errors).filter(Boolean).length;

  return (
    <>
      <PageHeader
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
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={invalidCount}
          saveError={save.error}
          otherErrors={otherErrors}
          onReload={reload}
          labels={t.systemSettings}
        />
        <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
          {sections.map(({ key, Section }) => (
            <Section
              key={key}
              values={values}
              errors={errors}
              onChange={onChange}
              settings={data}
            />
          ))}
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
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => navigate({ to: '/' })}
            >
              {t.common.back}
            </Button>
            <Button type="submit" loading={save.isPending} miw={120}>
              {t.common.save}
            </Button>
          </Group>
        </Box>
      </form>
    </>
  );
}
