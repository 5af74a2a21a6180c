import { SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { companyProfileQueryOptions } from '../../api/company';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { BankAccountsPanel } from './BankAccountsPanel';
import { CompanyProfileForm } from './CompanyProfileForm';
import { ImageSlot } from './ImageSlot';

/** 環境設定 › 自社情報: the issuer printed on every document, in three tabs saved separately. */
export function CompanyProfilePage() {
  const t = useT();
  const c = t.company;
  const can = useCan();
  const canEdit = can('settings:edit');
  const profile = useSuspenseQuery(companyProfileQueryOptions);
  const { data } = profile;

  return (
    <>
      <PageHeader
        help="company"
        title={c.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: c.title }]}
        description={
          <span>
            {c.lead}
            <Text span ml="lg" size="sm" className="akinai-numeric">
              {data.updatedAt ? c.updatedAt(formatJstDateTime(data.updatedAt)) : c.neverSaved}
            </Text>
          </span>
        }
      />
      <Tabs defaultValue="profile" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="profile">{c.tabs.profile}</Tabs.Tab>
          <Tabs.Tab value="images">{c.tabs.images}</Tabs.Tab>
          <Tabs.Tab value="bankAccounts">{c.tabs.bankAccounts}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile">
          <CompanyProfileForm
            key={data.version}
            profile={data}
            canEdit={canEdit}
            onReload={async () => (await profile.refetch()).data}
          />
        </Tabs.Panel>
        <Tabs.Panel value="images">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {c.images.lead}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <ImageSlot
                kind="logo"
                info={data.images.logo}
                hint={c.images.logoHint}
                canEdit={canEdit}
              />
              <ImageSlot
                kind="seal"
                info={data.images.seal}
                hint={c.images.sealHint}
                canEdit={canEdit}
              />
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="bankAccounts">
          <BankAccountsPanel canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
