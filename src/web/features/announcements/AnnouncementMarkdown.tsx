import { Anchor, Typography } from '@mantine/core';
import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Operator-written Markdown, shown to every tenant: react-markdown builds React elements and
 * drops raw HTML (no rehype-raw), and links open outside the app without an opener.
 */
export function AnnouncementMarkdown({ source }: { source: string }) {
  return (
    <Typography className="akinai-help">
      <Markdown remarkPlugins={[remarkGfm]} components={{ a: ExternalAnchor }}>
        {source}
      </Markdown>
    </Typography>
  );
}

function ExternalAnchor({ href = '', children }: ComponentProps<'a'>) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}
