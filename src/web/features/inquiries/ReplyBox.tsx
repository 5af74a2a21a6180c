import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** One text box and a send button, for the user's reply and the operator's answer alike. */
export function ReplyBox({
  label,
  action,
  send,
  onSent,
}: {
  label: string;
  action: string;
  send: (body: string) => Promise<unknown>;
  onSent: () => Promise<unknown>;
}) {
  const [body, setBody] = useState('');
  const mutation = useMutation({
    mutationFn: () => send(body),
    onSuccess: async () => {
      setBody('');
      await onSent();
    },
  });
  const fieldError = isApiError(mutation.error)
    ? (mutation.error.fieldErrors().body ?? undefined)
    : undefined;
  return (
    <Stack gap="xs">
      {mutation.error && !fieldError && <ErrorAlert error={mutation.error} />}
      <Textarea
        label={label}
        autosize
        minRows={4}
        value={body}
        error={fieldError}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
          {action}
        </Button>
      </Group>
    </Stack>
  );
}
