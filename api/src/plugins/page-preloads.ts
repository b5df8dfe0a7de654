import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cspHash } from './security.ts';

/** One line of web/dist/preloads.json (written by web/preloadsPlugin.ts at build time). */
interface PagePreload {
  pattern: string;
  files: string[];
  /** The page's early script (web/src/api/openingEarly.ts), run first; it asks for `files` itself once its read has left. */
  script?: string;
}

interface Loaded {
  /** mtimes of index.html and preloads.json when read: a rebuilt web app is read again. */
  stamp: string;
  html: string;
  pages: { pattern: RegExp; links: string; script: string; scriptSources: string[]; inline: boolean }[];
}

/** A map page's HTML and the CSP sources its inline script needs (`'sha256-…'`, added to script-src). */
export interface PageHtml {
  html: string;
  scriptSources: string[];
}

/** index.html's `<link rel="modulepreload" …>` lines (Vite writes one per module the entry imports). */
const MODULE_PRELOAD_LINE = /^[ \t]*<link rel="modulepreload"[^>]*>[ \t]*\r?\n/gm;

const ASSET = /^\/assets\/[A-Za-z0-9._-]+\.js$/;

/**
 * The page's early script as an element: its text inline (it runs while the HTML is parsed, so
 * its read leaves before the page's code is even requested — the six connections a browser
 * opens to a server are then all busy fetching that code), allowed by its hash; or, when its
 * file cannot be read or its text could end the element early, `<script async src>`.
 */
function earlyScript(webDir: string, script: string | undefined): { element: string; sources: string[] } {
  if (!script || !ASSET.test(script)) return { element: '', sources: [] };
  let text: string | null = null;
  try {
    text = readFileSync(join(webDir, script), 'utf8').trim();
  } catch {
    text = null;
  }
  if (text === null || /<\/script|<!--/i.test(text))
    return { element: `\n    <script async src="${script}"></script>`, sources: [] };
  return { element: `\n    <script>${text}</script>`, sources: [cspHash(text)] };
}

/**
 * The single page's HTML for a map page's address (`/projets/<id>/mur`, `/mur`, `/projets/<id>`),
 * with `<link rel="modulepreload">` for that page's chunks before `</head>`: the browser fetches
 * them with the app's own instead of once the app has run (issue 14, the wall's first frame) —
 * and, for a page with one, its early script first in <head>, inline (earlyScript: the
 * projection's first read leaves before the app's code is requested, web/src/api/openingEarly.ts),
 * with the CSP source that allows it (the caller adds it to the page's script-src); that script
 * then asks for the page's chunks itself, so the HTML names none.
 * Returns null — send index.html as it is — for any other address, or when the build wrote no
 * web/dist/preloads.json (an older build). Files are read again when either changes on disk.
 * Only `/assets/<name>.js` paths are written into the page.
 */
export function createPagePreloads(webDir: string): (pathname: string) => PageHtml | null {
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
      pages: preloads.map(({ pattern, files, script }) => {
        const early = earlyScript(webDir, script);
        return {
          pattern: new RegExp(pattern),
          // First in <head>: it reads nothing of the page.
          script: early.element,
          scriptSources: early.sources,
          inline: early.sources.length > 0,
          // An inline early script asks for the page's modules itself, once its read has left
          // (web/src/api/openingEarly.ts `preloadModules`): links here would take the browser's
          // connections first and keep the read waiting.
          links: (early.sources.length > 0 ? [] : files)
            .filter((file) => ASSET.test(file))
            .map((file) => `    <link rel="modulepreload" crossorigin href="${file}">\n`)
            .join(''),
        };
      }),
    };
    return loaded;
  };
  return (pathname) => {
    const current = load();
    const page = current?.pages.find((candidate) => candidate.pattern.test(pathname));
    if (!current || !page || !current.html.includes('</head>') || !current.html.includes('<head>')) return null;
    // Under an inline early script, the entry's own modulepreload links go too: a browser's
    // preload scanner asks for everything the HTML names before any script has run, and those
    // eight requests kept the read waiting for a connection (at 500 elements, sent 50 to 400 ms
    // after it was called); the script asks for them itself, right after its read.
    const html = page.inline ? current.html.replace(MODULE_PRELOAD_LINE, '') : current.html;
    return {
      // Replacer functions: a `$&` or `$'` in the script's text is written as it is, not expanded.
      html: html.replace('<head>', () => `<head>${page.script}`).replace('</head>', () => `${page.links}  </head>`),
      scriptSources: page.scriptSources,
    };
  };
}
