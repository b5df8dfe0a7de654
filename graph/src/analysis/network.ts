import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
// graphology-metrics has no "exports" map: Node's ESM resolver needs the file extension here.
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { seededRandom } from '../random.ts';
import {
  assertSparseMatrix,
  isSparseMatrix,
  matrixCell,
  toSparseMatrix,
  type MatrixInput,
  type SparseMatrix,
} from './sparse-matrix.ts';

/**
 * Network analysis beyond MACTOR: coalitions (Louvain communities) and brokers (betweenness) on
 * the actor graph, and the comparison of coalitions with the declared ecosystems. Community
 * detection and centrality come from graphology's libraries (graphology-communities-louvain,
 * graphology-metrics), not from code of ours.
 */

export interface ActorGraphInput {
  actors: string[];
  /** n×n, symmetric, ≥ 0, e.g. 2CAA: dense rows or the non-zero cells. The diagonal is ignored. */
  convergence: MatrixInput;
  /** Declared cooperations between two actors (either order); each one adds `cooperationWeight`. */
  cooperations: [string, string][];
  /**
   * What one declared cooperation adds to the pair's weight. Default: the largest convergence
   * in the matrix (1 when there is none), so a cooperation counts as much as the strongest
   * convergence whatever the order of the matrix passed (1CAA, 2CAA or 3CAA).
   */
  cooperationWeight?: number;
}

export interface CoalitionInput extends ActorGraphInput {
  /** Louvain resolution; above 1 gives more, smaller communities. Default 1. */
  resolution?: number;
  /** Seed of the RNG Louvain draws its visiting order from. Default 1. */
  seed?: number;
}

export interface Community {
  id: number;
  /** In the order of `actors`. */
  members: string[];
}

export interface Coalitions {
  /** Largest first; equal sizes in the order of their first member. Ids are 0, 1, 2… in that order. */
  communities: Community[];
  /** Modularity of the partition at the given resolution; 0 when the graph has no edges. */
  modularity: number;
  membership: Record<string, number>;
}

export interface Broker {
  actor: string;
  /** Normalised betweenness, in [0, 1]. */
  betweenness: number;
}

export interface Ecosystem {
  id: string;
  name: string;
  memberIds: string[];
}

export interface EcosystemComparison {
  ecosystemId: string;
  name: string;
  /** The best-matching community (Jaccard), or null when no community shares a member. */
  community: { id: number; jaccard: number } | null;
  /** Actors of the community missing from the ecosystem. */
  add: string[];
  /** Analysed members of the ecosystem outside the community. */
  remove: string[];
  /** Members of the ecosystem that are in no community (not analysed): no evidence either way. */
  outside: string[];
}

export const DEFAULT_SEED = 1;

interface EdgeAttributes {
  weight: number;
  /** 1/weight: a strong tie is a short distance, for shortest paths. */
  distance: number;
}

type ActorGraph = UndirectedGraph<Record<string, never>, EdgeAttributes>;

/**
 * Coalitions: Louvain communities on the undirected weighted actor graph (edge weight =
 * convergence + cooperationWeight × declared cooperations). The RNG is seeded, so the same input
 * gives the same communities. Actors with no edge are singleton communities.
 */
export function coalitions(input: CoalitionInput): Coalitions {
  const options = louvainOptions(input);
  return detectCoalitions(buildActorGraph(input), input.actors, options);
}

/** Coalitions and brokers on one actor graph, built once: the review asks for both. */
export function actorNetwork(input: CoalitionInput): { coalitions: Coalitions; brokers: Broker[] } {
  const options = louvainOptions(input);
  const graph = buildActorGraph(input);
  return { coalitions: detectCoalitions(graph, input.actors, options), brokers: rankBrokers(graph, input.actors) };
}

function louvainOptions(input: CoalitionInput): { resolution: number; seed: number } {
  const resolution = input.resolution ?? 1;
  if (!(Number.isFinite(resolution) && resolution > 0)) {
    throw new RangeError(`coalitions: resolution ${String(resolution)} must be a positive number`);
  }
  const seed = input.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`coalitions: seed ${String(seed)} must be a finite number`);
  return { resolution, seed };
}

function detectCoalitions(
  graph: ActorGraph,
  actors: string[],
  { resolution, seed }: { resolution: number; seed: number },
): Coalitions {
  // With no edge, graphology-louvain puts every node alone and reports a NaN modularity: the
  // modularity of the singleton partition of an edgeless graph is taken as 0.
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
  const modularity = graph.size === 0 || !Number.isFinite(detailed.modularity) ? 0 : detailed.modularity;

  // Renumber deterministically: Louvain's labels depend on its internal order.
  const byLabel = new Map<number, string[]>();
  for (const actor of actors) {
    const label = detailed.communities[actor] ?? -1;
    const members = byLabel.get(label);
    if (members) members.push(actor);
    else byLabel.set(label, [actor]);
  }
  const order = new Map(actors.map((actor, i) => [actor, i]));
  const groups = [...byLabel.values()].sort(
    (p, q) => q.length - p.length || (order.get(p[0] ?? '') ?? 0) - (order.get(q[0] ?? '') ?? 0),
  );
  const communities = groups.map((members, id) => ({ id, members }));
  const membership: Record<string, number> = {};
  for (const { id, members } of communities) for (const actor of members) membership[actor] = id;
  return { communities, modularity, membership };
}

/**
 * Brokers: normalised betweenness centrality on the same graph, highest first (ties in actor
 * order). Weighted, with distance = 1/weight: the actor graph is often dense (two actors agreeing
 * on a single objective already share an edge), so unweighted betweenness would be close to 0 for
 * everyone; with distances, a path through two strong ties beats a weak direct tie, which is what
 * a broker is. Betweenness reads weights as lengths, hence the inverse.
 * Normalised by graphology as 1/((n−1)(n−2)) over both orientations of each pair, i.e. the share
 * of the pairs of other actors whose shortest paths go through the actor (the hub of a star: 1).
 */
export function brokers(input: ActorGraphInput): Broker[] {
  return rankBrokers(buildActorGraph(input), input.actors);
}

function rankBrokers(graph: ActorGraph, actors: string[]): Broker[] {
  // Without an edge nobody lies between anybody: answer 0 directly (graphology's weighted Brandes
  // also throws on a graph with no node, its stack being sized by the node count).
  const centrality: Record<string, number> =
    graph.size === 0 ? {} : betweennessCentrality(graph, { getEdgeWeight: 'distance', normalized: true });
  return actors.map((actor) => ({ actor, betweenness: centrality[actor] ?? 0 })).sort((p, q) => q.betweenness - p.betweenness);
}

/**
 * For each declared ecosystem, the detected community with the highest Jaccard index
 * |E ∩ C| / |E ∪ C| (ties: larger overlap, then lower community id), the actors that community
 * would add and those it would remove. Only members that appear in some community (the analysed
 * actors) take part; the others are listed in `outside` and never proposed for removal.
 */
export function compareWithEcosystems(communities: Community[], ecosystems: Ecosystem[]): EcosystemComparison[] {
  const analysed = new Set(communities.flatMap((c) => c.members));
  return ecosystems.map((ecosystem) => {
    const memberIds = [...new Set(ecosystem.memberIds)];
    const members = memberIds.filter((id) => analysed.has(id));
    const outside = memberIds.filter((id) => !analysed.has(id));
    const memberSet = new Set(members);

    let best: { community: Community; overlap: number; jaccard: number } | null = null;
    for (const community of communities) {
      const overlap = community.members.filter((a) => memberSet.has(a)).length;
      if (overlap === 0) continue;
      const jaccard = overlap / (members.length + community.members.length - overlap);
      const better =
        best === null ||
        jaccard > best.jaccard ||
        (jaccard === best.jaccard && (overlap > best.overlap || (overlap === best.overlap && community.id < best.community.id)));
      if (better) best = { community, overlap, jaccard };
    }
    if (best === null) return { ecosystemId: ecosystem.id, name: ecosystem.name, community: null, add: [], remove: [], outside };

    const inCommunity = new Set(best.community.members);
    return {
      ecosystemId: ecosystem.id,
      name: ecosystem.name,
      community: { id: best.community.id, jaccard: best.jaccard },
      add: best.community.members.filter((a) => !memberSet.has(a)),
      remove: members.filter((a) => !inCommunity.has(a)),
      outside,
    };
  });
}

/**
 * The undirected actor graph; a pair with weight 0 has no edge. Edges are added pair by pair in
 * the actor order (a before b), as the community detection's result depends on that order; only
 * the pairs with a convergence or a cooperation are visited.
 */
function buildActorGraph(input: ActorGraphInput): ActorGraph {
  const { actors, cooperations } = input;
  const convergence = actorGraphConvergence(input);
  const cooperationWeight = input.cooperationWeight ?? defaultCooperationWeight(convergence);

  // Declared cooperations per pair, under the lower index of the two.
  const index = new Map(actors.map((actor, i) => [actor, i]));
  const cooperationCount = new Map<number, Map<number, number>>();
  for (const [a, b] of cooperations) {
    const i = index.get(a) ?? -1;
    const j = index.get(b) ?? -1;
    const [low, high] = [Math.min(i, j), Math.max(i, j)];
    let row = cooperationCount.get(low);
    if (!row) cooperationCount.set(low, (row = new Map()));
    row.set(high, (row.get(high) ?? 0) + 1);
  }

  const graph: ActorGraph = new UndirectedGraph<Record<string, never>, EdgeAttributes>();
  for (const actor of actors) graph.addNode(actor);
  const { rowStart, columns } = convergence;
  actors.forEach((a, i) => {
    const declared = cooperationCount.get(i);
    const partners = new Set<number>(declared?.keys());
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) if (columns[p]! > i) partners.add(columns[p]!);
    for (const j of [...partners].sort((x, y) => x - y)) {
      const weight = matrixCell(convergence, i, j) + cooperationWeight * (declared?.get(j) ?? 0);
      if (weight > 0) graph.addEdge(a, actors[j]!, { weight, distance: 1 / weight });
    }
  });
  return graph;
}

/** The strongest convergence off the diagonal, 1 when there is none. */
function defaultCooperationWeight(convergence: SparseMatrix): number {
  let strongest = 0;
  for (let i = 0; i < convergence.rowCount; i++) {
    for (let p = convergence.rowStart[i]!; p < convergence.rowStart[i + 1]!; p++) {
      if (convergence.columns[p] !== i) strongest = Math.max(strongest, convergence.values[p]!);
    }
  }
  return strongest > 0 ? strongest : 1;
}

/** Validates the input and returns its convergence as non-zero cells. */
function actorGraphConvergence(input: ActorGraphInput): SparseMatrix {
  const { actors, convergence, cooperations, cooperationWeight } = input;
  const n = actors.length;
  const actorSet = new Set(actors);
  if (actorSet.size !== n) throw new RangeError('actor graph: actors must be distinct');
  const symmetric = (x: number, mirror: number) => Math.abs(x - mirror) <= 1e-9 * Math.max(1, Math.abs(x));
  const problem = (x: number) => (Number.isFinite(x) && x >= 0 ? null : 'must be a finite number ≥ 0');
  let cells: SparseMatrix;
  if (isSparseMatrix(convergence)) {
    // Only the non-zero cells are read: a cell whose mirror is 0 is checked from its own side.
    assertSparseMatrix(convergence, 'actor graph: convergence', n, n, (i, j, x) => (i === j ? null : problem(x)));
    assertSparseMatrix(convergence, 'actor graph: convergence', n, n, (i, j, x) => {
      const mirror = matrixCell(convergence, j, i);
      return i === j || symmetric(x, mirror) ? null : `but [${j}][${i}] = ${mirror}: it must be symmetric`;
    });
    cells = convergence;
  } else {
    if (
      !Array.isArray(convergence) ||
      convergence.length !== n ||
      convergence.some((row) => !Array.isArray(row) || row.length !== n)
    ) {
      throw new RangeError(`actor graph: convergence must be ${n}×${n}, one row and one column per actor`);
    }
    convergence.forEach((row, i) => {
      row.forEach((x, j) => {
        if (i === j) return;
        if (problem(x) !== null)
          throw new RangeError(`actor graph: convergence[${i}][${j}] = ${String(x)} must be a finite number ≥ 0`);
        const mirror = convergence[j]?.[i] ?? Number.NaN;
        if (!symmetric(x, mirror)) {
          throw new RangeError(`actor graph: convergence must be symmetric, [${i}][${j}] = ${x} but [${j}][${i}] = ${mirror}`);
        }
      });
    });
    cells = toSparseMatrix(convergence, n, (i, j) => i !== j);
  }
  for (const pair of cooperations) {
    const [a, b] = pair;
    if (!actorSet.has(a) || !actorSet.has(b)) {
      throw new RangeError(`actor graph: cooperation ${a} – ${b} names an actor outside the analysis`);
    }
    if (a === b) throw new RangeError(`actor graph: cooperation of ${a} with itself`);
  }
  if (cooperationWeight !== undefined && !(Number.isFinite(cooperationWeight) && cooperationWeight >= 0)) {
    throw new RangeError(`actor graph: cooperationWeight ${String(cooperationWeight)} must be a finite number ≥ 0`);
  }
  return cells;
}
