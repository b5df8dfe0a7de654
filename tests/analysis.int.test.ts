import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from './support/graph.ts';
import { gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

/**
 * A small project loaded through the API — the worked example of graph/src/analysis (actors A, B,
 * C; objectives O1, O2) — then its analysis read back through the API.
 *
 *   MID    A  B  C        2MAO  O1  O2
 *   A      0  3  1        A      3  -2
 *   B      2  0  2        B      2   1
 *   C      0  1  0        C     -1   4
 */
const run = uniqueId('mac');
const id = (suffix: string) => `${run}-${suffix}`;

async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(t.app, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const t = useTestApp();
beforeAll(async () => {
  const at = '2020-01-01';
  await ok(
    `mutation($id: ID) { createTerritory(input: { name: "Commune MACTOR", code: "76", kind: COMMUNE }, validFrom: "${at}", id: $id) { id } }`,
    { id: id('ter') },
  );
  for (const p of ['p1', 'p2']) {
    await ok(
      `mutation($id: ID, $t: ID!) { createProject(input: { territoryId: $t, name: "Projet ${p}" }, validFrom: "${at}", id: $id) { id } }`,
      { id: id(p), t: id('ter') },
    );
  }
  for (const a of ['a', 'b', 'c']) {
    await ok(
      `mutation($id: ID, $t: ID!) { createActor(input: { territoryId: $t, name: "Acteur ${a.toUpperCase()}", kind: ASSOCIATION }, validFrom: "${at}", id: $id) { id } }`,
      { id: id(a), t: id('ter') },
    );
    await ok(
      `mutation($a: ID!, $p: ID!) { createEngagement(input: { actorId: $a, projectId: $p, level: COOPERANT }, validFrom: "${at}") { id } }`,
      { a: id(a), p: id('p1') },
    );
  }
  // A and B are also coopérant in the second project: two demanding engagements each.
  for (const a of ['a', 'b']) {
    await ok(
      `mutation($a: ID!, $p: ID!) { createEngagement(input: { actorId: $a, projectId: $p, level: MOTEUR }, validFrom: "${at}") { id } }`,
      { a: id(a), p: id('p2') },
    );
  }
  for (const o of ['o1', 'o2']) {
    await ok(
      `mutation($id: ID, $p: ID!) { createObjective(input: { projectId: $p, title: "Objectif ${o}", dimensions: [SOCIAL], nature: MATERIEL, confidential: false }, validFrom: "${at}", id: $id) { id } }`,
      { id: id(o), p: id('p1') },
    );
  }
  const mid: [string, string, number][] = [
    ['a', 'b', 3],
    ['a', 'c', 1],
    ['b', 'a', 2],
    ['b', 'c', 2],
    ['c', 'b', 1],
  ];
  for (const [from, to, value] of mid) {
    await ok(
      `mutation($f: ID!, $t: ID!, $p: ID!, $v: Int!) { createInfluence(input: { projectId: $p, fromActorId: $f, toActorId: $t, value: $v }, validFrom: "2020-02-01") { id } }`,
      { f: id(from), t: id(to), p: id('p1'), v: value },
    );
  }
  const mao: [string, string, number][] = [
    ['a', 'o1', 3],
    ['a', 'o2', -2],
    ['b', 'o1', 2],
    ['b', 'o2', 1],
    ['c', 'o1', -1],
    ['c', 'o2', 4],
  ];
  for (const [actor, objective, value] of mao) {
    await ok(
      `mutation($a: ID!, $o: ID!, $v: Int!) { createPosition(input: { actorId: $a, objectiveId: $o, value: $v }, validFrom: "2020-02-01") { id } }`,
      { a: id(actor), o: id(objective), v: value },
    );
  }
  await ok(
    `mutation($a: ID!, $b: ID!) { createConflict(input: { objectiveAId: $a, objectiveBId: $b, intensity: 3, status: IDENTIFIE, confidential: false }, validFrom: "2020-03-01") { id } }`,
    { a: id('o1'), b: id('o2') },
  );
  await ok(
    `mutation($p: ID!, $o: ID!, $c: ID!) { createExternality(input: { projectId: $p, objectiveId: $o, description: "Bruit", sign: NEGATIVE, affectedActorIds: [$c], status: IDENTIFIEE }, validFrom: "2020-03-01") { id } }`,
    { p: id('p1'), o: id('o1'), c: id('c') },
  );
}, 120_000);

const ANALYSIS = `
  query($p: ID!, $asOf: DateTime) {
    projectAnalysis(projectId: $p, asOf: $asOf) {
      mactor {
        actors { id label }
        midi { values }
        influence dependence normalisedBalanceOfPower powerStatus
        orders { order caa { values } daa { values } degreeOfConvergence agreement disagreement }
        notes { code actors }
      }
      tensions { conflict { label } intensity status daysSinceIdentified actors { label } }
      externalities { externality { label } notInvolved { id } }
      unworkedDivergences { a { id } b { id } }
    }
  }
`;

interface Result {
  projectAnalysis: {
    mactor: {
      actors: { id: string; label: string }[];
      midi: { values: number[][] };
      influence: number[];
      dependence: number[];
      normalisedBalanceOfPower: number[];
      powerStatus: string;
      orders: {
        order: number;
        caa: { values: number[][] };
        daa: { values: number[][] };
        degreeOfConvergence: number | null;
        agreement: number[];
        disagreement: number[];
      }[];
      notes: { code: string; actors: string[] }[];
    };
    tensions: {
      conflict: { label: string };
      intensity: number;
      status: string;
      daysSinceIdentified: number;
      actors: { label: string }[];
    }[];
    externalities: { externality: { label: string }; notInvolved: { id: string }[] }[];
    unworkedDivergences: { a: { id: string }; b: { id: string } }[];
  };
}

describe('the analysis through the API', () => {
  it('computes MACTOR on what the graph holds, as the definitions say', async () => {
    const { projectAnalysis: a } = await ok<Result>(ANALYSIS, { p: id('p1') });
    expect(a.mactor.actors.map((x) => x.label)).toEqual(['Acteur A', 'Acteur B', 'Acteur C']);
    expect(a.mactor.midi.values).toEqual([
      [2, 4, 3],
      [2, 3, 3],
      [1, 1, 1],
    ]);
    expect(a.mactor.influence).toEqual([7, 5, 2]);
    expect(a.mactor.dependence).toEqual([3, 5, 6]);
    expect(a.mactor.powerStatus).toBe('COMPUTED');
    [42 / 19, 12 / 19, 3 / 19].forEach((r, i) => expect(a.mactor.normalisedBalanceOfPower[i]).toBeCloseTo(r, 10));
    const order2 = a.mactor.orders.find((o) => o.order === 2)!;
    // 2CAA_AB = ½(3+2) on O1 = 2.5; 2DAA_AB = ½(2+1) on O2 = 1.5; 2DAA_AC = ½(3+1) + ½(2+4) = 5.
    expect(order2.caa.values[0]![1]).toBe(2.5);
    expect(order2.daa.values[0]![1]).toBe(1.5);
    expect(order2.daa.values[0]![2]).toBe(5);
    // Agreement on O1: 3 + 2; disagreement: −1.
    expect(order2.agreement[0]).toBe(5);
    expect(order2.disagreement[0]).toBe(-1);
  });

  it('lists the tension, the externality on a non-involved actor… and no divergence as unworked when a conflict covers it', async () => {
    const { projectAnalysis: a } = await ok<Result>(ANALYSIS, { p: id('p1') });
    expect(a.tensions).toHaveLength(1);
    expect(a.tensions[0]).toMatchObject({ conflict: { label: 'Objectif o1 ↔ Objectif o2' }, intensity: 3, status: 'IDENTIFIE' });
    expect(a.tensions[0]!.actors.map((x) => x.label)).toEqual(['Acteur A', 'Acteur B', 'Acteur C']);
    // C is coopérant, so the externality has no non-involved actor.
    expect(a.externalities[0]!.notInvolved).toEqual([]);
    // Every divergent pair has its objectives in the recorded conflict.
    expect(a.unworkedDivergences).toEqual([]);
  });

  it('reads the analysis as of a date: before the influences, r* is 1 for all, and says why', async () => {
    const { projectAnalysis: a } = await ok<Result>(ANALYSIS, { p: id('p1'), asOf: '2020-01-15' });
    expect(a.mactor.powerStatus).toBe('NO_INFLUENCE');
    expect(a.mactor.normalisedBalanceOfPower).toEqual([1, 1, 1]);
    expect(a.mactor.notes.map((n) => n.code)).toContain('NO_POSITION');
    expect(a.tensions).toEqual([]);
  });

  it('reviews the territory: engagement load across projects, and progress since a date', async () => {
    const result = await ok<{
      territoryReview: {
        since: string;
        progress: { project: { id: string }; summary: { added: number; conflictsNew: number } }[];
        analysis: { engagementLoad: { actor: { label: string }; count: number }[]; projects: { id: string }[] };
      };
    }>(
      `query($t: ID!) { territoryReview(territoryId: $t, since: "2020-01-15") { since progress { project { id } summary { added conflictsNew } } analysis { projects { id } engagementLoad { actor { label } count } } } }`,
      { t: id('ter') },
    );
    const review = result.territoryReview;
    expect(review.analysis.projects.map((p) => p.id).sort()).toEqual([id('p1'), id('p2')]);
    expect(review.analysis.engagementLoad.map((row) => [row.actor.label, row.count])).toEqual([
      ['Acteur A', 2],
      ['Acteur B', 2],
    ]);
    const p1 = review.progress.find((p) => p.project.id === id('p1'))!;
    expect(p1.summary.conflictsNew).toBe(1);
    expect(p1.summary.added).toBe(5 + 6 + 1 + 1); // influences, positions, conflict, externality
  });

  it('refuses an unknown territory with NOT_FOUND', async () => {
    const result = await gql(t.app, `{ territoryReview(territoryId: "ter-nowhere") { since } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
