import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.ts';

// The web build as the API serves it: the assets named by their content's hash are cached for
// good (a wall that reloads asks for none of its code again); the page itself is checked each time.

const webDir = mkdtempSync(join(tmpdir(), 'trame-static-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
writeFileSync(join(webDir, 'assets', 'index-B84XFToD.js'), 'console.log(1);');
writeFileSync(join(webDir, 'assets', 'opening-Yx75rvJm.js'), 'console.log(2);');
writeFileSync(join(webDir, 'assets', 'index-B84XFToD.js.map'), '{}');
writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *');

const t = useTestApp({ webDir });

describe('static files', () => {
  it('caches the hashed assets for a year, immutable; the page, other files and source maps are checked each time', async () => {
    for (const url of ['/assets/index-B84XFToD.js', '/assets/opening-Yx75rvJm.js']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/index.html', '/robots.txt', '/assets/index-B84XFToD.js.map']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(String(response.headers['cache-control']), url).not.toMatch(/immutable|max-age=[1-9]/);
    }
    const page = await t.app.inject({ method: 'GET', url: '/projets/prj-x', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(String(page.headers['cache-control'])).not.toMatch(/immutable|max-age=[1-9]/);
  });
});
