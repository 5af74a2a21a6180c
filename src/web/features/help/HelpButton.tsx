import { Button } from '@mantine/core';
import { IconHelp } from '../../components/icons';
import { useT } from '../../i18n/i18n';
import type { HelpSlug } from './help-pages';

/** Opens the help page that explains the current screen, in a new tab so no input is lost. */
export function HelpButton({ slug }: { slug: HelpSlug }) {
  const t = useT();
  return (
    <Button
      component="a"
      href={`/help/${slug}`}
      target="_blank"
      rel="noopener"
      variant="subtle"
      color="gray"
      leftSection={<IconHelp size={16} />}
      data-testid="help-button"
    >
      {t.help.open}
    </Button>
  );
}
