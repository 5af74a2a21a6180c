import { Tabs } from '@mantine/core';
import { useState } from 'react';
import type { PartnerType } from '../../../server/modules/partners/classifications/classification.schema';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { PartnerTypeClassifications } from './PartnerTypeClassifications';

/** 分類設定 (組織管理者): the axes and items of customers and of suppliers, one tab each. */
export function ClassificationSettingsPage() {
  const t = useT();
  const [tab, setTab] = useState<PartnerType>('customer');
  return (
    <>
      <PageHeader
        help="classifications"
        title={t.classifications.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.classifications.title }]}
        description={t.classifications.lead}
      />
      <Tabs
        value={tab}
        onChange={(value) => setTab(value === 'supplier' ? 'supplier' : 'customer')}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="customer">{t.classifications.tabs.customer}</Tabs.Tab>
          <Tabs.Tab value="supplier">{t.classifications.tabs.supplier}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="customer">
          <PartnerTypeClassifications partnerType="customer" />
        </Tabs.Panel>
        <Tabs.Panel value="supplier">
          <PartnerTypeClassifications partnerType="supplier" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
