import { Badge, Grid, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  checkRegistrationNumber,
  registrationNumberMessages,
} from '../../../domain/invoice/registration-number';
import {
  type CompanyProfile,
  companyProfileUpdateSchema,
} from '../../../server/modules/company/company-profile.schema';
import { companyKeys, updateCompanyProfile } from '../../api/company';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormSection } from '../../components/FormSection';
import { useFlash } from '../../components/flash';
import { FormActionBar } from '../../components/form/FormActionBar';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { IconCheck } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { isProfileField, type ProfileField, toProfileValues } from './company-form-model';

/** The issuer block of every document; a check-digit mismatch is shown but does not block. */
export function CompanyProfileForm(props: {
  profile: CompanyProfile;
  canEdit: boolean;
  onReload: () => Promise<CompanyProfile | undefined>;
}) {
  const t = useT();
  const c = t.company;
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => toProfileValues(props.profile));
  const form = useFormErrors(isProfileField);
  const save = useMutation({
    mutationFn: updateCompanyProfile,
    onSuccess: (saved) => {
      queryClient.setQueryData(companyKeys.profile, saved);
      setValues(toProfileValues(saved));
      flash(c.saved);
    },
  });

  function change(field: ProfileField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = companyProfileUpdateSchema.safeParse({
      ...values,
      version: props.profile.version,
    });
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(parsed.data));
  }

  async function reload() {
    const fresh = await props.onReload();
    if (fresh) setValues(toProfileValues(fresh));
    save.reset();
  }

  const text = textFieldBinder<ProfileField>(values, form.errors, c.fields, change);
  const registration = checkRegistrationNumber(values.registrationNumber);
  const half = { base: 12, sm: 6 };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={form.invalidCount}
        saveError={save.error}
        otherErrors={form.otherErrors}
        onReload={reload}
        labels={t.common.form}
      />
      <fieldset
        disabled={save.isPending || !props.canEdit}
        style={{ border: 0, padding: 0, margin: 0 }}
      >
        <FormSection title={c.sections.basic}>
          <Grid gap="md">
            <Grid.Col span={half}>
              <TextInput {...text('companyName')} withAsterisk maxLength={100} />
            </Grid.Col>
            <Grid.Col span={half}>
              <TextInput {...text('companyKana')} maxLength={100} />
            </Grid.Col>
            <Grid.Col span={half}>
              <TextInput {...text('representativeTitle')} maxLength={40} />
            </Grid.Col>
            <Grid.Col span={half}>
              <TextInput {...text('representativeName')} maxLength={40} />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection title={c.sections.contact}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput {...text('postalCode')} description={c.hints.postalCode} maxLength={8} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput {...text('address1')} maxLength={100} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput {...text('address2')} maxLength={100} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput {...text('phone')} type="tel" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput {...text('fax')} type="tel" />
            </Grid.Col>
            <Grid.Col span={half}>
              <TextInput {...text('email')} type="email" />
            </Grid.Col>
            <Grid.Col span={half}>
              <TextInput {...text('url')} type="url" placeholder="https://" />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection title={c.sections.invoice}>
          <Grid gap="md">
            <Grid.Col span={half}>
              <TextInput
                {...text('registrationNumber')}
                description={c.hints.registrationNumber}
                placeholder="T1234567890123"
                className="akinai-numeric"
                maxLength={20}
              />
            </Grid.Col>
            <Grid.Col span={half}>
              <RegistrationStatus kind={registration.kind} validLabel={c.registrationValid} />
            </Grid.Col>
          </Grid>
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

function RegistrationStatus({ kind, validLabel }: { kind: string; validLabel: string }) {
  if (kind === 'valid') {
    return (
      <Group gap={6} mt={30}>
        <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
          OK
        </Badge>
        <Text size="sm" c="dimmed">
          {validLabel}
        </Text>
      </Group>
    );
  }
  if (kind === 'checkDigitMismatch') {
    return (
      <Text size="sm" c="orange.8" mt={24} role="status" data-testid="registration-warning">
        {registrationNumberMessages.checkDigitMismatch}
      </Text>
    );
  }
  return null;
}
