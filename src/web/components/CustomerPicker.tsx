import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomerList } from '../../server/modules/partners/customers/customer.schema';
import { apiRequest } from '../api/client';
import { useT } from '../i18n/i18n';

interface CustomerPickerProps {
  label: string;
  value: string | null;
  /** What the form already knows about the chosen customer, so it shows before any search. */
  selected: { code: string; name: string } | null;
  error?: string;
  onChange: (customerId: string | null, customer: { code: string; name: string } | null) => void;
}

/**
 * Chooses a 得意先 by code, name or kana among any number of customers: the server searches
 * (the same normalised search as the customer list) and returns the first 20 matches.
 */
export function CustomerPicker({ label, value, selected, error, onChange }: CustomerPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', 'picker', query],
    queryFn: ({ signal }) =>
      apiRequest<CustomerList>('GET', '/customers', { signal, query: { q: query, limit: 20 } }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map((customer) => ({
    value: customer.customerId,
    label: `${customer.code}　${customer.name}`,
  }));
  if (value && selected && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: `${selected.code}　${selected.name}` });
  }
  return (
    <Select
      label={label}
      placeholder={t.customerPicker.placeholder}
      searchable
      clearable
      data={options}
      value={value}
      error={error}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query ? t.customerPicker.nothingFound : t.customerPicker.typeToSearch}
      onChange={(customerId) => {
        const item = found.data?.items.find((customer) => customer.customerId === customerId);
        onChange(customerId, item ? { code: item.code, name: item.name } : selected);
      }}
    />
  );
}
