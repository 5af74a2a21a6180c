import { Alert, Grid, NumberInput, Text } from '@mantine/core';
import { PASSWORD_EXPIRY_MAX_DAYS } from '../../../../server/modules/settings/system-settings.schema';
import { FormSection } from '../../../components/FormSection';
import { useT } from '../../../i18n/i18n';
import type { SettingsSectionProps } from '../settings-form-model';

/** 有効期限 and 変更通知, off by default; the note says why we do not recommend them. */
export function PasswordPolicySection({ values, errors, onChange }: SettingsSectionProps) {
  const t = useT();
  const s = t.systemSettings;
  const expiryOff = values.passwordExpiryDays === '' || values.passwordExpiryDays === 0;
  const days = (field: 'passwordExpiryDays' | 'passwordNoticeDays', unit: string) => ({
    name: field,
    min: 1,
    max: PASSWORD_EXPIRY_MAX_DAYS,
    allowDecimal: false,
    allowNegative: false,
    clampBehavior: 'none' as const,
    rightSection: <Text size="sm">{unit}</Text>,
    rightSectionWidth: unit.length > 2 ? 72 : 40,
    styles: { wrapper: { maxWidth: 240 } },
    value: values[field],
    error: errors[field],
    onChange: (value: string | number) => onChange(field, value === '' ? '' : Number(value)),
  });
  return (
    <FormSection title={s.sections.password}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            {...days('passwordExpiryDays', s.units.days)}
            label={s.fields.passwordExpiryDays}
            description={s.hints.passwordExpiryDays}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            {...days('passwordNoticeDays', s.units.daysBefore)}
            label={s.fields.passwordNoticeDays}
            description={s.hints.passwordNoticeDays}
            disabled={expiryOff}
          />
        </Grid.Col>
      </Grid>
      <Alert color="gray" variant="light" mt="md" fz="sm">
        {s.nistNote}
      </Alert>
    </FormSection>
  );
}
