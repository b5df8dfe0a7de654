import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import { actorNetwork, brokers, coalitions, compareWithEcosystems, type ActorGraphInput } from './network.ts';
import { sparseMatrix, toSparseMatrix } from './sparse-matrix.ts';

/** A symmetric matrix over `actors` from a list of weighted pairs. */
function convergenceOf(actors: string[], pairs: [string, string, number][]): number[][] {
  const matrix = actors.map(() => actors.map(() => 0));
  for (const [a, b, w] of pairs) {
    const i = actors.indexOf(a);
    const j = actors.indexOf(b);
    matrix[i]![j] = w;
    matrix[j]![i] = w;
  }
  return matrix;
}

function clique(members: string[], weight: number): [string, string, number][] {
  return members.flatMap((a, i) => members.slice(i + 1).map((b): [string, string, number] => [a, b, weight]));
}

// Two triangles of strong convergence (3) joined by one weak edge C–D (0.5); G stands alone.
const actors = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const twoCliques: ActorGraphInput = {
  actors,
  convergence: convergenceOf(actors, [...clique(['A', 'B', 'C'], 3), ...clique(['D', 'E', 'F'], 3), ['C', 'D', 0.5]]),
  cooperations: [],
};

describe('coalitions', () => {
  it('finds the two cliques, the isolated actor alone, with positive modularity', () => {
    const result = coalitions(twoCliques);
    expect(result.communities).toEqual([
      { id: 0, members: ['A', 'B', 'C'] },
      { id: 1, members: ['D', 'E', 'F'] },
      { id: 2, members: ['G'] },
    ]);
    expect(result.membership).toEqual({ A: 0, B: 0, C: 0, D: 1, E: 1, F: 1, G: 2 });
    // Q = Σ_c [W_c/M − (T_c/2M)²], M = 9 + 9 + 0.5 = 18.5 total weight, W_c = 9 inside each
    // triangle, T_c = 2·9 + 0.5 = 18.5 weighted degree of each; G adds nothing.
    // Q = 2·(9/18.5 − (18.5/37)²) = 36/37 − 1/2 = 35/74.
    expect(result.modularity).toBeCloseTo(35 / 74, 10);
  });

  it('is deterministic for a seed, and stable across seeds on an obvious structure', () => {
    const first = coalitions(twoCliques);
    expect(coalitions(twoCliques)).toEqual(first);
    for (let seed = 2; seed <= 20; seed++) expect(coalitions({ ...twoCliques, seed }).communities).toEqual(first.communities);
  });

  it('weighs declared cooperations', () => {
    // No convergence at all; cooperations A–B and C–D, default weight 1 (no convergence to scale on).
    // Two separate edges: Q = 2·(1/2 − (2/4)²) = 1/2.
    const result = coalitions({
      actors: ['A', 'B', 'C', 'D'],
      convergence: convergenceOf(['A', 'B', 'C', 'D'], []),
      cooperations: [
        ['A', 'B'],
        ['D', 'C'],
      ],
    });
    expect(result.communities.map((c) => c.members)).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(result.modularity).toBeCloseTo(0.5, 10);
  });

  it('puts everyone alone with modularity 0 when there is no edge, and copes with no actors', () => {
    expect(
      coalitions({
        actors: ['A', 'B'],
        convergence: [
          [0, 0],
          [0, 0],
        ],
        cooperations: [],
      }),
    ).toEqual({
      communities: [
        { id: 0, members: ['A'] },
        { id: 1, members: ['B'] },
      ],
      modularity: 0,
      membership: { A: 0, B: 1 },
    });
    expect(coalitions({ actors: [], convergence: [], cooperations: [] })).toEqual({
      communities: [],
      modularity: 0,
      membership: {},
    });
  });

  it.each<[string, ActorGraphInput & { resolution?: number }]>([
    [
      'an asymmetric matrix',
      {
        actors: ['A', 'B'],
        convergence: [
          [0, 1],
          [2, 0],
        ],
        cooperations: [],
      },
    ],
    [
      'a negative convergence',
      {
        actors: ['A', 'B'],
        convergence: [
          [0, -1],
          [-1, 0],
        ],
        cooperations: [],
      },
    ],
    ['a matrix of the wrong size', { actors: ['A', 'B'], convergence: [[0]], cooperations: [] }],
    [
      'a cooperation with an unknown actor',
      {
        actors: ['A', 'B'],
        convergence: [
          [0, 0],
          [0, 0],
        ],
        cooperations: [['A', 'Z']],
      },
    ],
    [
      'a cooperation of an actor with itself',
      {
        actors: ['A', 'B'],
        convergence: [
          [0, 0],
          [0, 0],
        ],
        cooperations: [['A', 'A']],
      },
    ],
    [
      'duplicate actors',
      {
        actors: ['A', 'A'],
        convergence: [
          [0, 0],
          [0, 0],
        ],
        cooperations: [],
      },
    ],
    ['a zero resolution', { actors: ['A'], convergence: [[0]], cooperations: [], resolution: 0 }],
  ])('throws a RangeError for %s', (_, input) => {
    expect(() => coalitions(input)).toThrow(RangeError);
  });
});

describe('brokers', () => {
  it('ranks first the actor joining two cliques', () => {
    // Triangles A-B-C and E-F-G (weight 3), X tied weakly (1) to C and to E. Every shortest path
    // between the triangles runs C–X–E. Pairs of other actors through each (n = 7, 15 pairs):
    //   X: {A,B,C} × {E,F,G} = 9 → 9/15 = 0.6
    //   C: {A,B} × {X,E,F,G} = 8 → 8/15;  E: the same by symmetry;  A, B, F, G: 0.
    const members = ['A', 'B', 'C', 'E', 'F', 'G', 'X'];
    const result = brokers({
      actors: members,
      convergence: convergenceOf(members, [
        ...clique(['A', 'B', 'C'], 3),
        ...clique(['E', 'F', 'G'], 3),
        ['C', 'X', 1],
        ['X', 'E', 1],
      ]),
      cooperations: [],
    });
    expect(result.map((b) => b.actor)).toEqual(['X', 'C', 'E', 'A', 'B', 'F', 'G']);
    expect(result[0]?.betweenness).toBeCloseTo(0.6, 10);
    expect(result[1]?.betweenness).toBeCloseTo(8 / 15, 10);
    expect(result[2]?.betweenness).toBeCloseTo(8 / 15, 10);
    expect(result.slice(3).map((b) => b.betweenness)).toEqual([0, 0, 0, 0]);
  });

  it('normalises so that the hub of a star scores 1', () => {
    const members = ['L1', 'L2', 'H', 'L3'];
    const result = brokers({
      actors: members,
      convergence: convergenceOf(members, [
        ['H', 'L1', 2],
        ['H', 'L2', 2],
        ['H', 'L3', 2],
      ]),
      cooperations: [],
    });
    expect(result).toEqual([
      { actor: 'H', betweenness: 1 },
      { actor: 'L1', betweenness: 0 },
      { actor: 'L2', betweenness: 0 },
      { actor: 'L3', betweenness: 0 },
    ]);
  });

  it('reads weights as closeness: two strong ties beat a weak direct one', () => {
    // A–M and M–B at 4 (distance 1/4 each, 1/2 in all); A–B declared cooperation.
    // cooperationWeight 1: A–B distance 1 > 1/2, the path goes through M → M scores 1 (the only pair).
    // Default cooperationWeight = strongest convergence = 4: A–B distance 1/4 < 1/2 → M scores 0.
    const members = ['A', 'B', 'M'];
    const input: ActorGraphInput = {
      actors: members,
      convergence: convergenceOf(members, [
        ['A', 'M', 4],
        ['M', 'B', 4],
      ]),
      cooperations: [['A', 'B']],
    };
    expect(brokers({ ...input, cooperationWeight: 1 })[0]).toEqual({ actor: 'M', betweenness: 1 });
    expect(brokers(input).map((b) => b.betweenness)).toEqual([0, 0, 0]);
  });

  it('gives 0 to everyone on a graph with no edge', () => {
    expect(brokers({ actors: ['A', 'B', 'C'], convergence: convergenceOf(['A', 'B', 'C'], []), cooperations: [] })).toEqual([
      { actor: 'A', betweenness: 0 },
      { actor: 'B', betweenness: 0 },
      { actor: 'C', betweenness: 0 },
    ]);
    expect(brokers({ actors: [], convergence: [], cooperations: [] })).toEqual([]);
  });
});

describe('the convergence as non-zero cells', () => {
  /** A seeded symmetric matrix, some actors without any convergence, and a few cooperations (some twice). */
  function randomInput(seed: number): ActorGraphInput {
    const rng = seededRandom(seed);
    const n = 2 + Math.floor(rng() * 30);
    const actors = Array.from({ length: n }, (_, i) => `a${i}`);
    const convergence = actors.map(() => actors.map(() => 0));
    for (let t = 0; t < n * 2; t++) {
      const [i, j] = [Math.floor(rng() * n), Math.floor(rng() * n)];
      if (i === j || i % 7 === 3 || j % 7 === 3) continue;
      const w = Math.round(rng() * 40) / 10;
      convergence[i]![j] = w;
      convergence[j]![i] = w;
    }
    const cooperations = Array.from({ length: Math.floor(rng() * n) }, (): [string, string] => [
      actors[Math.floor(rng() * n)]!,
      actors[Math.floor(rng() * n)]!,
    ]).filter(([a, b]) => a !== b);
    return { actors, convergence, cooperations };
  }

  it.each(Array.from({ length: 40 }, (_, k) => k + 1))(
    'gives the same coalitions and brokers as dense rows (seed %i)',
    (seed) => {
      const dense = randomInput(seed);
      const sparse = { ...dense, convergence: toSparseMatrix(dense.convergence as number[][], dense.actors.length) };
      expect(coalitions(sparse)).toStrictEqual(coalitions(dense));
      expect(brokers(sparse)).toStrictEqual(brokers(dense));
      // Both on one graph: the same as each on its own.
      expect(actorNetwork(sparse)).toStrictEqual({ coalitions: coalitions(dense), brokers: brokers(dense) });
    },
  );

  it('rejects an asymmetric or negative sparse matrix', () => {
    const actors = ['A', 'B'];
    expect(() => coalitions({ actors, convergence: sparseMatrix(2, 2, [[0, 1, 2]]), cooperations: [] })).toThrow(
      /convergence\[0\]\[1\] = 2 but \[1\]\[0\] = 0/,
    );
    expect(() =>
      coalitions({
        actors,
        convergence: sparseMatrix(2, 2, [
          [0, 1, -1],
          [1, 0, -1],
        ]),
        cooperations: [],
      }),
    ).toThrow(RangeError);
    expect(() => brokers({ actors, convergence: sparseMatrix(3, 3, []), cooperations: [] })).toThrow(RangeError);
  });
});

describe('compareWithEcosystems', () => {
  const communities = [
    { id: 0, members: ['A', 'B', 'C'] },
    { id: 1, members: ['D', 'E', 'F'] },
    { id: 2, members: ['G'] },
  ];

  it('matches each ecosystem to its best community and lists what it would add and remove', () => {
    const result = compareWithEcosystems(communities, [
      // {A,B,D}: Jaccard with 0 = |{A,B}|/|{A,B,C,D}| = 2/4, with 1 = 1/5 → community 0: add C, remove D.
      { id: 'eco-1', name: 'Alimentation', memberIds: ['A', 'B', 'D'] },
      // {E,F} analysed (Z is in no community): with 1 = 2/3 → add D, remove nothing, Z outside.
      { id: 'eco-2', name: 'Mobilité', memberIds: ['E', 'F', 'Z'] },
      // Nobody analysed: no match.
      { id: 'eco-3', name: 'Énergie', memberIds: ['Z'] },
      // {C,D}: 1/4 with 0 and 1/4 with 1, same overlap → the lower id, 0: add A, B; remove D.
      { id: 'eco-4', name: 'Tie', memberIds: ['C', 'D', 'C'] },
    ]);
    expect(result).toEqual([
      { ecosystemId: 'eco-1', name: 'Alimentation', community: { id: 0, jaccard: 0.5 }, add: ['C'], remove: ['D'], outside: [] },
      { ecosystemId: 'eco-2', name: 'Mobilité', community: { id: 1, jaccard: 2 / 3 }, add: ['D'], remove: [], outside: ['Z'] },
      { ecosystemId: 'eco-3', name: 'Énergie', community: null, add: [], remove: [], outside: ['Z'] },
      { ecosystemId: 'eco-4', name: 'Tie', community: { id: 0, jaccard: 0.25 }, add: ['A', 'B'], remove: ['D'], outside: [] },
    ]);
  });

  it('finds nothing to change when an ecosystem is exactly a community', () => {
    expect(compareWithEcosystems(communities, [{ id: 'e', name: 'E', memberIds: ['F', 'E', 'D'] }])).toEqual([
      { ecosystemId: 'e', name: 'E', community: { id: 1, jaccard: 1 }, add: [], remove: [], outside: [] },
    ]);
  });

  it('works on the output of coalitions', () => {
    const { communities: detected } = coalitions(twoCliques);
    const [comparison] = compareWithEcosystems(detected, [{ id: 'e', name: 'E', memberIds: ['A', 'B', 'D'] }]);
    expect(comparison).toMatchObject({ community: { id: 0 }, add: ['C'], remove: ['D'] });
  });
});
