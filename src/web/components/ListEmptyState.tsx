import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconPlus, IconSearch } from './icons';

interface ListEmptyStateProps {
  /**
   * Nothing matched the search or filters (the user should change them), as opposed to
   * nothing being registered yet (the user should register the first record).
   */
  filtered: boolean;
  title: string;
  description: ReactNode;
  /** The screen's primary action (新規登録), offered only when nothing is registered yet. */
  action?: ReactNode;
}

/**
 * What a searchable list shows instead of its table when it has no rows. A brand-new
 * organisation sees every master empty, so "nothing yet" must read differently from "no match"
 * and lead to the first registration.
 */
export function ListEmptyState({ filtered, title, description, action }: ListEmptyStateProps) {
  return (
    <Paper withBorder py={48} data-testid="list-empty-state">
      <EmptyState
        icon={filtered ? <IconSearch size={28} /> : <IconPlus size={28} />}
        withIndicatorBackground
        title={title}
        description={description}
      >
        {!filtered && action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
