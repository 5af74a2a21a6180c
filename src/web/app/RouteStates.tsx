import { Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/i18n';

export function RoutePending() {
  const t = useT();
  return (
    <Center py={80}>
      <Loader size="md" aria-label={t.common.loading} />
    </Center>
  );
}

export function RouteErrorView({ error, reset }: ErrorComponentProps) {
  const t = useT();
  return (
    <Center py={60} px="md">
      <Paper withBorder p="xl" maw={560} w="100%">
        <Stack>
          <Title order={2} fz="lg">
            {t.common.unexpectedError}
          </Title>
          <ErrorAlert error={error} onRetry={reset} />
          <Button component={Link} to="/" variant="default" w="fit-content">
            {t.common.toMainMenu}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

export function NotFoundView() {
  const t = useT();
  return (
    <Center py={80} px="md">
      <Paper withBorder p="xl" maw={480} w="100%">
        <Stack>
          <Title order={1} fz="lg">
            {t.common.notFoundTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {t.common.notFoundBody}
          </Text>
          <Button component={Link} to="/" w="fit-content">
            {t.common.toMainMenu}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
