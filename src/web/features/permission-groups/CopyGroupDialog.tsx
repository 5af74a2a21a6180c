import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { permissionGroupCopySchema } from '../../../server/modules/identity/permission-group.schema';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useLanguage, useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

/** コピーして作成: asks only for the new name; the grants come from the source group. */
export function CopyGroupDialog(props: {
  sourceName: string | null;
  busy: boolean;
  onCopy: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const texts = t.permissionGroups;
  return (
    <Modal
      opened={props.sourceName !== null}
      onClose={props.onClose}
      title={texts.copyTitle}
      centered
    >
      {props.sourceName !== null && (
        <CopyForm
          key={props.sourceName}
          {...props}
          sourceName={props.sourceName}
          describe={(error) =>
            isApiError(error)
              ? (error.fieldErrors().name ?? errorMessage(error, t, language))
              : null
          }
        />
      )}
    </Modal>
  );
}

function CopyForm(props: {
  sourceName: string;
  busy: boolean;
  onCopy: (name: string) => Promise<unknown>;
  onClose: () => void;
  describe: (error: unknown) => string | null;
}) {
  const t = useT();
  const texts = t.permissionGroups;
  const [name, setName] = useState(texts.copyDefault(props.sourceName));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = permissionGroupCopySchema.safeParse({ name });
    if (!parsed.success) {
      setError(issuesByField(parsed.error.issues).name ?? null);
      return;
    }
    try {
      await props.onCopy(parsed.data.name);
    } catch (failure) {
      setError(props.describe(failure));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{texts.copyLead(props.sourceName)}</Text>
        <TextInput
          label={texts.copyName}
          required
          data-autofocus
          value={name}
          error={error}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={props.busy}>
            {texts.copySubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
