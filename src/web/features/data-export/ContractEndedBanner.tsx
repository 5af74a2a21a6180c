import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMe } from '../../auth/session';
import { IconAlert } from '../../components/icons';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatContractDate } from './contract-dates';

/**
 * On every signed-in screen once the contract has ended: when the data goes, and the way to
 * take it along (白書 §16). The server refuses writes meanwhile (403 tenant_read_only).
 */
export function ContractEndedBanner() {
  const t = useT();
  const [language] = useLanguage();
  const me = useMe();
  const contract = me.tenant.contract;
  if (!contract.readOnly || !contract.purgeAt) return null;
  return (
    <Alert
      color="red"
      variant="light"
      radius={0}
      px="md"
      py="sm"
      role="alert"
      icon={<IconAlert size={20} />}
      data-testid="contract-ended-banner"
      styles={{ root: { borderBottom: '1px solid var(--mantine-color-red-2)' } }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t.contract.endedBanner(formatContractDate(contract.purgeAt, language))}
          </Text>
          <Text size="xs">
            {t.contract.endedBannerReadOnly}
            {!me.user.isOrgAdmin && ` ${t.contract.askAdmin}`}
          </Text>
        </Stack>
        {me.user.isOrgAdmin && (
          <Anchor component={Link} to="/settings/data-export" size="sm" fw={700}>
            {t.contract.exportLink}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
