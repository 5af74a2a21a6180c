import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest } from '../api/client';

export interface PickedPartner {
  code: string;
  name: string;
}

interface PartnerPickerProps {
  /** The list API to search: '/customers' or '/suppliers'. */
  path: '/customers' | '/suppliers';
  /** The id property of that list's items. */
  idKey: 'customerId' | 'supplierId';
  label: string;
  description?: string;
  value: string | null;
  /** What the form already knows about the chosen partner, so it shows before any search. */
  selected: PickedPartner | null;
  error?: string;
  /** A partner that may not be chosen (the record itself: empty already means itself). */
  exclude?: string;
  placeholder: string;
  typeToSearch: string;
  nothingFound: string;
  onChange: (id: string | null, partner: PickedPartner | null) => void;
}

type Found = { items: (PickedPartner & Record<string, unknown>)[] };

/**
 * Chooses a 得意先 or 仕入先 by code, name or kana among any number of them: the server
 * searches (the same normalised search as the list) and returns the first 20 matches.
 */
export function PartnerPicker(props: PartnerPickerProps) {
  const { path, idKey, value, selected, exclude, onChange } = props;
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [path.slice(1), 'picker', query],
    queryFn: ({ signal }) =>
      apiRequest<Found>('GET', path, { signal, query: { q: query, limit: 20 } }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = (found.data?.items ?? []).filter((item) => item[idKey] !== exclude);
  const options = items.map((item) => ({
    value: item[idKey] as string,
    label: `${item.code}　${item.name}`,
  }));
  if (value && selected && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: `${selected.code}　${selected.name}` });
  }
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      searchable
      clearable
      data={options}
      value={value}
      error={props.error}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query ? props.nothingFound : props.typeToSearch}
      onChange={(id) => {
        const item = items.find((candidate) => candidate[idKey] === id);
        onChange(id, item ? { code: item.code, name: item.name } : id ? selected : null);
      }}
    />
  );
}
