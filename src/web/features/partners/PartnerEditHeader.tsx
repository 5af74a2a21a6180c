import { Button, Group } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { NumberedMaster } from '../../../domain/masters/code-numbering';
import { codeNumberingQueryOptions } from '../../api/partners';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatJstDateTime } from '../../lib/format';
import type { PartnerFormMessages } from './partner-form-model';

/** Whether new records of `kind` may leave the code empty (自動採番 on). */
export function useAutoNumbering(kind: NumberedMaster): boolean {
  const numbering = useQuery(codeNumberingQueryOptions);
  return numbering.data?.items.some((item) => item.kind === kind && item.isAuto) ?? false;
}

/** 登録日時 / 更新日時 line under an edit screen's title. */
export function PartnerStamp(props: {
  record: { code: string; name: string; createdAt: string; updatedAt: string };
  messages: PartnerFormMessages;
  children?: ReactNode;
}) {
  const { record, messages } = props;
  return (
    <Group gap="lg" className="akinai-numeric">
      <span>
        {record.code}　{record.name}
      </span>
      <span>
        {messages.createdAt} {formatJstDateTime(record.createdAt)}
      </span>
      <span>
        {messages.updatedAt} {formatJstDateTime(record.updatedAt)}
      </span>
      {props.children}
    </Group>
  );
}

/**
 * 削除 for an edit screen: a confirmation, then the API call; a partner still in use comes
 * back as 409 and its message (use 「使用しない」 instead) is shown above the form.
 */
export function usePartnerDelete(options: {
  name: string;
  messages: PartnerFormMessages;
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
        body={messages.deleteConfirm(options.name)}
        confirmLabel={messages.delete}
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setConfirming(false)}
      />
    ),
  };
}
