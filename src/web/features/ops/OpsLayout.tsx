import { Box, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { operatorMeQueryOptions, opsLogout } from '../../api/ops';
import { BrandMark } from '../../app/BrandMark';
import { LanguageToggle } from '../../app/LanguageToggle';
import { IconLogout, IconShield } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { opsMenuItems } from './ops-menu';

const headerText = { color: 'rgba(255,255,255,0.92)' };

/** The operator console frame: its own dark header (never mistaken for a tenant) and a side menu. */
export function OpsLayout() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useQuery(operatorMeQueryOptions).data;
  const signOut = useMutation({
    mutationFn: opsLogout,
    onSettled: async () => {
      queryClient.removeQueries({ queryKey: ['ops'] });
      await navigate({ to: '/ops/login' });
    },
  });
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={52}
        px="md"
        style={{
          background: '#2b2d42',
          borderBottom: '3px solid #e8a33d',
          position: 'sticky',
          top: 0,
          zIndex: 200,
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <BrandMark size={28} />
            <Text fw={700} style={headerText}>
              {t.ops.consoleName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <IconShield size={16} style={{ color: 'rgba(255,255,255,0.6)' }} />
              <Text size="sm" style={headerText} data-testid="operator-name">
                {me ? `${me.name}（${me.loginId}）` : ''}
              </Text>
            </Group>
            <LanguageToggle />
            <Button
              variant="subtle"
              color="gray.0"
              leftSection={<IconLogout size={16} />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t.ops.signOut}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box style={{ display: 'flex', flex: 1 }}>
        <Stack
          component="nav"
          aria-label={t.ops.consoleName}
          gap={2}
          w={220}
          p="sm"
          style={{ borderRight: '1px solid var(--akinai-panel-border)', background: '#f7f8fa' }}
        >
          {opsMenuItems.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label(t)}
              active={location.pathname.startsWith(item.to)}
            />
          ))}
        </Stack>
        <Box component="main" p="lg" style={{ flex: 1, minWidth: 0 }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}
