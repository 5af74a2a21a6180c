import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatJstDateTime } from '../../lib/format';

/**
 * The line under an edit screen's title: which record this is and how fresh it is, so a user
 * who comes back to an open tab can tell whether someone else has changed it since.
 */
export function RecordStamp(props: {
  record: { code: string; name: string; createdAt: string; updatedAt: string };
  /** 登録日時 is shown only where the master's texts name it (得意先, 仕入先). */
  labels: { updatedAt: string; createdAt?: string };
  /** Extra facts for this master (取引条件 …), after the dates. */
  children?: ReactNode;
}) {
  const { record, labels } = props;
  return (
    <Group gap="lg" className="akinai-numeric">
      <span>
        {record.code}　{record.name}
      </span>
      {labels.createdAt !== undefined && (
        <span>
          {labels.createdAt} {formatJstDateTime(record.createdAt)}
        </span>
      )}
      <span>
        {labels.updatedAt} {formatJstDateTime(record.updatedAt)}
      </span>
      {props.children}
    </Group>
  );
}
