import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  type EntryCheckMode,
  type EntryCheckSettings,
  entryCheckModes,
  entryCheckRules,
} from '../../../domain/documents/entry-checks';
import { entryChecksQueryOptions, updateEntryChecks } from '../../api/company';
import { useCan } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { useFlash } from '../../components/flash';
import { FormActionBar } from '../../components/form/FormActionBar';
import { useFormErrors } from '../../components/form/useFormErrors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';

const modeColors: Record<EntryCheckMode, string> = { warn: 'orange', block: 'red', allow: 'gray' };
const isRule = (path: string): path is keyof EntryCheckSettings =>
  (entryCheckRules as readonly string[]).includes(path);

/** 環境設定 › 伝票入力チェック: warn / block / allow for each missing item. */
export function EntryChecksPage() {
  const t = useT();
  const e = t.entryChecks;
  const can = useCan();
  const canEdit = can('settings:edit');
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useSuspenseQuery(entryChecksQueryOptions);
  const { data } = query;
  const pick = (from: EntryCheckSettings): EntryCheckSettings => ({
    project: from.project,
    quantity: from.quantity,
    unitPrice: from.unitPrice,
    cost: from.cost,
  });
  const [values, setValues] = useState(() => pick(data));
  const form = useFormErrors(isRule);
  const save = useMutation({
    mutationFn: updateEntryChecks,
    onSuccess: (saved) => {
      queryClient.setQueryData(entryChecksQueryOptions.queryKey, saved);
      setValues(pick(saved));
      flash(e.saved);
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    await form.save(() => save.mutateAsync({ ...values, version: data.version }));
  }

  return (
    <>
      <PageHeader
        help="entry-checks"
        title={e.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: e.title }]}
        description={e.lead}
      />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={save.error}
          otherErrors={form.otherErrors}
          onReload={async () => {
            const fresh = await query.refetch();
            if (fresh.data) setValues(pick(fresh.data));
            save.reset();
          }}
          labels={t.common.form}
        />
        <Stack gap="sm" mb="md">
          <DataTable
            label={e.table}
            minWidth={760}
            highlightOnHover={false}
            head={
              <>
                <Table.Th w={220}>{e.columns.rule}</Table.Th>
                <Table.Th w={330}>{e.columns.mode}</Table.Th>
                <Table.Th>{e.columns.meaning}</Table.Th>
              </>
            }
          >
            {entryCheckRules.map((rule) => (
              <Table.Tr key={rule}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {e.rules[rule]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.ruleHints[rule]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    aria-label={e.rules[rule]}
                    size="xs"
                    fullWidth
                    disabled={!canEdit || save.isPending}
                    color={modeColors[values[rule]]}
                    value={values[rule]}
                    onChange={(value) => {
                      setValues((current) => ({ ...current, [rule]: value as EntryCheckMode }));
                      form.clearField(rule);
                    }}
                    data={entryCheckModes.map((mode) => ({ value: mode, label: e.modes[mode] }))}
                  />
                  {form.errors[rule] && (
                    <Text size="xs" c="red.7">
                      {form.errors[rule]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.meanings[values[rule]]}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Text size="xs" c="dimmed">
            {e.zeroNote}
          </Text>
        </Stack>
        <FormActionBar
          onBack={() => navigate({ to: '/' })}
          saving={save.isPending}
          readOnly={!canEdit}
        />
      </form>
    </>
  );
}
