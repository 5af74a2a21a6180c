import { Box, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel of a data-entry form (基本情報, 連絡先, …). */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      withBorder
      mb="md"
      aria-label={title}
      style={{ overflow: 'hidden', borderColor: 'var(--akinai-panel-border)' }}
    >
      <Box
        px="md"
        py={8}
        style={{ background: '#f3f5f8', borderBottom: '1px solid var(--akinai-panel-border)' }}
      >
        <Text component="h2" fw={700} fz="sm" m={0}>
          {title}
        </Text>
      </Box>
      <Box p="md">{children}</Box>
    </Paper>
  );
}
