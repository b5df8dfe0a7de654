import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPagePreloads } from './page-preloads.ts';

const INDEX =
  '<!doctype html>\n<html>\n  <head>\n    <script type="module" crossorigin src="/assets/index-a.js"></script>\n  </head>\n  <body></body>\n</html>\n';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function webDir(preloads: unknown): string {
  dir = mkdtempSync(join(tmpdir(), 'trame-preloads-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  if (preloads !== undefined) writeFileSync(join(dir, 'preloads.json'), JSON.stringify(preloads));
  return dir;
}

describe('createPagePreloads', () => {
  it('adds the page’s chunks before </head> for its address only', () => {
    const html = createPagePreloads(
      webDir([{ pattern: '^/projets/[a-z0-9-]+/mur/?$', files: ['/assets/ProjectionPage-x.js', '/assets/style-y.js'] }]),
    );
    const page = html('/projets/prj-marche/mur');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/ProjectionPage-x.js">');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/style-y.js">');
    expect(page!.indexOf('style-y.js')).toBeLessThan(page!.indexOf('</head>'));
    expect(page).toContain('<script type="module" crossorigin src="/assets/index-a.js"></script>');
    expect(html('/projets/prj-marche')).toBeNull();
    expect(html('/')).toBeNull();
  });

  it('names the page’s early script first in <head>, async, for its address only', () => {
    const html = createPagePreloads(
      webDir([
        { pattern: '^/projets/[a-z0-9-]+/mur/?$', files: ['/assets/P.js'], script: '/assets/opening-z.js' },
        { pattern: '^/mur/?$', files: ['/assets/W.js'] },
      ]),
    );
    const page = html('/projets/prj-marche/mur')!;
    expect(page).toContain('<head>\n    <script async src="/assets/opening-z.js"></script>');
    expect(page.indexOf('opening-z.js')).toBeLessThan(page.indexOf('index-a.js'));
    expect(html('/mur')).not.toContain('opening');
    const unsafe = createPagePreloads(webDir([{ pattern: '^/mur/?$', files: [], script: '"><b>x' }]));
    expect(unsafe('/mur')).not.toContain('<b>x');
  });

  it('writes only /assets/ script paths into the page', () => {
    const html = createPagePreloads(
      webDir([{ pattern: '^/mur/?$', files: ['/assets/a.js', '"><script>x</script>', 'https://ailleurs.example/a.js'] }]),
    );
    const page = html('/mur')!;
    expect(page).toContain('href="/assets/a.js"');
    expect(page).not.toContain('<script>x');
    expect(page).not.toContain('ailleurs');
  });

  it('leaves index.html as it is when the build wrote no preloads.json', () => {
    expect(createPagePreloads(webDir(undefined))('/mur')).toBeNull();
  });

  it('reads a rebuilt web app again', () => {
    const html = createPagePreloads(webDir([{ pattern: '^/mur/?$', files: ['/assets/old.js'] }]));
    expect(html('/mur')).toContain('old.js');
    writeFileSync(join(dir, 'preloads.json'), JSON.stringify([{ pattern: '^/mur/?$', files: ['/assets/new.js'] }]));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'preloads.json'), later, later);
    expect(html('/mur')).toContain('new.js');
    expect(html('/mur')).not.toContain('old.js');
  });
});
