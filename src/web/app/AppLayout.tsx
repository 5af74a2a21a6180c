import { Box, Button, Container, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { logout } from '../api/auth';
import { useMe } from '../auth/session';
import {
  IconBuilding,
  IconDevices,
  IconGrid,
  IconHelp,
  IconKey,
  IconLogout,
  IconShield,
  IconUser,
} from '../components/icons';
import { ContractEndedBanner } from '../features/data-export/ContractEndedBanner';
import { IncidentBanner } from '../features/incidents/IncidentBanner';
import { useT } from '../i18n/i18n';
import { BrandMark } from './BrandMark';
import { LanguageToggle } from './LanguageToggle';

const headerText = { color: 'rgba(255,255,255,0.92)' };

/** The frame of every signed-in screen: who and where on the left, navigation on the right. */
export function AppLayout() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async () => {
      await navigate({ to: '/login', search: { reason: 'signedOut' } });
      queryClient.clear();
    },
  });

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={52}
        px="md"
        style={{
          background: 'var(--akinai-header)',
          borderBottom: '1px solid var(--akinai-header-border)',
          position: 'sticky',
          top: 0,
          zIndex: 200,
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <UnstyledButton component={Link} to="/">
              <Group gap={8} wrap="nowrap">
                <BrandMark size={28} />
                <Text fw={700} style={{ ...headerText, whiteSpace: 'nowrap' }}>
                  {t.app.productName}
                </Text>
              </Group>
            </UnstyledButton>
            <Group gap={6} wrap="nowrap" visibleFrom="md">
              <IconBuilding size={16} style={{ color: 'rgba(255,255,255,0.6)' }} />
              <Text size="sm" style={headerText} data-testid="tenant-name">
                {me.tenant.name}
              </Text>
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              component={Link}
              to="/"
              variant="subtle"
              color="gray.0"
              leftSection={<IconGrid size={16} />}
            >
              {t.shell.mainMenu}
            </Button>
            <Button
              component="a"
              href="/help"
              target="_blank"
              rel="noopener"
              variant="subtle"
              color="gray.0"
              leftSection={<IconHelp size={16} />}
              visibleFrom="sm"
            >
              {t.help.open}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton title={t.shell.userMenu} px="xs">
                  <Group gap={6} wrap="nowrap">
                    <IconUser size={16} style={{ color: 'rgba(255,255,255,0.6)' }} />
                    <Text size="sm" style={headerText} data-testid="user-name">
                      {me.user.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.loginId}</Menu.Label>
                <Menu.Item component={Link} to="/password" leftSection={<IconKey size={16} />}>
                  {t.shell.changePassword}
                </Menu.Item>
                <Menu.Item component={Link} to="/api-tokens" leftSection={<IconShield size={16} />}>
                  {t.shell.apiTokens}
                </Menu.Item>
                <Menu.Item
                  component={Link}
                  to="/account/mfa"
                  leftSection={<IconShield size={16} />}
                >
                  {t.shell.twoStep}
                </Menu.Item>
                <Menu.Item
                  component={Link}
                  to="/account/sessions"
                  leftSection={<IconDevices size={16} />}
                >
                  {t.shell.sessions}
                </Menu.Item>
                <Menu.Item component={Link} to="/inquiries" leftSection={<IconHelp size={16} />}>
                  {t.inquiries.nav}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <LanguageToggle onDark />
            <Button
              variant="white"
              color="dark"
              leftSection={<IconLogout size={16} />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t.shell.logout}
            </Button>
          </Group>
        </Group>
      </Box>
      <ContractEndedBanner />
      <IncidentBanner />
      <Box component="main" style={{ flex: 1 }}>
        <Container size="xl" py="lg">
          <Outlet />
        </Container>
      </Box>
    </Box>
  );
}
