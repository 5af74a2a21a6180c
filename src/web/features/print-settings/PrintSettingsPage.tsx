import { Tabs } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { printSettingsQueryOptions } from '../../api/company';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PrintSettingsForm } from './PrintSettingsForm';

/** 環境設定 › 帳票設定: one tab per document type, each saved on its own. */
export function PrintSettingsPage() {
  const t = useT();
  const p = t.printSettings;
  const can = useCan();
  const query = useSuspenseQuery(printSettingsQueryOptions);
  const items = query.data.items;

  return (
    <>
      <PageHeader
        help="print-settings"
        title={p.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: p.title }]}
        description={p.lead}
      />
      <Tabs defaultValue="invoice" keepMounted={false}>
        <Tabs.List mb="md">
          {items.map((item) => (
            <Tabs.Tab key={item.documentType} value={item.documentType}>
              {p.documentTypes[item.documentType]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {items.map((item) => (
          <Tabs.Panel key={item.documentType} value={item.documentType}>
            <PrintSettingsForm
              key={item.version}
              settings={item}
              canEdit={can('settings:edit')}
              onReload={async () => {
                await query.refetch();
              }}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
