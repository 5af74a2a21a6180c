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
  /**
   * The list's filters when the user left it, for lists that keep them in the URL (商品,
   * 得意先, 仕入先): 戻る returns to the same page instead of an unfiltered page 1.
   */
  listSearch?: () => object;
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
  listSearch,
}: MasterNavigation<T>) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  // The list routes each validate their own search; this hook only hands back what they gave.
  const backToList = () => navigate({ to: listPath, search: listSearch?.() as never });
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
