import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useT } from '../../i18n/i18n';
import { useFlash } from '../flash';
import type { Crumb } from '../PageHeader';

type ListPath = NonNullable<Crumb['to']>;

interface MasterNavigation<T> {
  /** Where 戻る and every successful save or delete lead. */
  listPath: ListPath;
  listLabel: string;
  listKey: QueryKey;
  /** The cache key of one record, so the list → form → list round trip needs no refetch. */
  detailKey: (record: T) => QueryKey;
}

/**
 * What every master's new/edit pages share: back to the list, the breadcrumbs, and after a
 * save or delete — update the caches, show the notice, return to the list.
 */
export function useMasterNavigation<T>({
  listPath,
  listLabel,
  listKey,
  detailKey,
}: MasterNavigation<T>) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const backToList = () => navigate({ to: listPath });
  return {
    backToList,
    crumbs: (current: string): Crumb[] => [
      { label: t.shell.mainMenu, to: '/' },
      { label: listLabel, to: listPath },
      { label: current },
    ],
    afterChange: async (message: string, record?: T) => {
      if (record) queryClient.setQueryData(detailKey(record), record);
      await queryClient.invalidateQueries({ queryKey: listKey });
      flash(message);
      await backToList();
    },
  };
}
