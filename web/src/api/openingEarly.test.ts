import { describe, expect, it } from 'vitest';
import { parseRoute } from '../routes.ts';
import { EARLY_READ_KEY, preloadModules, projectionProjectId, takeEarlyRead } from './openingEarly.ts';

describe('the projection’s early read', () => {
  it('reads the projection’s address as routes.ts does, and no other', () => {
    for (const path of [
      '/',
      '/mur',
      '/projets/prj-marche',
      '/projets/prj-marche/mur',
      '/projets/prj-marche/mur/',
      '/projets/prj-marche/analyse',
      '/projets/a/b/mur',
      '/projets/PRJ/mur',
      '/territoires/ter-malaunay/revue',
    ]) {
      const route = parseRoute(path, '');
      expect(projectionProjectId(path), path).toBe(route.page === 'projection' ? route.projectId : null);
    }
  });

  it('is taken once, by the project it was sent for', () => {
    const response = Promise.resolve(new Response('{}'));
    const target: Record<string, unknown> = { [EARLY_READ_KEY]: { projectId: 'prj-a', response } };
    expect(takeEarlyRead('prj-b', target)).toBeNull();
    expect(takeEarlyRead('prj-a', target)).toBe(response);
    expect(takeEarlyRead('prj-a', target)).toBeNull();
  });

  it('asks for the page’s modules as <link rel="modulepreload">, in order', () => {
    const appended: Record<string, string>[] = [];
    const doc = {
      createElement: () => ({}) as HTMLElement,
      head: { appendChild: (link: Record<string, string>) => appended.push(link) },
    } as unknown as Pick<Document, 'createElement' | 'head'>;
    preloadModules(doc, ['/assets/a.js', '/assets/b.js']);
    expect(appended).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: '/assets/a.js' },
      { rel: 'modulepreload', crossOrigin: '', href: '/assets/b.js' },
    ]);
  });
});
