import { Anchor, Typography } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Renders a help page. react-markdown builds React elements and ignores raw HTML, so the
 * text cannot inject markup; links inside the help centre stay client-side navigation.
 */
export function HelpMarkdown({ source }: { source: string }) {
  return (
    <Typography className="akinai-help">
      <Markdown remarkPlugins={[remarkGfm]} components={{ a: HelpAnchor }}>
        {source}
      </Markdown>
    </Typography>
  );
}

function HelpAnchor({ href = '', children }: ComponentProps<'a'>) {
  const helpSlug = /^\/help\/([a-z0-9-]+)$/.exec(href)?.[1];
  if (helpSlug) {
    return (
      <Anchor
        renderRoot={(props) => <Link to="/help/$slug" params={{ slug: helpSlug }} {...props} />}
      >
        {children}
      </Anchor>
    );
  }
  const external = /^https?:/.test(href);
  return (
    <Anchor href={href} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </Anchor>
  );
}
