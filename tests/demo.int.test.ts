import { describe, expect, it } from 'vitest';
import { demoSteps } from '../graph/src/demo/demo-map.ts';
import {
  diffProjectStates,
  loadDemoMap,
  matrixCell,
  ofType,
  readProjectAnalysis,
  readProjectState,
  readTerritoryReview,
} from '@trame/graph';
import { at } from './support/factories.ts';
import { gql, testApp } from './support/http.ts';
import { useTestGraph } from './support/app.ts';

// The global setup loaded the demo map into the shared test database.
const t = useTestGraph();

const state = (projectId: string, date: string) => t.graph.read((tx) => readProjectState(tx, projectId, at(date)));

describe('the demo map', () => {
  it('is loaded once: a second load does nothing', async () => {
    expect(await loadDemoMap(t.graph)).toBe(0);
  });

  it('has the four territories of the report and enough content', async () => {
    const counts = await t.graph.read(async (tx) => {
      const result = await tx.run(
        `MATCH (e:Entity) WHERE e.id IN $ids AND e.validTo > datetime() RETURN e.type AS type, count(*) AS n`,
        { ids: demoSteps.filter((s) => s.op === 'create').map((s) => s.id) },
      );
      return Object.fromEntries(result.records.map((r) => [r.get('type') as string, r.get('n') as number]));
    });
    expect(counts.Territory).toBe(4);
    expect(counts.Actor).toBeGreaterThanOrEqual(40);
    expect(counts.Objective).toBeGreaterThanOrEqual(60);
    expect(counts.Position).toBeGreaterThanOrEqual(120);
    expect(counts.SystemicLeap).toBeGreaterThanOrEqual(2);
    expect(counts.Ecosystem).toBeGreaterThanOrEqual(2);
  });

  it('tells the Malaunay conflict over time: identified, worked on, arbitrated', async () => {
    const statusAt = async (date: string) => {
      const s = await state('prj-marche', date);
      return ofType(s, 'Conflict').map((c) => c.values.status);
    };
    const story = [await statusAt('2018-08-01'), await statusAt('2018-12-01'), await statusAt('2020-01-01')];
    expect(story[0]).toContain('IDENTIFIE');
    expect(story[1]).toContain('MIS_AU_TRAVAIL');
    expect(story[2]).toContain('ARBITRE');
  });

  it('has the two systemic leaps of Loos-en-Gohelle at their dates', async () => {
    const before = await state('prj-archipel', '2019-01-01');
    const after = await state('prj-archipel', '2022-01-01');
    expect(ofType(before, 'SystemicLeap')).toHaveLength(0);
    expect(ofType(after, 'SystemicLeap')).toHaveLength(2);
    const diff = diffProjectStates(before, after);
    expect(diff.summary.leaps).toBe(2);
    expect(diff.summary.actorsJoined).toBeGreaterThan(0);
    expect(diff.summary.engagementGained).toBeGreaterThan(0);
  });
});

describe('comparing two milestones through the API', () => {
  it('counts the leaps, arrivals and engagement gained between the first milestone and the trames vertes council', async () => {
    const app = await testApp(t.graph);
    const result = await gql<{
      projectDiff: {
        from: string;
        to: string;
        summary: Record<string, number>;
        leaps: { trigger: string; toPerimeter: { name: string } }[];
      };
    }>(
      app,
      `query { projectDiff(projectId: "prj-archipel", fromMilestone: "mil-archipel-bilan-bio", toMilestone: "mil-archipel-conseil-trames") {
        from to summary { actorsJoined engagementGained leaps } leaps { trigger toPerimeter { name } } } }`,
    );
    await app.close();
    expect(result.errors).toBeUndefined();
    const diff = result.data!.projectDiff;
    expect(diff.from).toBe('2018-06-28T23:59:59.999Z');
    expect(diff.to).toBe('2021-03-23T23:59:59.999Z');
    expect(diff.summary.leaps).toBe(2);
    expect(diff.leaps.map((l) => l.toPerimeter.name).sort()).toEqual(['Bien-vivre alimentaire', 'Biodiversité'].sort());
    expect(diff.summary.actorsJoined).toBeGreaterThan(3);
  });
});

describe('the analysis of the demo map', () => {
  it('shows the Malaunay AMAP conflict among the territory tensions', async () => {
    const review = await t.graph.read((tx) => readTerritoryReview(tx, 'ter-malaunay', null, null));
    const amap = review.tensions.find(
      (t) =>
        t.objectives.some((o) => o.id === 'obj-marche-gamme-amap') &&
        t.objectives.some((o) => o.id === 'obj-marche-attractivite'),
    );
    expect(amap).toBeDefined();
    expect(amap!.status).toBe('ARBITRE');
    expect(amap!.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['act-malaunay-amap', 'act-malaunay-maire']));
  });

  it('finds the AMAP and the town hall as the strongest divergence while the conflict was open', async () => {
    const analysis = await t.graph.read((tx) => readProjectAnalysis(tx, 'prj-marche', at('2018-12-01')));
    const daa = analysis.mactor.orders[2].daa;
    let best = { value: -1, pair: ['', ''] };
    analysis.actors.forEach((a, i) =>
      analysis.actors.forEach((b, j) => {
        if (i < j && matrixCell(daa, i, j) > best.value) best = { value: matrixCell(daa, i, j), pair: [a.id, b.id] };
      }),
    );
    expect(best.pair.sort()).toEqual(['act-malaunay-amap', 'act-malaunay-maire']);
  });

  it('recognises the declared ecosystems of Loos-en-Gohelle among the detected coalitions', async () => {
    const analysis = await t.graph.read((tx) => readProjectAnalysis(tx, 'prj-archipel', null));
    expect(analysis.ecosystems.length).toBeGreaterThanOrEqual(2);
    for (const match of analysis.ecosystems) {
      expect(match.community, match.name).not.toBeNull();
      expect(match.community!.jaccard, match.name).toBeGreaterThanOrEqual(0.5);
    }
    expect(analysis.coalitions.modularity).toBeGreaterThan(0.2);
  });
});
