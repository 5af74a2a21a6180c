import { Box, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { IconArrowLeft } from '../icons';

interface FormActionBarProps {
  onBack: () => void;
  saving: boolean;
  /** Read-only forms keep 戻る and hide 保存. */
  readOnly?: boolean;
  /** Extra buttons next to 戻る (無効化, 削除, 再発行 …). */
  actions?: ReactNode;
}

/** The bar pinned to the bottom of every edit screen: back on the left, save on the right. */
export function FormActionBar({ onBack, saving, readOnly = false, actions }: FormActionBarProps) {
  const t = useT();
  return (
    <Box
      pos="sticky"
      bottom={0}
      py="sm"
      px="md"
      mx={-16}
      style={{
        background: 'rgba(238, 241, 245, 0.94)',
        borderTop: '1px solid var(--akinai-panel-border)',
        backdropFilter: 'blur(4px)',
        zIndex: 100,
      }}
    >
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t.common.back}
          </Button>
          {actions}
        </Group>
        {!readOnly && (
          <Button type="submit" loading={saving} miw={120}>
            {t.common.save}
          </Button>
        )}
      </Group>
    </Box>
  );
}
