import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  axisCreateSchema,
  type ClassificationAxis,
  type PartnerType,
} from '../../../server/modules/partners/classifications/classification.schema';
import { createAxis, updateAxis } from '../../api/classifications';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

const isField = (path: string): path is 'name' => path === 'name';
const axisName = axisCreateSchema.shape.name;

/** Adds an axis or renames one. */
export function AxisNameDialog(props: {
  partnerType: PartnerType;
  axis: ClassificationAxis | null;
  onClose: () => void;
  onSaved: (axis: ClassificationAxis) => Promise<void>;
}) {
  const { axis, partnerType } = props;
  const t = useT();
  const [name, setName] = useState(axis?.name ?? '');
  const form = useFormErrors(isField);
  const save = useMutation({
    mutationFn: (value: string) =>
      axis
        ? updateAxis(axis.axisId, { name: value, version: axis.version })
        : createAxis({ partnerType, name: value }),
    onSuccess: props.onSaved,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = axisName.safeParse(name);
    if (!parsed.success) {
      return form.show(
        issuesByField(parsed.error.issues.map((issue) => ({ ...issue, path: ['name'] }))),
      );
    }
    await form.save(() => save.mutateAsync(parsed.data));
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={axis ? t.classifications.renameAxisTitle : t.classifications.newAxisTitle}
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
          label={t.classifications.fields.axisName}
          value={name}
          maxLength={20}
          withAsterisk
          data-autofocus
          error={form.errors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            form.clearField('name');
          }}
        />
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
