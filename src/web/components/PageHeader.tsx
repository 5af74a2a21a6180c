import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { HelpButton } from '../features/help/HelpButton';
import type { HelpSlug } from '../features/help/help-pages';
import { useT } from '../i18n/i18n';

export interface Crumb {
  label: string;
  to?:
    | '/'
    | '/customers'
    | '/suppliers'
    | '/ops/tenants'
    | '/ops/inquiries'
    | '/inquiries'
    | '/departments'
    | '/projects'
    | '/products'
    | '/settings/users'
    | '/settings/permission-groups';
}

interface PageHeaderProps {
  title: string;
  crumbs?: Crumb[];
  description?: ReactNode;
  actions?: ReactNode;
  /** The help page that explains this screen. */
  help?: HelpSlug;
}

/** Title bar of a screen: where am I (breadcrumbs), what is it (title), what can I do (actions). */
export function PageHeader({ title, crumbs = [], description, actions, help }: PageHeaderProps) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="nowrap">
      <Stack gap={4}>
        {crumbs.length > 0 && (
          <Breadcrumbs aria-label={t.shell.breadcrumb} separatorMargin={6} fz="xs">
            {crumbs.map((crumb) =>
              crumb.to ? (
                <Anchor key={crumb.label} component={Link} to={crumb.to} size="xs">
                  {crumb.label}
                </Anchor>
              ) : (
                <Text key={crumb.label} size="xs" c="dimmed">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        )}
        <Title order={1} fz={22}>
          {title}
        </Title>
        {description && (
          <Text component="div" size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {(actions || help) && (
        <Group gap="sm" wrap="nowrap">
          {help && <HelpButton slug={help} />}
          {actions}
        </Group>
      )}
    </Group>
  );
}

export function useDocumentTitle(page: string) {
  const t = useT();
  useEffect(() => {
    document.title = t.app.documentTitle(page);
  }, [page, t]);
}
