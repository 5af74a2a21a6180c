import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useFlash } from '../../components/flash';
import { useT } from '../../i18n/i18n';
import type { ListPositionStore } from './list-search';

interface PartnerNavigationOptions<Saved> {
  listPath: '/customers' | '/suppliers';
  listTitle: string;
  keys: { all: readonly string[]; detail: (id: string) => readonly unknown[] };
  position: ListPositionStore;
  idOf: (saved: Saved) => string;
}

/**
 * Where a partner form goes: back to the list where the user left it (filters and page), after
 * saving or deleting with a flash message, and the breadcrumbs above it.
 */
export function usePartnerNavigation<Saved>(options: PartnerNavigationOptions<Saved>) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const { listPath, keys, position } = options;
  const returnToList = () => navigate({ to: listPath, search: position.last().search });
  return {
    returnToList,
    afterChange: async (message: string, saved?: Saved) => {
      if (saved) queryClient.setQueryData(keys.detail(options.idOf(saved)), saved);
      await queryClient.invalidateQueries({ queryKey: [...keys.all, 'list'] });
      flash(message);
      await returnToList();
    },
    crumbs: (title: string) => [
      { label: t.shell.mainMenu, to: '/' as const },
      { label: options.listTitle, to: listPath },
      { label: title },
    ],
  };
}
