import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from '../../app/BrandMark';
import { LanguageToggle } from '../../app/LanguageToggle';
import { useT } from '../../i18n/i18n';

/**
 * The frame of the screens before sign-in (login, password reset): the brand panel on wide
 * screens and one card with a heading and lead text.
 */
export function AuthScreen({
  heading,
  lead,
  children,
}: {
  heading: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Box mih="100vh" style={{ display: 'flex' }}>
      <Box
        visibleFrom="md"
        w="42%"
        p={48}
        style={{
          background: 'linear-gradient(160deg, #13243d 0%, #1b3a66 60%, #1e57ae 100%)',
          color: 'white',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <Group gap={10}>
          <BrandMark size={36} />
          <Text fw={700} fz={20}>
            {t.app.productName}
          </Text>
        </Group>
        <Stack gap="xs" maw={420}>
          <Text fz={26} fw={700} lh={1.5} style={{ fontFeatureSettings: '"palt"' }}>
            {t.login.brandLead}
          </Text>
          <Text fz="sm" style={{ opacity: 0.8 }}>
            {t.login.brandSub}
          </Text>
        </Stack>
        <Text fz="xs" style={{ opacity: 0.6 }}>
          {t.app.copyright}
        </Text>
      </Box>

      <Center style={{ flex: 1 }} p="md" pos="relative">
        <Box pos="absolute" top={16} right={16}>
          <LanguageToggle />
        </Box>
        <Paper withBorder shadow="sm" p={36} w="100%" maw={420} radius="md">
          <Stack gap="md">
            <Stack gap={4}>
              <Group gap={8} hiddenFrom="md" mb="xs">
                <BrandMark size={28} />
                <Text fw={700}>{t.app.productName}</Text>
              </Group>
              <Title order={1} fz={22}>
                {heading}
              </Title>
              {lead && (
                <Text size="sm" c="dimmed">
                  {lead}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
