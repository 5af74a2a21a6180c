import {
  Box,
  Button,
  Group,
  Input,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import type { PartnerType } from '../../../server/modules/partners/classifications/classification.schema';
import { PARTNER_COUNT_CAP } from '../../../server/modules/partners/shared/partner.schema';
import {
  PARTNER_LIST_PAGE_SIZE,
  type PartnerListParams,
  partnerOptionsQueryOptions,
} from '../../api/partners';
import { useCan } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconChevronLeft, IconChevronRight, IconPlus, IconSearch } from '../../components/icons';
import { ListEmptyState } from '../../components/ListEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import type { Messages } from '../../i18n/ja';
import { formatCount } from '../../lib/format';
import { ClassificationFilter } from '../classifications/ClassificationFilter';
import type { HelpSlug } from '../help/help-pages';
import { type ListPositionStore, type PartnerListSearch, searchKey } from './list-search';
import { PartnerBulkBar } from './PartnerBulkBar';
import { type PartnerRow, PartnerTable } from './PartnerTable';
import { usePartnerSelection } from './partner-selection';

const SEARCH_DEBOUNCE_MS = 300;

type PartnerListItem = Omit<PartnerRow, 'id'> & { customerId?: string; supplierId?: string };

type PartnerListData = {
  items: PartnerListItem[];
  nextCursor: string | null;
  total: { count: number; isCapped: boolean } | null;
};

interface PartnerListPageProps {
  /** Whose 分類 the filters and 一括分類設定 use. */
  partnerType: PartnerType;
  /** Check boxes and 一括分類設定 (the user may edit this master). */
  canBulkEdit: boolean;
  messages: Messages['customers'];
  help?: HelpSlug;
  search: PartnerListSearch;
  /** Writes the filters into the URL (replace, not push). */
  applySearch: (next: Partial<PartnerListSearch>) => void;
  listQueryOptions: (
    params: PartnerListParams,
    // biome-ignore lint/suspicious/noExplicitAny: each master's query key type differs
  ) => UseQueryOptions<any, Error, PartnerListData, any>;
  position: ListPositionStore;
  /** The id property of the list's items. */
  idKey: 'customerId' | 'supplierId';
  open: (id: string) => void;
  codeLink: (row: PartnerRow) => ReactNode;
  /** 新規登録, when the user may create. */
  createButton: ReactNode;
}

/**
 * The list screen of a partner master (得意先, 仕入先): search box, status, 担当者 and 部門
 * filters, 分類 filters, sort order, capped total and keyset paging with 前へ/次へ; with the
 * right to edit, check boxes and 一括分類設定 for the checked rows or 検索結果すべて.
 */
export function PartnerListPage(props: PartnerListPageProps) {
  const { messages: m, search, applySearch, position } = props;
  const t = useT();
  const can = useCan();
  const [language] = useLanguage();
  const key = searchKey(search);
  const options = useQuery(partnerOptionsQueryOptions);

  // Pages already passed in this search, so 前へ can go back without an offset.
  const [paging, setPaging] = useState(() => {
    const remembered = position.last();
    return {
      key,
      cursors: searchKey(remembered.search) === key ? remembered.cursors : [undefined],
    };
  });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const cursor = cursors.at(-1);

  useEffect(() => {
    position.remember({ search, cursors });
  }, [position, search, cursors]);

  const filters: Omit<PartnerListParams, 'cursor'> = {
    q: search.q ?? '',
    active: search.active ?? 'true',
    sort: search.sort ?? 'code',
    staff: search.staff,
    department: search.department,
    classifications: search.classifications,
  };
  const page = useQuery(props.listQueryOptions({ ...filters, cursor }));
  const firstPage = useQuery(props.listQueryOptions({ ...filters, cursor: undefined }));

  const selection = usePartnerSelection(key);

  const [draft, setDraft] = useState(search.q ?? '');
  const applyQuery = useDebouncedCallback(
    (value: string) => applySearch({ q: value.trim() || undefined }),
    SEARCH_DEBOUNCE_MS,
  );

  // Back/forward changes the URL under the input; follow it unless the user is mid-typing.
  useEffect(() => {
    const q = search.q ?? '';
    if (!applyQuery.isPending() && q !== draft.trim()) setDraft(q);
  }, [search.q, draft, applyQuery]);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter while an IME is composing confirms the conversion; it is not a search.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      applyQuery(event.currentTarget.value);
      applyQuery.flush();
    }
  }

  const items = page.data?.items ?? [];
  // 使用中 with nothing else chosen is how the list opens; anything more is the user's filter.
  const filtered = Boolean(
    search.q ||
      search.classifications ||
      search.staff ||
      search.department ||
      filters.active === 'false',
  );
  const total = firstPage.data?.total;
  const from = (cursors.length - 1) * PARTNER_LIST_PAGE_SIZE + 1;
  const anyone = { value: '', label: m.anyone };
  const staffOptions = [
    anyone,
    ...(options.data?.staff ?? []).map((u) => ({ value: u.userId, label: u.name })),
  ];
  const departmentOptions = [
    anyone,
    ...(options.data?.departments ?? []).map((d) => ({
      value: d.departmentId,
      label: `${d.code}　${d.name}`,
    })),
  ];
  const count = (value: number) => formatCount(value, language);

  return (
    <>
      <PageHeader
        help={props.help}
        title={m.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: m.listTitle }]}
        actions={props.createButton}
      />

      <Paper withBorder p="md" mb="md" style={{ borderColor: 'var(--akinai-panel-border)' }}>
        <Group align="flex-end" gap="lg" wrap="wrap">
          <TextInput
            type="search"
            label={m.searchLabel}
            placeholder={m.searchPlaceholder}
            leftSection={<IconSearch size={16} />}
            value={draft}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              applyQuery(event.currentTarget.value);
            }}
            onKeyDown={onSearchKeyDown}
            w={340}
          />
          <Stack gap={4}>
            <Input.Label id="partner-status-label" component="span">
              {m.statusLabel}
            </Input.Label>
            <SegmentedControl
              aria-labelledby="partner-status-label"
              value={filters.active}
              onChange={(value) =>
                applySearch({ active: value === 'true' ? undefined : (value as 'false' | 'all') })
              }
              data={(['true', 'false', 'all'] as const).map((value) => ({
                value,
                label: m.status[value],
              }))}
            />
          </Stack>
          <NativeSelect
            label={m.sortLabel}
            value={filters.sort}
            onChange={(event) =>
              applySearch({ sort: event.currentTarget.value === 'kana' ? 'kana' : undefined })
            }
            data={(['code', 'kana'] as const).map((value) => ({
              value,
              label: m.sort[value],
            }))}
            w={160}
          />
          <NativeSelect
            label={m.staffLabel}
            value={search.staff ?? ''}
            onChange={(event) => applySearch({ staff: event.currentTarget.value || undefined })}
            data={staffOptions}
            w={160}
          />
          <NativeSelect
            label={m.departmentLabel}
            value={search.department ?? ''}
            onChange={(event) =>
              applySearch({ department: event.currentTarget.value || undefined })
            }
            data={departmentOptions}
            w={180}
          />
          <ClassificationFilter
            partnerType={props.partnerType}
            value={search.classifications}
            onChange={(classifications) => applySearch({ classifications })}
          />
        </Group>
      </Paper>

      {page.isError ? (
        <ErrorAlert error={page.error} title={m.loadFailed} onRetry={() => page.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" mih={28}>
            <Group gap="md">
              {total && (
                <Text fw={700} className="akinai-numeric" data-testid="partner-total">
                  {total.isCapped
                    ? m.totalCapped(count(PARTNER_COUNT_CAP))
                    : m.total(count(total.count))}
                </Text>
              )}
              {items.length > 0 && (
                <Text size="sm" c="dimmed" className="akinai-numeric">
                  {m.range(count(from), count(from + items.length - 1))}
                </Text>
              )}
            </Group>
            {page.isFetching && <Loader size="xs" aria-label={t.common.loading} />}
          </Group>

          {props.canBulkEdit && (
            <PartnerBulkBar
              partnerType={props.partnerType}
              selection={selection}
              search={{
                q: filters.q || undefined,
                active: filters.active,
                staff: filters.staff,
                department: filters.department,
                classifications: filters.classifications,
              }}
              total={total && !total.isCapped ? total.count : null}
            />
          )}

          {page.isPending ? null : items.length === 0 ? (
            <ListEmptyState
              filtered={filtered}
              title={filtered ? m.emptyTitle : m.noneYetTitle}
              description={filtered ? m.emptySearch : m.emptyFirst}
              action={
                can(`${props.partnerType}s:create`) && (
                  <Button
                    component={Link}
                    to={props.partnerType === 'customer' ? '/customers/new' : '/suppliers/new'}
                    leftSection={<IconPlus size={16} />}
                  >
                    {m.createFirst}
                  </Button>
                )
              }
            />
          ) : (
            <PartnerTable
              rows={items.map((item) => ({ ...item, id: item[props.idKey] ?? '' }))}
              busy={page.isPlaceholderData}
              messages={m}
              open={props.open}
              codeLink={props.codeLink}
              selection={props.canBulkEdit ? selection : undefined}
            />
          )}

          <Box component="nav" aria-label={m.paging}>
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} />}
                disabled={cursors.length <= 1 || page.isFetching}
                onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}
              >
                {m.previous}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={16} />}
                disabled={!page.data?.nextCursor || page.isPlaceholderData}
                onClick={() =>
                  page.data?.nextCursor &&
                  setPaging({ key, cursors: [...cursors, page.data.nextCursor] })
                }
              >
                {m.next}
              </Button>
            </Group>
          </Box>
        </Stack>
      )}
    </>
  );
}
