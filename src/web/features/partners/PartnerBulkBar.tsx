import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { PartnerType } from '../../../server/modules/partners/classifications/classification.schema';
import type { PartnerSearchInput } from '../../../server/modules/partners/shared/partner.schema';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { BulkClassifyDialog } from './BulkClassifyDialog';
import type { PartnerSelection } from './partner-selection';

/** Shown while partners are checked: how many, 検索結果すべて, and the bulk actions. */
export function PartnerBulkBar(props: {
  partnerType: PartnerType;
  selection: PartnerSelection;
  search: PartnerSearchInput;
  /** The search's total, when known and not capped. */
  total: number | null;
}) {
  const { selection, total } = props;
  const t = useT();
  const [language] = useLanguage();
  const [open, setOpen] = useState(false);
  if (selection.ids.size === 0 && !selection.allResults) return null;
  const count = (value: number) => formatCount(value, language);
  const selected = selection.allResults ? (total ?? 0) : selection.ids.size;

  return (
    <Paper
      withBorder
      px="md"
      py={8}
      bg="var(--mantine-color-blue-0)"
      data-testid="partner-bulk-bar"
    >
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" fw={700}>
            {selection.allResults
              ? t.classifications.allResultsSelected(count(selected))
              : t.classifications.selectedCount(count(selected))}
          </Text>
          {!selection.allResults && total !== null && total > selection.ids.size && (
            <Button size="xs" variant="subtle" onClick={selection.selectAllResults}>
              {t.classifications.selectAllResults(count(total))}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={selection.clear}>
            {t.classifications.clearSelection}
          </Button>
          <Button size="xs" onClick={() => setOpen(true)}>
            {t.classifications.bulkOpen}
          </Button>
        </Group>
      </Group>
      {open && (
        <BulkClassifyDialog
          partnerType={props.partnerType}
          target={
            selection.allResults
              ? { kind: 'search', search: props.search }
              : { kind: 'selected', partnerIds: [...selection.ids] }
          }
          count={selected}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            selection.clear();
          }}
        />
      )}
    </Paper>
  );
}
