import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webRoot = fileURLToPath(new URL('../../../../dist/web', import.meta.url));

/**
 * Serves the built SPA. Any GET outside /api that matches no file gets index.html so that
 * client-side routes survive a reload; hashed assets are cached for a year.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string = webRoot,
): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Without this, send's own "max-age=0" overwrites the header set below.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}

/**
 * Client-side routes get index.html; a missing asset (an old page asking for a chunk of the
 * previous build) must get a real 404, not HTML the browser would try to run as a script.
 */
export function isSpaNavigation(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return (
    (method === 'GET' || method === 'HEAD') &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    !path.startsWith('/assets/') &&
    !lastSegment.includes('.')
  );
}
