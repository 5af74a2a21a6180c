import type { z } from 'zod';

/** The first message per top-level field, the shape forms show under their inputs. */
export function issuesByField(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    result[key] ??= issue.message;
  }
  return result;
}
