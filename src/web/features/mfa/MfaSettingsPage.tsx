import { Box } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { MfaPolicySection } from './MfaPolicySection';

/** Admin page for the tenant's MFA requirement, until a shared system-settings page hosts it. */
export function MfaSettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t.mfaSettings.title}
        crumbs={[{ label: t.shell.mainMenu, to: '/' }, { label: t.mfaSettings.title }]}
      />
      <Box maw={720}>
        <MfaPolicySection />
      </Box>
    </>
  );
}
