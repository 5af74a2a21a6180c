import { Alert, Anchor, Card, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, notFound, useParams } from '@tanstack/react-router';
import { useDocumentTitle } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { HelpMarkdown } from './HelpMarkdown';
import { helpPages, helpSections } from './help-pages';

/** Help pages are written in Japanese; other languages get the same page with a note. */
function JapaneseOnlyNote() {
  const t = useT();
  const [language] = useLanguage();
  if (language === 'ja') return null;
  return (
    <Alert color="blue" variant="light" mb="md">
      {t.help.japaneseOnly}
    </Alert>
  );
}

export function HelpIndexPage() {
  const t = useT();
  useDocumentTitle(t.help.title);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={24}>
          {t.help.title}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t.help.lead}
        </Text>
      </div>
      <JapaneseOnlyNote />
      {helpSections.map((section) => (
        <div key={section.key}>
          <Title order={2} fz={17} mb="sm">
            {t.help.sections[section.key]}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {section.pages.map((slug) => {
              const page = helpPages.get(slug);
              return (
                <Card key={slug} withBorder padding="md" radius="md">
                  <Anchor
                    fw={600}
                    renderRoot={(props) => <Link to="/help/$slug" params={{ slug }} {...props} />}
                  >
                    {page?.title}
                  </Anchor>
                  <Text size="sm" c="dimmed" mt={4} lineClamp={2}>
                    {page?.summary}
                  </Text>
                </Card>
              );
            })}
          </SimpleGrid>
        </div>
      ))}
    </Stack>
  );
}

export function HelpArticlePage() {
  const { slug } = useParams({ from: '/help/$slug' });
  const page = helpPages.get(slug);
  if (!page) throw notFound();
  return <HelpArticle title={page.title} body={page.body} />;
}

function HelpArticle({ title, body }: { title: string; body: string }) {
  useDocumentTitle(title);
  return (
    <Paper withBorder radius="md" p="xl" component="article" maw={860}>
      <JapaneseOnlyNote />
      <Title order={1} fz={24} mb="md">
        {title}
      </Title>
      <HelpMarkdown source={body} />
    </Paper>
  );
}
