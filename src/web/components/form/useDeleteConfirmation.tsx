import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorAlert } from '../ErrorAlert';

/** The texts of one master's 削除 (each master words its own question in i18n). */
export interface DeleteMessages {
  delete: string;
  deleteTitle: string;
  deleteFailed: string;
}

/**
 * 削除 on an edit screen: the button opens a confirmation, and only 削除 there calls the API.
 * A refusal (a record still in use, someone else's newer version) closes the dialog and is
 * shown above the form, where the user reads it next to the data it is about.
 */
export function useDeleteConfirmation(options: {
  messages: DeleteMessages;
  /** The question in the dialog, naming the record. */
  body: string;
  remove: () => Promise<void>;
  onDeleted: () => Promise<unknown> | unknown;
}) {
  const { messages } = options;
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: options.remove,
    onSuccess: options.onDeleted,
    onSettled: () => setConfirming(false),
  });
  return {
    error: mutation.error && <ErrorAlert error={mutation.error} title={messages.deleteFailed} />,
    button: (
      <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
        {messages.delete}
      </Button>
    ),
    dialog: (
      <ConfirmDialog
        opened={confirming}
        title={messages.deleteTitle}
        body={options.body}
        confirmLabel={messages.delete}
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setConfirming(false)}
      />
    ),
  };
}
