import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPagePreloads } from './page-preloads.ts';

const INDEX =
  '<!doctype html>\n<html>\n  <head>\n    <script type="module" crossorigin src="/assets/index-a.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/i18n-b.js">\n    <link rel="stylesheet" crossorigin href="/assets/index-c.css">\n  </head>\n  <body></body>\n</html>\n';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function webDir(preloads: unknown, assets: Record<string, string> = {}): string {
  dir = mkdtempSync(join(tmpdir(), 'trame-preloads-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  mkdirSync(join(dir, 'assets'));
  for (const [name, text] of Object.entries(assets)) writeFileSync(join(dir, 'assets', name), text);
  if (preloads !== undefined) writeFileSync(join(dir, 'preloads.json'), JSON.stringify(preloads));
  return dir;
}

describe('createPagePreloads', () => {
  it('adds the page’s chunks before </head> for its address only', () => {
    const html = createPagePreloads(
      webDir([{ pattern: '^/projets/[a-z0-9-]+/mur/?$', files: ['/assets/ProjectionPage-x.js', '/assets/style-y.js'] }]),
    );
    const page = html('/projets/prj-marche/mur')?.html;
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/ProjectionPage-x.js">');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/style-y.js">');
    expect(page!.indexOf('style-y.js')).toBeLessThan(page!.indexOf('</head>'));
    expect(page).toContain('<script type="module" crossorigin src="/assets/index-a.js"></script>');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/i18n-b.js">');
    expect(html('/projets/prj-marche')).toBeNull();
    expect(html('/')).toBeNull();
  });

  it('writes the page’s early script first in <head>, inline, with the hash that allows it, for its address only', () => {
    // `$&` and `$'` as a replacement string would expand them: written as they are.
    const early = '(()=>{fetch("/graphql");var a="$&$\'$$"})();';
    const html = createPagePreloads(
      webDir(
        [
          { pattern: '^/projets/[a-z0-9-]+/mur/?$', files: ['/assets/P.js'], script: '/assets/opening-z.js' },
          { pattern: '^/mur/?$', files: ['/assets/W.js'] },
        ],
        { 'opening-z.js': `${early}\n` },
      ),
    );
    const page = html('/projets/prj-marche/mur')!;
    expect(page.html).toContain(`<head>\n    <script>${early}</script>`);
    expect(page.html.indexOf(early)).toBeLessThan(page.html.indexOf('index-a.js'));
    expect(page.scriptSources).toEqual([`'sha256-${createHash('sha256').update(early).digest('base64')}'`]);
    // The script asks for the page's chunks and the entry's itself, after its read: the HTML
    // names none (the browser would ask for them first, before any script has run), only the
    // entry and the stylesheet.
    expect(page.html).not.toContain('/assets/P.js');
    expect(page.html).not.toContain('modulepreload');
    expect(page.html).toContain('<script type="module" crossorigin src="/assets/index-a.js"></script>');
    expect(page.html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-c.css">');
    expect(html('/mur')).toEqual({ html: expect.not.stringContaining('<script>'), scriptSources: [] });
  });

  it('names the early script by its address when its text cannot be written inline', () => {
    const entries = [{ pattern: '^/mur/?$', files: ['/assets/P.js'], script: '/assets/opening-z.js' }];
    // Text that would end the element early, or comment out the rest of the page.
    for (const text of ['a("</script><b>x")', 'a("<!--")']) {
      const page = createPagePreloads(webDir(entries, { 'opening-z.js': text }))('/mur')!;
      expect(page.html).toContain('<head>\n    <script async src="/assets/opening-z.js"></script>');
      expect(page.html).not.toContain('<b>x');
      expect(page.html).toContain('<link rel="modulepreload" crossorigin href="/assets/P.js">');
      // No inline script to ask for the entry's modules: index.html's links stay.
      expect(page.html).toContain('<link rel="modulepreload" crossorigin href="/assets/i18n-b.js">');
      expect(page.scriptSources).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    }
    // The file is missing (a half-copied build).
    expect(createPagePreloads(webDir(entries))('/mur')!.html).toContain('<script async src="/assets/opening-z.js">');
    const unsafe = createPagePreloads(webDir([{ pattern: '^/mur/?$', files: [], script: '"><b>x' }]));
    expect(unsafe('/mur')!.html).not.toContain('<b>x');
  });

  it('writes only /assets/ script paths into the page', () => {
    const html = createPagePreloads(
      webDir([{ pattern: '^/mur/?$', files: ['/assets/a.js', '"><script>x</script>', 'https://ailleurs.example/a.js'] }]),
    );
    const page = html('/mur')!.html;
    expect(page).toContain('href="/assets/a.js"');
    expect(page).not.toContain('<script>x');
    expect(page).not.toContain('ailleurs');
  });

  it('leaves index.html as it is when the build wrote no preloads.json', () => {
    expect(createPagePreloads(webDir(undefined))('/mur')).toBeNull();
  });

  it('reads a rebuilt web app again', () => {
    const html = createPagePreloads(webDir([{ pattern: '^/mur/?$', files: ['/assets/old.js'] }]));
    expect(html('/mur')!.html).toContain('old.js');
    writeFileSync(join(dir, 'preloads.json'), JSON.stringify([{ pattern: '^/mur/?$', files: ['/assets/new.js'] }]));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'preloads.json'), later, later);
    expect(html('/mur')!.html).toContain('new.js');
    expect(html('/mur')!.html).not.toContain('old.js');
  });
});
