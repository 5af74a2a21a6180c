import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unreadAnnouncementsQueryOptions } from '../../api/announcements';
import { companyProfileQueryOptions } from '../../api/company';
import { useCan, useMe } from '../../auth/session';
import { IconBell, IconChevronRight, IconKey } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { type MenuEntry, type MenuGroup, menuColumns } from './menu-items';

export function MainMenuPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();

  const columns = menuColumns
    .map((groups) =>
      groups
        .map((group) => ({
          ...group,
          entries: group.entries.filter((entry) =>
            'fn' in entry ? can(`${entry.fn}:view`) : me.user.isOrgAdmin,
          ),
        }))
        .filter((group) => group.entries.length > 0),
    )
    .filter((groups) => groups.length > 0);

  return (
    <>
      <PageHeader help="getting-started" title={t.menu.heading} description={t.menu.lead} />
      <PasswordExpiryNotice />
      <TrialNotice />
      <GettingStartedNotice />
      <AccountPanel />
      {columns.length === 0 ? (
        <Paper withBorder p="xl">
          <Text>{t.menu.noFunctions}</Text>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="md">
          {columns.map((groups) => (
            <Stack key={groups[0]!.key} gap="md">
              {groups.map((group) => (
                <MenuGroupCard key={group.key} group={group} />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <AnnouncementsLink />
    </>
  );
}

/** At the bottom of the menu: お知らせ, with 「NEW!」 while this user has unread ones. */
function AnnouncementsLink() {
  const t = useT();
  const unread = useQuery(unreadAnnouncementsQueryOptions).data?.unread ?? 0;
  return (
    <Paper
      withBorder
      mt="md"
      radius="sm"
      component="nav"
      aria-label={t.announcements.title}
      style={{ borderColor: 'var(--akinai-panel-border)' }}
    >
      <UnstyledButton component={Link} to="/announcements" className="akinai-menu-entry">
        <Group gap="sm">
          <Box c="gray.7" style={{ display: 'flex' }}>
            <IconBell size={18} />
          </Box>
          <Text fw={600} fz="sm">
            {t.announcements.title}
          </Text>
          {unread > 0 && (
            <Badge color="red" size="sm" radius="sm" data-testid="announcements-new">
              NEW!
            </Badge>
          )}
        </Group>
        <Box c="gray.6" style={{ display: 'flex' }}>
          <IconChevronRight size={16} />
        </Box>
      </UnstyledButton>
    </Paper>
  );
}

function MenuGroupCard({ group }: { group: MenuGroup }) {
  const t = useT();
  const Icon = group.icon;
  const headingId = `menu-group-${group.key}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="sm"
      style={{ overflow: 'hidden', borderColor: 'var(--akinai-panel-border)' }}
    >
      <Group
        gap={8}
        px="md"
        py={10}
        style={{
          borderTop: `3px solid var(--mantine-color-${group.accent}-6)`,
          borderBottom: '1px solid var(--akinai-panel-border)',
          background: '#f8f9fb',
        }}
      >
        <Box c={`${group.accent}.7`} style={{ display: 'flex' }}>
          <Icon size={20} />
        </Box>
        <Text component="h2" id={headingId} fw={700} fz="md" m={0}>
          {t.menu.groups[group.key]}
        </Text>
      </Group>
      <Stack gap={6} p="sm">
        {group.entries.map((entry) => (
          <MenuEntryButton
            key={'fn' in entry ? (entry.screen ?? entry.fn) : entry.admin}
            entry={entry}
            accent={group.accent}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function MenuEntryButton({ entry, accent }: { entry: MenuEntry; accent: string }) {
  const t = useT();
  const label =
    'fn' in entry
      ? entry.screen
        ? t.menu.screens[entry.screen]
        : t.menu.functions[entry.fn]
      : t.menu.adminScreens[entry.admin];
  if (entry.to) {
    return (
      <UnstyledButton component={Link} to={entry.to} className="akinai-menu-entry">
        <Text fw={600} fz="sm" c={`${accent}.8`}>
          {label}
        </Text>
        <Box c={`${accent}.6`} style={{ display: 'flex' }}>
          <IconChevronRight size={16} />
        </Box>
      </UnstyledButton>
    );
  }
  return (
    <UnstyledButton disabled title={t.menu.comingSoonHint} className="akinai-menu-entry">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Badge size="xs" variant="outline" color="gray" radius="sm">
        {t.common.comingSoon}
      </Badge>
    </UnstyledButton>
  );
}

/**
 * A new organisation's admin lands here with every master empty; until 自社情報 is first saved,
 * point to it and to the startup guide so the order of set-up is not guessed.
 */
function GettingStartedNotice() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const profile = useQuery({
    ...companyProfileQueryOptions,
    enabled: me.user.isOrgAdmin && can('settings:edit'),
  });
  if (profile.data?.version !== 0) return null;
  const g = t.menu.gettingStarted;
  return (
    <Alert color="teal" variant="light" mb="md" role="note" data-testid="getting-started-notice">
      <Text size="sm" fw={600}>
        {g.title}
      </Text>
      <Text size="sm" mt={4}>
        {g.body}
      </Text>
      <Group gap="lg" mt="xs">
        <Anchor component={Link} to="/settings/company" size="sm" fw={600}>
          {g.company}
        </Anchor>
        <Anchor href="/help/getting-started" target="_blank" rel="noopener" size="sm" fw={600}>
          {g.guide}
        </Anchor>
      </Group>
    </Alert>
  );
}

/** 変更通知: inside the tenant's notice period, before the password expires. */
/** 組織管理者 see how long the free trial has left (白書 §2); others are not bothered with it. */
function TrialNotice() {
  const t = useT();
  const me = useMe();
  const days = me.tenant.trialDaysLeft;
  if (days === null || !me.user.isOrgAdmin) return null;
  return (
    <Alert
      color={days <= 7 ? 'orange' : 'blue'}
      variant="light"
      mb="md"
      role="status"
      data-testid="trial-notice"
    >
      <Text size="sm" fw={600}>
        {t.menu.trialNotice(days)}
      </Text>
      <Text size="xs" c="dimmed">
        {t.menu.trialNoticeHint}
      </Text>
    </Alert>
  );
}

function PasswordExpiryNotice() {
  const t = useT();
  const me = useMe();
  const days = me.user.passwordExpiresInDays;
  if (days === null) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      mb="md"
      role="status"
      icon={<IconKey size={18} />}
      data-testid="password-expiry-notice"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600}>
          {t.menu.passwordNotice(days)}
        </Text>
        <Anchor component={Link} to="/password" size="sm" fw={600}>
          {t.menu.passwordNoticeLink}
        </Anchor>
      </Group>
    </Alert>
  );
}

function AccountPanel() {
  const t = useT();
  const me = useMe();
  const items = [
    { label: t.menu.info.tenant, value: `${me.tenant.name}（${me.tenant.code}）` },
    { label: t.menu.info.user, value: `${me.user.name}（${me.user.loginId}）` },
    {
      label: t.menu.info.previousLogin,
      value: me.previousLogin
        ? `${formatJstDateTime(me.previousLogin.at)}（IP ${me.previousLogin.ip}）`
        : t.menu.info.firstLogin,
    },
    { label: t.menu.info.dataRegion, value: me.tenant.dataRegion },
  ];
  return (
    <Paper
      withBorder
      px="md"
      py="sm"
      mb="md"
      aria-label={t.menu.info.title}
      component="section"
      style={{ borderColor: 'var(--akinai-panel-border)' }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {items.map((item) => (
          <Box key={item.label}>
            <Text size="xs" c="dimmed">
              {item.label}
            </Text>
            <Text size="sm" fw={500} className="akinai-numeric">
              {item.value}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
