import { describe, expect, it } from 'vitest';
import { isSpaNavigation } from './web-app';

describe('SPA fallback', () => {
  it('serves index.html for client-side routes', () => {
    for (const url of ['/', '/menu', '/customers/0190d2a0-0000-7000-8000-000000000000?x=1']) {
      expect(isSpaNavigation('GET', url), url).toBe(true);
    }
  });

  it('never answers HTML for the API, assets or anything that looks like a file', () => {
    for (const url of [
      '/api',
      '/api/v1/nothing',
      '/assets/index-abc.js',
      '/favicon.ico',
      '/x/y.css',
    ]) {
      expect(isSpaNavigation('GET', url), url).toBe(false);
    }
    expect(isSpaNavigation('POST', '/menu')).toBe(false);
  });
});
