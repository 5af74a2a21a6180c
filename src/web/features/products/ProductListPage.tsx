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
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { PRODUCT_COUNT_CAP } from '../../../server/modules/masters/products/product.schema';
import {
  PRODUCT_LIST_PAGE_SIZE,
  type ProductListParams,
  productListQueryOptions,
} from '../../api/products';
import { useCan } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconChevronLeft, IconChevronRight, IconPlus, IconSearch } from '../../components/icons';
import { ListEmptyState } from '../../components/ListEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { MasterIoButtons } from '../master-io/MasterIoButtons';
import {
  lastListPosition,
  type ProductListSearch,
  rememberListPosition,
  searchKey,
} from './list-search';
import { ProductTable } from './ProductTable';

const SEARCH_DEBOUNCE_MS = 300;

export function ProductListPage() {
  const t = useT();
  const [language] = useLanguage();
  const can = useCan();
  const navigate = useNavigate({ from: '/products/' });
  const search = useSearch({ from: '/_app/products/' });
  const key = searchKey(search);

  // Pages already passed in this search, so 前へ can go back without an offset.
  const [paging, setPaging] = useState(() => {
    const remembered = lastListPosition();
    return {
      key,
      cursors: searchKey(remembered.search) === key ? remembered.cursors : [undefined],
    };
  });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const cursor = cursors.at(-1);

  useEffect(() => {
    rememberListPosition({ search, cursors });
  }, [search, cursors]);

  const filters: Omit<ProductListParams, 'cursor'> = {
    q: search.q ?? '',
    active: search.active ?? 'true',
    sort: search.sort ?? 'code',
  };
  const page = useQuery(productListQueryOptions({ ...filters, cursor }));
  const firstPage = useQuery(productListQueryOptions({ ...filters, cursor: undefined }));

  const [draft, setDraft] = useState(search.q ?? '');
  const applySearch = (next: Partial<ProductListSearch>) =>
    navigate({ search: (current) => ({ ...current, ...next }), replace: true });
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
  const filtered = Boolean(search.q || filters.active === 'false');
  const total = firstPage.data?.total;
  const from = (cursors.length - 1) * PRODUCT_LIST_PAGE_SIZE + 1;
  const count = (value: number) => formatCount(value, language);
  const createButton = can('products:create') && (
    <Button component={Link} to="/products/new" leftSection={<IconPlus size={16} />}>
      {t.products.create}
    </Button>
  );

  return (
    <>
      <PageHeader
        help="products"
        title={t.products.listTitle}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.products.listTitle }]}
        actions={
          <MasterIoButtons
            targets={[
              {
                master: 'products',
                importTo: can('products:create') ? '/products/import' : undefined,
                canExport: can('products:export'),
                filters: { q: search.q, active: search.active },
              },
              {
                master: 'customer-prices',
                importTo: can('products:edit') ? '/products/prices-import' : undefined,
                canExport: can('products:export'),
              },
            ]}
          >
            {createButton}
          </MasterIoButtons>
        }
      />

      <Paper withBorder p="md" mb="md" style={{ borderColor: 'var(--akinai-panel-border)' }}>
        <Group align="flex-end" gap="lg" wrap="wrap">
          <TextInput
            type="search"
            label={t.products.searchLabel}
            placeholder={t.products.searchPlaceholder}
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
            <Input.Label id="product-status-label" component="span">
              {t.products.statusLabel}
            </Input.Label>
            <SegmentedControl
              aria-labelledby="product-status-label"
              value={filters.active}
              onChange={(value) =>
                applySearch({ active: value === 'true' ? undefined : (value as 'false' | 'all') })
              }
              data={(['true', 'false', 'all'] as const).map((value) => ({
                value,
                label: t.products.status[value],
              }))}
            />
          </Stack>
          <NativeSelect
            label={t.products.sortLabel}
            value={filters.sort}
            onChange={(event) =>
              applySearch({ sort: event.currentTarget.value === 'kana' ? 'kana' : undefined })
            }
            data={(['code', 'kana'] as const).map((value) => ({
              value,
              label: t.products.sort[value],
            }))}
            w={160}
          />
        </Group>
      </Paper>

      {page.isError ? (
        <ErrorAlert
          error={page.error}
          title={t.products.loadFailed}
          onRetry={() => page.refetch()}
        />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" mih={28}>
            <Group gap="md">
              {total && (
                <Text fw={700} className="akinai-numeric" data-testid="product-total">
                  {total.isCapped
                    ? t.products.totalCapped(count(PRODUCT_COUNT_CAP))
                    : t.products.total(count(total.count))}
                </Text>
              )}
              {items.length > 0 && (
                <Text size="sm" c="dimmed" className="akinai-numeric">
                  {t.products.range(count(from), count(from + items.length - 1))}
                </Text>
              )}
            </Group>
            {page.isFetching && <Loader size="xs" aria-label={t.common.loading} />}
          </Group>

          {page.isPending ? null : items.length === 0 ? (
            <ListEmptyState
              filtered={filtered}
              title={filtered ? t.products.emptyTitle : t.products.noneYetTitle}
              description={filtered ? t.products.emptySearch : t.products.emptyFirst}
              action={
                can('products:create') && (
                  <Button component={Link} to="/products/new" leftSection={<IconPlus size={16} />}>
                    {t.products.createFirst}
                  </Button>
                )
              }
            />
          ) : (
            <ProductTable products={items} busy={page.isPlaceholderData} />
          )}

          <Box component="nav" aria-label={t.products.paging}>
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} />}
                disabled={cursors.length <= 1 || page.isFetching}
                onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}
              >
                {t.products.previous}
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
                {t.products.next}
              </Button>
            </Group>
          </Box>
        </Stack>
      )}
    </>
  );
}
