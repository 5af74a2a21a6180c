import { type ParsedHelpPage, parseHelpPage } from './help-markdown';

const sources = import.meta.glob<string>('./pages/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The help centre's table of contents; a page file not listed here is a test failure. */
export const helpSections = [
  { key: 'start', pages: ['getting-started', 'signup', 'login'] },
  {
    key: 'account',
    pages: ['password-change', 'password-reset', 'mfa', 'sessions', 'api-tokens'],
  },
  {
    key: 'admin',
    pages: [
      'users',
      'org-admin',
      'initial-password',
      'permission-groups',
      'system-settings',
      'company',
      'print-settings',
      'entry-checks',
      'data-export',
      'audit-log',
    ],
  },
  {
    key: 'masters',
    pages: [
      'customers',
      'suppliers',
      'products',
      'master-import',
      'classifications',
      'departments',
      'projects',
      'tax-rates',
      'units',
    ],
  },
] as const;

export type HelpSectionKey = (typeof helpSections)[number]['key'];
export type HelpSlug = (typeof helpSections)[number]['pages'][number];

export interface HelpPage extends ParsedHelpPage {
  slug: HelpSlug;
  section: HelpSectionKey;
}

export const helpPages: ReadonlyMap<string, HelpPage> = new Map(
  helpSections.flatMap((section) =>
    section.pages.map((slug): [string, HelpPage] => {
      const source = sources[`./pages/${slug}.md`];
      if (source === undefined) throw new Error(`Help page ${slug}.md is missing`);
      return [slug, { slug, section: section.key, ...parseHelpPage(source) }];
    }),
  ),
);

export function helpPageFiles(): string[] {
  return Object.keys(sources).map((path) => path.replace(/^\.\/pages\/(.*)\.md$/, '$1'));
}

export function helpSourceOf(slug: string): string | undefined {
  return sources[`./pages/${slug}.md`];
}
