import { Button, Group, Menu } from '@mantine/core';
import { Link, type LinkProps } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { MasterKind } from '../../api/master-io';
import { IconDownload, IconUpload } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { ExportDialog } from './ExportDialog';

export interface MasterIoTarget {
  master: MasterKind;
  /** The import screen, when the user may import. */
  importTo?: LinkProps['to'];
  canExport: boolean;
  filters?: Record<string, string | undefined>;
}

/**
 * 「インポート」「エクスポート」 on a master list, before 新規登録. A list holding more than one
 * master (商品 and its 得意先別単価) offers each in a menu.
 */
export function MasterIoButtons({
  targets,
  children,
}: {
  targets: MasterIoTarget[];
  children?: ReactNode;
}) {
  const t = useT();
  const m = t.masterIo;
  const [exporting, setExporting] = useState<MasterIoTarget | null>(null);
  const importable = targets.filter((target) => target.importTo);
  const exportable = targets.filter((target) => target.canExport);
  const importIcon = <IconUpload size={16} />;
  const exportIcon = <IconDownload size={16} />;
  return (
    <Group gap="sm">
      {importable.length === 1 && (
        <Button
          variant="default"
          component={Link}
          to={importable[0]!.importTo}
          leftSection={importIcon}
        >
          {m.import}
        </Button>
      )}
      {importable.length > 1 && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={importIcon}>
              {m.import}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {importable.map((target) => (
              <Menu.Item key={target.master} component={Link} to={target.importTo}>
                {m.masters[target.master]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {exportable.length === 1 && (
        <Button
          variant="default"
          leftSection={exportIcon}
          onClick={() => setExporting(exportable[0]!)}
        >
          {m.export}
        </Button>
      )}
      {exportable.length > 1 && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={exportIcon}>
              {m.export}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {exportable.map((target) => (
              <Menu.Item key={target.master} onClick={() => setExporting(target)}>
                {m.masters[target.master]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {exporting && (
        <ExportDialog
          master={exporting.master}
          opened
          onClose={() => setExporting(null)}
          filters={exporting.filters ?? {}}
        />
      )}
      {children}
    </Group>
  );
}
