import { Box, Button, Container, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { BrandMark } from '../../app/BrandMark';
import { LanguageToggle } from '../../app/LanguageToggle';
import { IconArrowLeft } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import { helpPages, helpSections } from './help-pages';

/** The help centre frame: readable without signing in, so the login page can link to it. */
export function HelpLayout() {
  const t = useT();
  const { slug } = useParams({ strict: false });
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={52}
        px="md"
        style={{
          background: 'var(--akinai-header)',
          borderBottom: '1px solid var(--akinai-header-border)',
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap">
          <UnstyledButton component={Link} to="/help">
            <Group gap={8} wrap="nowrap">
              <BrandMark size={28} />
              <Text fw={700} c="white">
                {t.help.title}
              </Text>
            </Group>
          </UnstyledButton>
          <Group gap="sm" wrap="nowrap">
            <LanguageToggle onDark />
            <Button
              component={Link}
              to="/"
              variant="white"
              color="dark"
              leftSection={<IconArrowLeft size={16} />}
            >
              {t.help.backToApp}
            </Button>
          </Group>
        </Group>
      </Box>
      <Container size="xl" py="lg" w="100%">
        <Group align="flex-start" gap="xl" wrap="nowrap">
          <Box component="nav" w={250} style={{ flexShrink: 0 }} aria-label={t.help.contents}>
            <Stack gap="md">
              {helpSections.map((section) => (
                <Box key={section.key}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                    {t.help.sections[section.key]}
                  </Text>
                  {section.pages.map((pageSlug) => (
                    <NavLink
                      key={pageSlug}
                      renderRoot={(props) => (
                        <Link to="/help/$slug" params={{ slug: pageSlug }} {...props} />
                      )}
                      label={helpPages.get(pageSlug)?.title}
                      active={pageSlug === slug}
                      py={4}
                    />
                  ))}
                </Box>
              ))}
            </Stack>
          </Box>
          <Box component="main" style={{ flex: 1, minWidth: 0 }}>
            <Outlet />
          </Box>
        </Group>
      </Container>
    </Box>
  );
}
