import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One line of web/dist/preloads.json (written by web/preloadsPlugin.ts at build time). */
interface PagePreload {
  pattern: string;
  files: string[];
  /** The page's early script (web/src/api/openingEarly.ts), run first. */
  script?: string;
}

interface Loaded {
  /** mtimes of index.html and preloads.json when read: a rebuilt web app is read again. */
  stamp: string;
  html: string;
  pages: { pattern: RegExp; links: string; script: string }[];
}

const ASSET = /^\/assets\/[A-Za-z0-9._-]+\.js$/;

/**
 * The single page's HTML for a map page's address (`/projets/<id>/mur`, `/mur`, `/projets/<id>`),
 * with `<link rel="modulepreload">` for that page's chunks before `</head>`: the browser fetches
 * them with the app's own instead of once the app has run (issue 14, the wall's first frame) —
 * and, for a page with one, its early script first in <head> (`<script async>`: the projection's
 * first read leaves before the app's code has loaded, web/src/api/openingEarly.ts).
 * Returns null — send index.html as it is — for any other address, or when the build wrote no
 * web/dist/preloads.json (an older build). Files are read again when either changes on disk.
 * Only `/assets/<name>.js` paths are written into the page.
 */
export function createPagePreloads(webDir: string): (pathname: string) => string | null {
  let loaded: Loaded | null = null;
  const load = (): Loaded | null => {
    const indexPath = join(webDir, 'index.html');
    const preloadsPath = join(webDir, 'preloads.json');
    let stamp: string;
    try {
      stamp = `${statSync(indexPath).mtimeMs}:${statSync(preloadsPath).mtimeMs}`;
    } catch {
      return null;
    }
    if (loaded?.stamp === stamp) return loaded;
    const html = readFileSync(indexPath, 'utf8');
    const preloads = JSON.parse(readFileSync(preloadsPath, 'utf8')) as PagePreload[];
    loaded = {
      stamp,
      html,
      pages: preloads.map(({ pattern, files, script }) => ({
        pattern: new RegExp(pattern),
        // First in <head>, `async`: fetched at once and run as soon as it is there (it reads nothing of the page).
        script: script && ASSET.test(script) ? `\n    <script async src="${script}"></script>` : '',
        links: files
          .filter((file) => ASSET.test(file))
          .map((file) => `    <link rel="modulepreload" crossorigin href="${file}">\n`)
          .join(''),
      })),
    };
    return loaded;
  };
  return (pathname) => {
    const current = load();
    const page = current?.pages.find((candidate) => candidate.pattern.test(pathname));
    if (!current || !page || !current.html.includes('</head>') || !current.html.includes('<head>')) return null;
    return current.html.replace('<head>', `<head>${page.script}`).replace('</head>', `${page.links}  </head>`);
  };
}
