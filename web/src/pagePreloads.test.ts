import { describe, expect, it } from 'vitest';
import { PRELOADED_PAGES } from './pagePreloads.ts';
import { parseRoute } from './routes.ts';

const EXAMPLES = [
  '/',
  '/mur',
  '/mur/',
  '/projets/prj-marche',
  '/projets/prj-marche/',
  '/projets/prj-marche/mur',
  '/projets/prj-marche/mur/',
  '/projets/prj-marche/analyse',
  '/projets/prj-marche/tableau',
  '/territoires/ter-malaunay/revue',
  '/compte',
  '/projets/a/b/mur',
];

describe('PRELOADED_PAGES', () => {
  it('names an address exactly when routes.ts gives it that page', () => {
    for (const path of EXAMPLES) {
      const page = parseRoute(path, '').page;
      const matched = PRELOADED_PAGES.filter((entry) => new RegExp(entry.pattern).test(path)).map((entry) => entry.page);
      expect(matched, path).toEqual(PRELOADED_PAGES.some((entry) => entry.page === page) ? [page] : []);
    }
  });

  it('names the modules App.tsx loads for these pages', async () => {
    const { readFile } = await import('node:fs/promises');
    const app = await readFile(new URL('./App.tsx', import.meta.url), 'utf8');
    const opening = await readFile(new URL('./api/openingRead.ts', import.meta.url), 'utf8');
    for (const entry of PRELOADED_PAGES) {
      const relative = entry.module.replace(/^src\//, '');
      expect(app.includes(`import('./${relative}')`) || opening.includes(`import('../${relative}')`), entry.module).toBe(true);
    }
  });
});
