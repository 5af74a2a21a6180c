import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type ClassificationItem,
  itemInputSchema,
} from '../../../server/modules/partners/classifications/classification.schema';
import { createItem, updateItem } from '../../api/classifications';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

type Field = 'code' | 'name';
const isField = (path: string): path is Field => path === 'code' || path === 'name';

/** Adds an item at the end of an axis, or edits one. */
export function ItemDialog(props: {
  axisId: string;
  item: ClassificationItem | null;
  onClose: () => void;
  onSaved: (item: ClassificationItem) => Promise<void>;
}) {
  const { axisId, item } = props;
  const t = useT();
  const [values, setValues] = useState({ code: item?.code ?? '', name: item?.name ?? '' });
  const form = useFormErrors(isField);
  const save = useMutation({
    mutationFn: (input: { code: string; name: string }) =>
      item
        ? updateItem(item.itemId, { ...input, version: item.version })
        : createItem(axisId, input),
    onSuccess: props.onSaved,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = itemInputSchema.safeParse(values);
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(parsed.data));
  }

  const bind = (field: Field) => ({
    label: t.classifications.fields[field],
    value: values[field],
    error: form.errors[field],
    withAsterisk: true,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
      form.clearField(field);
    },
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={item ? t.classifications.editItemTitle : t.classifications.newItemTitle}
      centered
    >
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={save.error}
          otherErrors={form.otherErrors}
          labels={t.common.form}
        />
        <TextInput
          {...bind('code')}
          description={t.classifications.codeHint}
          maxLength={10}
          autoComplete="off"
          data-autofocus
          w={200}
        />
        <TextInput {...bind('name')} mt="md" maxLength={40} />
        <Group justify="flex-end" mt="xl">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.common.save}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
