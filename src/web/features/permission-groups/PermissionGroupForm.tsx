import { Box, Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Permission } from '../../../domain/access/permissions';
import {
  GROUP_NAME_MAX,
  permissionGroupCreateSchema,
} from '../../../server/modules/identity/permission-group.schema';
import { isApiError } from '../../api/client';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { FormSection } from '../../components/FormSection';
import { IconArrowLeft } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';
import { PermissionGrid } from './PermissionGrid';

export interface PermissionGroupValues {
  name: string;
  permissions: Permission[];
}

interface PermissionGroupFormProps {
  initialValues: PermissionGroupValues;
  saving: boolean;
  saveError: unknown;
  resetSaveError: () => void;
  onSave: (values: PermissionGroupValues) => Promise<unknown>;
  onBack: () => void;
  onReload?: () => void;
  /** Extra buttons in the action bar (コピーして作成, 削除). */
  actions?: ReactNode;
}

/** Name plus the grant grid, checked with the API's own schema before it is sent. */
export function PermissionGroupForm(props: PermissionGroupFormProps) {
  const { initialValues, saving, saveError, resetSaveError } = props;
  const t = useT();
  const texts = t.permissionGroups;
  const [name, setName] = useState(initialValues.name);
  const [grants, setGrants] = useState(() => new Set(initialValues.permissions));
  const [nameError, setNameError] = useState<string | undefined>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    resetSaveError();
    const parsed = permissionGroupCreateSchema.safeParse({ name, permissions: [...grants] });
    if (!parsed.success) {
      setNameError(issuesByField(parsed.error.issues).name);
      return;
    }
    setNameError(undefined);
    setOtherErrors([]);
    try {
      await props.onSave(parsed.data);
    } catch (error) {
      if (!isApiError(error)) return;
      const { name: serverNameError, ...rest } = error.fieldErrors();
      setNameError(serverNameError);
      setOtherErrors(Object.values(rest));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <FormSaveAlerts
        invalidCount={nameError ? 1 : 0}
        saveError={saveError}
        otherErrors={otherErrors}
        onReload={props.onReload}
        labels={texts}
      />
      <fieldset disabled={saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <FormSection title={texts.sections.basic}>
          <TextInput
            label={texts.fields.name}
            description={texts.hints.name}
            required
            maw={420}
            maxLength={GROUP_NAME_MAX + 10}
            value={name}
            error={nameError}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(undefined);
            }}
          />
        </FormSection>
        <FormSection title={texts.sections.grants}>
          <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
            <Text fz="xs" c="dimmed">
              {texts.grid.rule}
            </Text>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-live="polite">
              {texts.grid.count(grants.size)}
            </Text>
          </Group>
          <PermissionGrid value={grants} onChange={setGrants} disabled={saving} />
          <Text fz="xs" c="dimmed" mt="xs">
            {texts.effectNote}
          </Text>
        </FormSection>
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
