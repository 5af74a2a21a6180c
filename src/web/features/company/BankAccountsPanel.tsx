import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BankAccount } from '../../../server/modules/company/bank-account.schema';
import { bankAccountListQueryOptions, companyKeys, deleteBankAccount } from '../../api/company';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFlash } from '../../components/flash';
import { IconPlus } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { BankAccountDialog } from './BankAccountDialog';

/** 振込先: the accounts invoices print, default first, then by display order. */
export function BankAccountsPanel({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const b = t.company.bank;
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(bankAccountListQueryOptions);
  const [editing, setEditing] = useState<{ account: BankAccount | null } | null>(null);
  const [removing, setRemoving] = useState<BankAccount | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: companyKeys.bankAccounts });
  const nextSortOrder = Math.max(0, ...data.items.map((a) => a.sortOrder)) + 10;

  const remove = useMutation({
    mutationFn: (account: BankAccount) => deleteBankAccount(account.bankAccountId, account.version),
    onSuccess: async () => {
      await refresh();
      flash(b.removed);
      setRemoving(null);
    },
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          {b.lead}
        </Text>
        {canEdit && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ account: null })}
          >
            {b.create}
          </Button>
        )}
      </Group>
      {remove.error && <ErrorAlert error={remove.error} title={b.removeFailed} />}
      <DataTable
        label={b.table}
        minWidth={720}
        empty={data.items.length === 0 && b.empty}
        head={
          <>
            <Table.Th w={80} ta="right">
              {b.columns.sortOrder}
            </Table.Th>
            <Table.Th>{b.columns.bank}</Table.Th>
            <Table.Th w={180}>{b.columns.account}</Table.Th>
            <Table.Th>{b.columns.holder}</Table.Th>
            {canEdit && <Table.Th w={150} />}
          </>
        }
      >
        {data.items.map((account) => (
          <Table.Tr key={account.bankAccountId}>
            <Table.Td ta="right" className="akinai-numeric">
              {account.sortOrder}
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <span>
                  {account.bankName}　{account.branchName}
                </span>
                {account.isDefault && (
                  <Badge size="sm" variant="light">
                    {b.default}
                  </Badge>
                )}
              </Group>
              {(account.bankCode || account.branchCode) && (
                <Text size="xs" c="dimmed" className="akinai-numeric">
                  {[account.bankCode, account.branchCode].filter(Boolean).join('-')}
                </Text>
              )}
            </Table.Td>
            <Table.Td className="akinai-numeric">
              {b.accountTypes[account.accountType]}　{account.accountNumber}
            </Table.Td>
            <Table.Td>{account.accountHolder}</Table.Td>
            {canEdit && (
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing({ account })}>
                    {b.edit}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(account)}
                  >
                    {b.remove}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {editing && (
        <BankAccountDialog
          account={editing.account}
          nextSortOrder={nextSortOrder}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            await refresh();
            flash(b.saved);
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={b.removeTitle}
        body={
          removing
            ? b.removeBody(`${removing.bankName} ${removing.branchName} ${removing.accountNumber}`)
            : ''
        }
        confirmLabel={b.remove}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Stack>
  );
}
