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

  it('refuses a page without a title line', () => {
    expect(() => parseHelpPage('本文だけ')).toThrow(/must start/);
    expect(parseHelpPage('# 題\n\n最初の **段落** と [リンク](/help/x)。\n\n次').summary).toBe(
      '最初の 段落 と リンク。',
    );
  });
});
