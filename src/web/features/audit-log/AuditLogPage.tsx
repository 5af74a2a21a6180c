import { Button, Group, Loader, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatJstSeconds } from '../../../domain/time/jst';
import type { AuditEntry } from '../../../server/modules/audit-log/audit-log.schema';
import { auditEvents } from '../../../server/platform/audit/audit-events';
import { auditLogQueryOptions } from '../../api/audit-log';
import { userListQueryOptions } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconSearch } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditExportPanel } from './AuditExportPanel';
import { type AuditFilterDraft, emptyAuditFilter, toAuditFilter } from './audit-filter';
import { actorText, targetText, targetTypeLabel } from './audit-text';

const targetTypes = ['user', 'permission_group', 'customer', 'session', 'tenant', 'audit_log'];

/** 操作ログ: who did what and when (JST), filtered, newest first, with CSV export. */
export function AuditLogPage() {
  const t = useT();
  const [language] = useLanguage();
  const texts = t.auditLog;
  const [draft, setDraft] = useState<AuditFilterDraft>(emptyAuditFilter);
  const [applied, setApplied] = useState<AuditFilterDraft>(emptyAuditFilter);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const filter = toAuditFilter(applied);
  const log = useInfiniteQuery(auditLogQueryOptions(filter));
  const users = useQuery(userListQueryOptions);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: keyof AuditFilterDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }

  return (
    <>
      <PageHeader
        help="audit-log"
        title={texts.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: texts.title }]}
        description={texts.lead}
      />

      <Paper
        component="form"
        onSubmit={submit}
        withBorder
        p="md"
        mb="md"
        aria-label={texts.filters.title}
        style={{ borderColor: 'var(--akinai-panel-border)' }}
      >
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={texts.filters.from}
            value={draft.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
            w={160}
          />
          <Text pb={8}>〜</Text>
          <TextInput
            type="date"
            label={texts.filters.to}
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => set('to')(e.currentTarget.value)}
            w={160}
          />
          <NativeSelect
            label={texts.filters.user}
            value={draft.actorUserId}
            onChange={(e) => set('actorUserId')(e.currentTarget.value)}
            w={200}
            data={[
              { value: '', label: texts.filters.anyUser },
              ...(users.data?.items ?? []).map((u) => ({
                value: u.userId,
                label: `${u.name}（${u.loginId}）`,
              })),
            ]}
          />
          <NativeSelect
            label={texts.filters.event}
            value={draft.event}
            onChange={(e) => set('event')(e.currentTarget.value)}
            w={230}
            data={[
              { value: '', label: texts.filters.anyEvent },
              ...Object.entries(auditEvents).map(([value, label]) => ({ value, label })),
            ]}
          />
          <NativeSelect
            label={texts.filters.targetType}
            value={draft.targetType}
            onChange={(e) => set('targetType')(e.currentTarget.value)}
            w={190}
            data={[
              { value: '', label: texts.filters.anyTarget },
              ...targetTypes.map((value) => ({ value, label: targetTypeLabel(value, t) })),
            ]}
          />
          <TextInput
            label={texts.filters.targetId}
            value={draft.targetId}
            onChange={(e) => set('targetId')(e.currentTarget.value)}
            w={200}
          />
          <Group gap="xs">
            <Button type="submit" leftSection={<IconSearch size={16} />}>
              {texts.filters.search}
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(emptyAuditFilter);
                setApplied(emptyAuditFilter);
              }}
            >
              {texts.filters.clear}
            </Button>
          </Group>
        </Group>
      </Paper>

      {log.error != null && (
        <ErrorAlert error={log.error} title={texts.loadFailed} onRetry={() => log.refetch()} />
      )}

      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={900}>
          <Table
            aria-label={texts.table}
            striped
            highlightOnHover
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            style={{ background: 'white' }}
          >
            <Table.Thead style={{ background: '#f3f5f8' }}>
              <Table.Tr>
                <Table.Th w={170}>{texts.columns.occurredAt}</Table.Th>
                <Table.Th w={200}>{texts.columns.actor}</Table.Th>
                <Table.Th w={220}>{texts.columns.event}</Table.Th>
                <Table.Th>{texts.columns.target}</Table.Th>
                <Table.Th w={140}>{texts.columns.ip}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={5} ta="center" py="lg">
                    <Loader size="sm" />
                  </Table.Td>
                </Table.Tr>
              )}
              {!log.isPending && entries.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" fz="sm" py="md" ta="center">
                      {texts.empty}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {entries.map((entry) => (
                <Table.Tr
                  key={entry.seq}
                  className="akinai-row"
                  tabIndex={0}
                  onClick={() => setSelected(entry)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') setSelected(entry);
                  }}
                >
                  <Table.Td className="akinai-numeric">
                    {formatJstSeconds(new Date(entry.occurredAt))}
                  </Table.Td>
                  <Table.Td>{actorText(entry, t)}</Table.Td>
                  <Table.Td>{entry.eventLabel}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{targetText(entry, t)}</Table.Td>
                  <Table.Td className="akinai-numeric">{entry.ip}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between" mt="sm">
        <Text fz="sm" c="dimmed">
          {texts.shown(formatCount(entries.length, language))}
        </Text>
        {log.hasNextPage ? (
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            onClick={() => log.fetchNextPage()}
          >
            {texts.loadMore}
          </Button>
        ) : (
          entries.length > 0 && (
            <Text fz="sm" c="dimmed">
              {texts.end}
            </Text>
          )
        )}
      </Group>

      <AuditExportPanel filter={filter} />
      <AuditEntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </>
  );
}
