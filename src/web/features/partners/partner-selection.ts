import { useState } from 'react';

/**
 * The list's checked partners for bulk edits. It belongs to one search: changing the
 * filters starts a new, empty selection. `allResults` means every partner the search
 * matches (検索結果すべて), not just the rows on screen.
 */
export function usePartnerSelection(searchKey: string) {
  const [state, setState] = useState({ key: searchKey, ids: new Set<string>(), allResults: false });
  const current =
    state.key === searchKey ? state : { key: searchKey, ids: new Set<string>(), allResults: false };

  return {
    ids: current.ids,
    allResults: current.allResults,
    isSelected: (id: string) => current.allResults || current.ids.has(id),
    toggle(id: string) {
      const ids = new Set(current.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      setState({ key: searchKey, ids, allResults: false });
    },
    togglePage(pageIds: string[]) {
      const allOn = pageIds.every((id) => current.ids.has(id));
      const ids = new Set(current.ids);
      for (const id of pageIds) {
        if (allOn) ids.delete(id);
        else ids.add(id);
      }
      setState({ key: searchKey, ids, allResults: false });
    },
    selectAllResults: () => setState({ key: searchKey, ids: current.ids, allResults: true }),
    clear: () => setState({ key: searchKey, ids: new Set(), allResults: false }),
  };
}

export type PartnerSelection = ReturnType<typeof usePartnerSelection>;
