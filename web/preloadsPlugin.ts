import type { Plugin } from 'vite';
import { PRELOADED_PAGES } from './src/pagePreloads.ts';

/** One line of `dist/preloads.json`: an address pattern and the files to preload for it. */
export interface PagePreload {
  pattern: string;
  files: string[];
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
    generateBundle(_options, bundle) {
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
      const preloads: PagePreload[] = PRELOADED_PAGES.map(({ pattern, module }) => {
        const id = `${root}/${module}`;
        const page = chunks.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.replace(/\\/g, '/') === id);
        if (!page) this.error(`no chunk of its own for ${module}: is it still imported lazily?`);
        const files = [...closure(page)].filter((file) => !loaded.has(file)).map((file) => `/${file}`);
        return { pattern, files };
      });
      this.emitFile({ type: 'asset', fileName: 'preloads.json', source: `${JSON.stringify(preloads, null, 2)}\n` });
    },
  };
}
