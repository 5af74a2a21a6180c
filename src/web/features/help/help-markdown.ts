/** A help page as written: `# title`, a first paragraph that doubles as the summary, the body. */
export interface ParsedHelpPage {
  title: string;
  summary: string;
  body: string;
}

export function parseHelpPage(markdown: string): ParsedHelpPage {
  const [firstLine = '', ...rest] = markdown.replace(/\r\n/g, '\n').split('\n');
  if (!firstLine.startsWith('# ')) throw new Error('A help page must start with "# title"');
  const body = rest.join('\n').trim();
  const summary =
    body
      .split(/\n\s*\n/, 1)[0]
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  return { title: firstLine.slice(2).trim(), summary: stripInlineMarkdown(summary), body };
}

/** The summary is shown as plain text in the index, so emphasis and links become their text. */
function stripInlineMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

/** Every `/help/<slug>` a page links to, so a test can prove no link is dead. */
export function helpLinksIn(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(\/help\/([a-z0-9-]+)\)/g)].map((match) => match[1] ?? '');
}
