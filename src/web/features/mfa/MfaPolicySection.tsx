import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type MfaSettings, mfaRequirements } from '../../../server/modules/identity/mfa.schema';
import { mfaSettingsQueryOptions, saveMfaSettings } from '../../api/mfa';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { useFlash } from '../../components/flash';
import { useT } from '../../i18n/i18n';

/**
 * The tenant's MFA requirement as a self-contained section (loads and saves on its own), so
 * it can sit on any settings page.
 */
export function MfaPolicySection() {
  const t = useT();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(mfaSettingsQueryOptions);
  const [required, setRequired] = useState<MfaSettings['required']>(data.required);
  const save = useMutation({
    mutationFn: saveMfaSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(mfaSettingsQueryOptions.queryKey, saved);
      flash(t.mfaSettings.saved);
    },
  });

  return (
    <FormSection title={t.mfaSettings.sectionTitle}>
      <Stack gap="md">
        <Text size="sm">{t.mfaSettings.lead}</Text>
        {save.error != null && <ErrorAlert error={save.error} />}
        <Radio.Group
          label={t.mfaSettings.label}
          value={required}
          onChange={(value) => setRequired(value as MfaSettings['required'])}
        >
          <Stack gap="xs" mt="xs">
            {mfaRequirements.map((option) => (
              <Radio key={option} value={option} label={t.mfaSettings.options[option]} />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button
            data-testid="mfa-policy-save"
            onClick={() => save.mutate({ required })}
            loading={save.isPending}
            disabled={required === data.required}
          >
            {t.mfaSettings.save}
          </Button>
        </Group>
      </Stack>
    </FormSection>
  );
}
