import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { helpLinksIn, parseHelpPage } from './help-markdown';
import { helpPageFiles, helpPages, helpSections, helpSourceOf } from './help-pages';

describe('help centre', () => {
  it('lists every page file in the table of contents exactly once', () => {
    const listed = helpSections.flatMap((section) => [...section.pages]);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(helpPageFiles().sort());
  });

  it('gives every page a Japanese title and a summary', () => {
    for (const page of helpPages.values()) {
      expect(page.title, page.slug).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(page.summary.length, page.slug).toBeGreaterThan(20);
      expect(page.summary, page.slug).not.toMatch(/\*\*|\]\(/);
      // The summary is the opening paragraph, not a list or a heading.
      expect(page.summary, page.slug).not.toMatch(/^(\d+\.|-|#|\|)/);
    }
  });

  it('has no dead links between pages', () => {
    const dead = helpPageFiles().flatMap((slug) =>
      helpLinksIn(helpSourceOf(slug) ?? '')
        .filter((target) => !helpPages.has(target))
        .map((target) => `${slug} → ${target}`),
    );
    expect(dead).toEqual([]);
  });

  // CommonMark does not close 「**回収予定（月）**と」 (a parenthesis before, a letter after), so
  // Japanese text easily leaves stray asterisks on the rendered page.
  it('renders every bold and code span, leaving no stray markers', () => {
    const stray = helpPageFiles().filter((slug) => {
      const html = renderToStaticMarkup(
        createElement(Markdown, { remarkPlugins: [remarkGfm] }, helpSourceOf(slug) ?? ''),
      ).replace(/<code>[^<]*<\/code>/g, '');
      return /\*\*|`/.test(html);
    });
    expect(stray).toEqual([]);
    const broken = renderToStaticMarkup(
      createElement(Markdown, { remarkPlugins: [remarkGfm] }, '**回収予定（月）**と'),
    );
    expect(broken).toContain('**');
  });

  it('refuses a page without a title line', () => {
    expect(() => parseHelpPage('本文だけ')).toThrow(/must start/);
    expect(parseHelpPage('# 題\n\n最初の **段落** と [リンク](/help/x)。\n\n次').summary).toBe(
      '最初の 段落 と リンク。',
    );
  });
});
