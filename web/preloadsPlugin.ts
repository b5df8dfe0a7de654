import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { PRELOADED_PAGES } from './src/pagePreloads.ts';

/** One line of `dist/preloads.json`: an address pattern and the files to preload for it. */
export interface PagePreload {
  pattern: string;
  files: string[];
  /**
   * A classic script to run first (the page's early read, src/api/openingEarly.ts), or absent. It
   * also asks for `files` itself, after its read (openingEarly.ts `preloadModules`).
   */
  script?: string;
}

/**
 * src/api/openingEarly.ts as one small classic script (no imports, no module: it runs as soon as
 * it arrives, before the app's modules are all there), named by its content's hash.
 */
async function earlyScript(root: string, files: readonly string[]): Promise<{ fileName: string; source: string }> {
  // PROJECT_VIEW is built from the model at run time: computed here (bundled, then run) and
  // written into the script as text, so the script carries no model.
  const documents = await build({
    stdin: { contents: "export { PROJECT_VIEW } from './src/api/entityDocuments.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const { PROJECT_VIEW } = (await import(
    `data:text/javascript;base64,${Buffer.from(documents.outputFiles[0]!.text).toString('base64')}`
  )) as { PROJECT_VIEW: string };
  const result = await build({
    stdin: {
      // The document as the app sends it (the same text, so the same request and cache key).
      // Then the page's modules, once the read has left (preloadModules).
      contents: `import { preloadModules, sendEarlyRead } from './src/api/openingEarly.ts'; sendEarlyRead(window.location, window, ${JSON.stringify(PROJECT_VIEW)}); preloadModules(document, ${JSON.stringify(files)});`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const source = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
  return { fileName: `assets/opening-${hash}.js`, source };
}

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
}

/**
 * Writes `dist/preloads.json` (PagePreload[]): for each page of PRELOADED_PAGES, its chunk and
 * every chunk it imports statically, less those the entry already preloads (index.html), as
 * `/assets/…` paths. The API adds them to the HTML of that page's address (api/src/web/preloads.ts).
 */
export function preloadsPlugin(): Plugin {
  let root = '';
  return {
    name: 'trame-page-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root.replace(/\\/g, '/');
    },
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle) as ChunkLike[];
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (start: ChunkLike): Set<string> => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const next of byFile.get(file)?.imports ?? []) visit(next);
        };
        visit(start.fileName);
        return seen;
      };
      const entry = chunks.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) this.error('no entry chunk');
      const loaded = closure(entry);
      const preloads: PagePreload[] = [];
      for (const { pattern, module, early: withEarly } of PRELOADED_PAGES) {
        const id = `${root}/${module}`;
        const page = chunks.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.replace(/\\/g, '/') === id);
        if (!page) this.error(`no chunk of its own for ${module}: is it still imported lazily?`);
        const files = [...closure(page)].filter((file) => !loaded.has(file)).map((file) => `/${file}`);
        if (!withEarly) {
          preloads.push({ pattern, files });
          continue;
        }
        // The page's early script asks for its modules itself, after its read (openingEarly.ts):
        // the entry's own first (index.html names them too, but the API leaves those links out of
        // a page whose early script it writes inline), then the page's.
        const entryModules = [...loaded]
          .filter((file) => file !== entry.fileName && file.endsWith('.js'))
          .map((file) => `/${file}`);
        const early = await earlyScript(root, [...entryModules, ...files]);
        this.emitFile({ type: 'asset', fileName: early.fileName, source: early.source });
        preloads.push({ pattern, files, script: `/${early.fileName}` });
      }
      this.emitFile({ type: 'asset', fileName: 'preloads.json', source: `${JSON.stringify(preloads, null, 2)}\n` });
    },
  };
}
