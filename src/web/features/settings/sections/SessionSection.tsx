import { Grid, NumberInput, Text, TextInput } from '@mantine/core';
import {
  IDLE_TIMEOUT_MAX_MINUTES,
  IDLE_TIMEOUT_MIN_MINUTES,
} from '../../../../server/modules/settings/system-settings.schema';
import { FormSection } from '../../../components/FormSection';
import { useT } from '../../../i18n/i18n';
import type { SettingsSectionProps } from '../settings-form-model';

export function SessionSection({ values, errors, onChange, settings }: SettingsSectionProps) {
  const t = useT();
  const s = t.systemSettings;
  return (
    <FormSection title={s.sections.session}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            name="idleTimeoutMinutes"
            label={s.fields.idleTimeoutMinutes}
            description={s.hints.idleTimeoutMinutes(
              IDLE_TIMEOUT_MIN_MINUTES,
              IDLE_TIMEOUT_MAX_MINUTES,
            )}
            withAsterisk
            min={IDLE_TIMEOUT_MIN_MINUTES}
            max={IDLE_TIMEOUT_MAX_MINUTES}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            rightSection={<Text size="sm">{s.units.minutes}</Text>}
            rightSectionWidth={40}
            styles={{ wrapper: { maxWidth: 220 } }}
            value={values.idleTimeoutMinutes}
            error={errors.idleTimeoutMinutes}
            onChange={(value) => onChange('idleTimeoutMinutes', value === '' ? '' : Number(value))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={s.fields.absoluteSession}
            description={s.hints.absoluteSession(settings.absoluteSessionHours)}
            value={`${settings.absoluteSessionHours}`}
            rightSection={<Text size="sm">h</Text>}
            readOnly
            variant="filled"
            styles={{ wrapper: { maxWidth: 220 } }}
          />
        </Grid.Col>
      </Grid>
    </FormSection>
  );
}
