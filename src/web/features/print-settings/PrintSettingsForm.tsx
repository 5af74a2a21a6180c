import { Checkbox, Grid, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  type AddressSource,
  addressSources,
  PRINT_FOOTER_MAX,
  PRINT_TITLE_MAX,
  registrationNumberOption,
  showsBankAccounts,
} from '../../../domain/company/print-settings';
import {
  type PrintSettingsItem,
  printSettingsUpdateSchema,
} from '../../../server/modules/company/document-settings.schema';
import { companyKeys, updatePrintSettings } from '../../api/company';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormSection } from '../../components/FormSection';
import { useFlash } from '../../components/flash';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { issuesByField } from '../../lib/validation';

type Values = Omit<PrintSettingsItem, 'version' | 'updatedAt'>;
type Field = Exclude<keyof Values, 'documentType'>;
const fields = new Set<string>([
  'title',
  'showLogo',
  'showSeal',
  'showBankAccounts',
  'showRegistrationNumber',
  'footerNote',
  'addressSource',
]);
const isField = (path: string): path is Field => fields.has(path);

const valuesOf = ({ version: _, updatedAt: __, ...values }: PrintSettingsItem): Values => values;

/** One document type's print options; options the type cannot have are shown locked. */
export function PrintSettingsForm(props: {
  settings: PrintSettingsItem;
  canEdit: boolean;
  onReload: () => Promise<void>;
}) {
  const { settings } = props;
  const t = useT();
  const p = t.printSettings;
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(settings));
  const form = useFormErrors(isField);
  const typeName = p.documentTypes[settings.documentType];
  const registration = registrationNumberOption(settings.documentType);
  const bankAllowed = showsBankAccounts(settings.documentType);

  const save = useMutation({
    mutationFn: updatePrintSettings,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: companyKeys.printSettings });
      flash(p.saved(typeName));
    },
  });

  function change<K extends Field>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = printSettingsUpdateSchema.safeParse({ ...values, version: settings.version });
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(parsed.data));
  }

  const check = (field: Field & `show${string}`, disabled = false, description?: string) => (
    <Checkbox
      label={p.fields[field]}
      description={description}
      checked={values[field]}
      disabled={disabled}
      error={form.errors[field]}
      onChange={(event) => change(field, event.currentTarget.checked)}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label={typeName}>
      <Text size="xs" c="dimmed" mb="sm" className="akinai-numeric">
        {settings.updatedAt ? p.updatedAt(formatJstDateTime(settings.updatedAt)) : p.neverSaved}
      </Text>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={save.error}
        otherErrors={form.otherErrors}
        onReload={async () => {
          await props.onReload();
          save.reset();
        }}
        labels={t.common.form}
      />
      <fieldset
        disabled={save.isPending || !props.canEdit}
        style={{ border: 0, padding: 0, margin: 0 }}
      >
        <FormSection title={p.sections.heading}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                name="title"
                label={p.fields.title}
                description={p.hints.title(typeName)}
                placeholder={typeName}
                maxLength={PRINT_TITLE_MAX}
                value={values.title}
                error={form.errors.title}
                onChange={(event) => change('title', event.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Radio.Group
                name="addressSource"
                label={p.fields.addressSource}
                description={p.addressHint}
                value={values.addressSource}
                error={form.errors.addressSource}
                onChange={(value) => change('addressSource', value as AddressSource)}
              >
                <Stack gap={6} mt={6}>
                  {addressSources.map((source) => (
                    <Radio key={source} value={source} label={p.addressSources[source]} />
                  ))}
                </Stack>
              </Radio.Group>
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection title={p.sections.content}>
          <Stack gap="sm">
            {check('showLogo')}
            {check('showSeal')}
            {check(
              'showBankAccounts',
              !bankAllowed,
              bankAllowed ? undefined : p.hints.bankOnlyInvoice,
            )}
            {check(
              'showRegistrationNumber',
              registration !== 'optional',
              registration === 'required'
                ? p.hints.registrationRequired
                : registration === 'never'
                  ? p.hints.registrationNever
                  : undefined,
            )}
          </Stack>
        </FormSection>
        <FormSection title={p.sections.footer}>
          <Textarea
            name="footerNote"
            label={p.fields.footerNote}
            description={p.hints.footerCount(values.footerNote.length, PRINT_FOOTER_MAX)}
            autosize
            minRows={3}
            maxRows={6}
            value={values.footerNote}
            error={form.errors.footerNote}
            onChange={(event) => change('footerNote', event.currentTarget.value)}
          />
        </FormSection>
      </fieldset>
      <FormActionBar
        onBack={() => navigate({ to: '/' })}
        saving={save.isPending}
        readOnly={!props.canEdit}
      />
    </form>
  );
}
