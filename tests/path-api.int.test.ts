import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { gql, testApp } from './support/http.ts';
import { useTestGraph } from './support/app.ts';

// The global setup loaded the demo map into the shared test database; these tests only read it.
const t = useTestGraph();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp(t.graph);
});
afterAll(async () => {
  await app.close();
});

interface Line {
  entityId: string;
  entityType: string;
  change: string;
  label: string;
  focusId: string | null;
  from: unknown;
  to: unknown;
}
interface Path {
  sections: { key: string; lines: Line[] }[];
  totals: { added: number; ended: number; changed: number };
}
const PATH =
  'path { sections { key lines { entityId entityType change label focusId from to } } totals { added ended changed } }';
const lines = (path: Path, key: string) => path.sections.find((s) => s.key === key)?.lines ?? [];
const lineCount = (path: Path) => path.sections.reduce((n, s) => n + s.lines.length, 0);

async function diff(projectId: string, from: string, to: string) {
  const result = await gql<{
    projectDiff: { summary: { added: number; ended: number; changed: number; leaps: number }; path: Path };
  }>(
    app,
    `query($p: ID!, $f: ID!, $t: ID!) { projectDiff(projectId: $p, fromMilestone: $f, toMilestone: $t) { summary { added ended changed leaps } ${PATH} } }`,
    { p: projectId, f: from, t: to },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.projectDiff;
}

describe('ProjectDiff.path, « le chemin parcouru » in words', () => {
  it('tells the Malaunay market story: the AMAP ↔ town hall conflict arbitrated between the workshop and the council', async () => {
    const d = await diff('prj-marche', 'mil-marche-atelier-reflexif', 'mil-marche-conseil-arbitrage');
    expect(lines(d.path, 'conflictsArbitrated')).toEqual([
      {
        entityId: 'cfl-marche-amap-mairie',
        entityType: 'Conflict',
        change: 'CHANGED',
        label: 'Renforcer l’attractivité commerciale du centre-ville ↔ Offrir une gamme diversifiée à ses adhérents',
        focusId: 'cfl-marche-amap-mairie',
        from: 'MIS_AU_TRAVAIL',
        to: 'ARBITRE',
      },
    ]);
    expect(d.path.totals).toEqual({ added: d.summary.added, ended: d.summary.ended, changed: d.summary.changed });
    expect(lineCount(d.path)).toBe(d.summary.added + d.summary.ended + d.summary.changed);
  });

  it('tells the Archipel nourricier’s two systemic leaps, named by their perimeters, and who joined', async () => {
    const d = await diff('prj-archipel', 'mil-archipel-bilan-bio', 'mil-archipel-conseil-trames');
    const leaps = lines(d.path, 'leaps');
    expect(leaps).toHaveLength(d.summary.leaps);
    expect(leaps.map((l) => l.label.split(' → ')[1]).sort()).toEqual(['Bien-vivre alimentaire', 'Biodiversité']);
    expect(leaps.every((l) => l.entityType === 'SystemicLeap' && l.focusId === l.entityId && l.change === 'ADDED')).toBe(true);
    const joined = lines(d.path, 'joined');
    expect(joined.length).toBeGreaterThan(3);
    // A joining actor's line focuses the actor's node and says the level it came in at.
    expect(
      joined.every(
        (l) => l.entityType === 'Engagement' && l.focusId?.startsWith('act-') && l.from === null && typeof l.to === 'string',
      ),
    ).toBe(true);
  });

  it('gives the territory review the same summary, its counts agreeing with the totals', async () => {
    const result = await gql<{
      territoryReview: {
        progress: { project: { id: string }; summary: { added: number; ended: number; changed: number }; path: Path }[];
      };
    }>(
      app,
      `query { territoryReview(territoryId: "ter-malaunay", sinceMilestone: "mil-marche-atelier-reflexif") { progress { project { id } summary { added ended changed } ${PATH} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const progress = result.data!.territoryReview.progress;
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.path.totals).toEqual(p.summary);
      expect(lineCount(p.path)).toBe(p.summary.added + p.summary.ended + p.summary.changed);
    }
    const market = progress.find((p) => p.project.id === 'prj-marche')!;
    expect(lines(market.path, 'conflictsArbitrated').map((l) => l.entityId)).toContain('cfl-marche-amap-mairie');
  });
});
