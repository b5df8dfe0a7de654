/**
 * MACTOR (Michel Godet, LIPSOR: Méthode ACTeurs, Objectifs, Rapports de force), with the
 * definitions of the analysis brief (ANALYSIS.md). Pure functions: plain matrices in, plain
 * numbers out, labels kept alongside so the result can be serialised as is.
 *
 * The matrices are sparse (sparse-matrix.ts) and every sum runs over non-zero influences and
 * positions only: MIDI costs Σ_k in(k)·out(k) instead of n³, and kCAA/kDAA Σ_j (positions on j)²
 * instead of n²·m. Each sum adds its non-zero terms in the order the dense definition does
 * (ascending k, j or b; the zeros it skips add nothing), so the numbers are exactly those of the
 * dense computation, which mactor.reference.ts keeps as the tests' oracle.
 *
 * Indices: i, j, a, b are actors (0…n-1), j in a MAO is an objective (0…m-1).
 */
import {
  SparseRows,
  assertSparseMatrix,
  isSparseMatrix,
  matrixCell,
  toSparseMatrix,
  transpose,
  type MatrixInput,
  type SparseMatrix,
} from './sparse-matrix.ts';

export interface MactorInput {
  actors: string[];
  objectives: string[];
  /** n×n direct influence of actor i on actor j, 0…4. The diagonal is ignored (read as 0). */
  mid: MatrixInput;
  /** n×m position of actor i on objective j, −4…4. */
  mao2: MatrixInput;
}

/** The three orders of the actor × objective matrices: 1MAO (signs), 2MAO (positions), 3MAO (weighted). */
export type MaoOrder = 1 | 2 | 3;
export const MAO_ORDERS: readonly MaoOrder[] = [1, 2, 3];

/**
 * The order the UI shows first (convergence graphs, ambivalence): 2. It is what the actors
 * stated, with their stakes, and does not depend on the influence matrix being complete, which
 * it rarely is early in a project; order 3 is the "with power" reading beside it.
 */
export const DEFAULT_MAO_ORDER: MaoOrder = 2;

/**
 * How the balance of power r* was obtained.
 * - COMPUTED: from the definitions.
 * - NO_ACTORS: n = 0, nothing to compute.
 * - SINGLE_ACTOR: n = 1, a balance of power with nobody is meaningless: r* = 1.
 * - NO_INFLUENCE: no influence recorded (Σ I = 0): r* = 1 for everyone, so 3MAO = 2MAO.
 * - NO_NET_INFLUENCE: influence is recorded but every r_i is 0 (all of it comes back to its
 *   author, e.g. two actors with equal mutual influence): r* = 1 for everyone.
 */
export type PowerStatus = 'COMPUTED' | 'NO_ACTORS' | 'SINGLE_ACTOR' | 'NO_INFLUENCE' | 'NO_NET_INFLUENCE';

export type MactorNoteCode =
  | Exclude<PowerStatus, 'COMPUTED'>
  /** I_i + D_i = 0: the actor neither influences nor depends on anyone; its r_i is set to 0. */
  | 'NO_INFLUENCE_NOR_DEPENDENCE'
  /** r*_i = 0 while the balance of power was computed: the actor's positions vanish from 3MAO. */
  | 'ZERO_POWER'
  /** A zero row in 2MAO: the actor takes no position; its CAA/DAA are 0, its ambivalence null. */
  | 'NO_POSITION';

export interface MactorNote {
  code: MactorNoteCode;
  /** The actors concerned (labels); empty for notes about the whole project. */
  actors: string[];
  /** For developers and logs; the UI translates the code. */
  message: string;
}

export interface OrderAnalysis {
  order: MaoOrder;
  /** n×m kMAO. */
  mao: SparseMatrix;
  /** Per objective: Σ of the positive entries of its column. */
  agreement: number[];
  /** Per objective: Σ of the negative entries of its column (≤ 0). */
  disagreement: number[];
  /** Per objective: agreement + |disagreement|. */
  mobilisation: number[];
  /** n×n kCAA, symmetric, diagonal 0. */
  caa: SparseMatrix;
  /** n×n kDAA, symmetric, diagonal 0. */
  daa: SparseMatrix;
  /** 100 · ΣCAA / (ΣCAA + ΣDAA), null when both sums are 0. */
  degreeOfConvergence: number | null;
  /** Per actor EQ_a, in [0, 1]; null when the actor has neither convergence nor divergence. */
  ambivalence: (number | null)[];
}

export interface MactorResult {
  actors: string[];
  objectives: string[];
  /** MID as used: the input with its diagonal set to 0. */
  mid: SparseMatrix;
  midi: SparseMatrix;
  /** I_i = Σ_j MIDI_ij − MIDI_ii. */
  influence: number[];
  /** D_i = Σ_j MIDI_ji − MIDI_ii. */
  dependence: number[];
  /** r_i. */
  balanceOfPower: number[];
  /**
   * r*_i = n′ · r_i / Σ r_k over the n′ actors whose power was assessed (at least one influence
   * given or received), mean 1 among them; 0 for the others (see powerAssessed). All 1 when the
   * status is not COMPUTED.
   */
  normalisedBalanceOfPower: number[];
  /** Per actor: false when the balance of power was computed but the actor has no influence given or received. */
  powerAssessed: boolean[];
  powerStatus: PowerStatus;
  /** BNI_ab = MIDI_ab − MIDI_ba (antisymmetric). */
  netBalance: SparseMatrix;
  orders: Record<MaoOrder, OrderAnalysis>;
  /** Per actor: Σ_j |3MAO_ij|. */
  actorMobilisation: number[];
  notes: MactorNote[];
}

export const MID_MAX = 4;
export const POSITION_MAX = 4;

/**
 * MIDI_ij = MID_ij + Σ_k min(MID_ik, MID_kj), the sum over every actor k as in Godet's MACTOR.
 * With the diagonal of MID read as 0 (and MID ≥ 0), k = i adds min(0, MID_ij) = 0 and k = j adds
 * min(MID_ij, 0) = 0, so summing over all k or over k ∉ {i, j} gives the same matrix.
 * MIDI_ii = Σ_k min(MID_ik, MID_ki) is the influence that comes back to i (retroaction).
 */
export function midi(mid: MatrixInput): SparseMatrix {
  return computeMidi(influenceMatrix(mid, isSparseMatrix(mid) ? mid.rowCount : Array.isArray(mid) ? mid.length : 0));
}

export function analyseMactor(input: MactorInput): MactorResult {
  assertLabels(input.actors, 'actors');
  assertLabels(input.objectives, 'objectives');
  const actors = [...input.actors];
  const objectives = [...input.objectives];
  const mid = influenceMatrix(input.mid, actors.length);
  const mao2 = positionMatrix(input.mao2, actors.length, objectives.length);
  const midiMatrix = computeMidi(mid);

  const { retroaction, influence, dependence } = influenceAndDependence(midiMatrix);
  const power = computePower(retroaction, influence, dependence);
  const netBalance = computeNetBalance(midiMatrix);

  const mao1 = mapValues(mao2, (x) => plain(Math.sign(x)));
  const mao3 = mapValues(mao2, (x, i) => plain((power.rStar[i] ?? 1) * x));
  const orders: Record<MaoOrder, OrderAnalysis> = {
    1: analyseOrder(1, mao1),
    2: analyseOrder(2, mao2),
    3: analyseOrder(3, mao3),
  };

  return {
    actors,
    objectives,
    mid,
    midi: midiMatrix,
    influence,
    dependence,
    balanceOfPower: power.r,
    normalisedBalanceOfPower: power.rStar,
    powerAssessed: assessedFlags(actors.length, power.isolated),
    powerStatus: power.status,
    netBalance,
    orders,
    actorMobilisation: rowSums(mao3, Math.abs),
    notes: buildNotes(actors, power, mao2),
  };
}

export interface Divergence {
  a: string;
  b: string;
  /** kDAA_ab. */
  divergence: number;
  /** kCAA_ab, to show beside it (a pair can be both ally and opponent). */
  convergence: number;
}

/**
 * Actor pairs (a before b in the actor order, kDAA_ab > 0) by kDAA descending; ties keep the
 * actor order. `exclude` drops pairs in either orientation, e.g. those that already have a
 * conflict recorded, to list the "divergences not yet put to work".
 */
export function strongestDivergences(
  result: MactorResult,
  k: MaoOrder,
  limit: number = Number.POSITIVE_INFINITY,
  exclude: readonly (readonly [string, string])[] = [],
): Divergence[] {
  if (!MAO_ORDERS.includes(k)) throw new RangeError(`strongestDivergences: order ${String(k)} is not 1, 2 or 3`);
  if (!(limit >= 0 && (Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY))) {
    throw new RangeError(`strongestDivergences: limit ${String(limit)} must be a non-negative integer`);
  }
  // Excluded partners per actor, both orientations (a review excludes tens of thousands of pairs).
  const skip = new Map<string, Set<string>>();
  const addExcluded = (a: string, b: string) => {
    const partners = skip.get(a);
    if (partners) partners.add(b);
    else skip.set(a, new Set([b]));
  };
  for (const [a, b] of exclude) {
    addExcluded(a, b);
    addExcluded(b, a);
  }
  const { caa, daa } = result.orders[k];
  const { actors } = result;
  const pairs: Divergence[] = [];
  for (let i = 0; i < daa.rowCount; i++) {
    const a = actors[i] ?? '';
    for (let p = daa.rowStart[i]!; p < daa.rowStart[i + 1]!; p++) {
      const j = daa.columns[p]!;
      const divergence = daa.values[p]!;
      const b = actors[j] ?? '';
      if (j > i && divergence > 0 && !skip.get(a)?.has(b)) pairs.push({ a, b, divergence, convergence: matrixCell(caa, i, j) });
    }
  }
  // Array.prototype.sort is stable: equal divergences stay in actor order.
  return pairs.sort((p, q) => q.divergence - p.divergence).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Influence and balance of power

/**
 * Row i of MIDI accumulates min(MID_ik, MID_kj) over the actors k that i influences (ascending,
 * as the dense sum over k) and the actors j that k influences; the direct MID_ij is added last,
 * as in MID_ij + Σ_k. Scratch rows of length n are reused, so only the cells touched are visited.
 */
function computeMidi(mid: SparseMatrix): SparseMatrix {
  const n = mid.rowCount;
  const { rowStart, columns, values } = mid;
  const indirect = new Float64Array(n);
  const direct = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const touch = (j: number) => {
    if (seen[j] === 0) {
      seen[j] = 1;
      touched.push(j);
    }
  };
  const out = new SparseRows(n, n);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const k = columns[p]!;
      const ik = values[p]!;
      direct[k] = ik;
      touch(k);
      for (let q = rowStart[k]!; q < rowStart[k + 1]!; q++) {
        const j = columns[q]!;
        indirect[j]! += Math.min(ik, values[q]!);
        touch(j);
      }
    }
    touched.sort(ascending);
    for (const j of touched) {
      out.push(j, direct[j]! + indirect[j]!);
      direct[j] = 0;
      indirect[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
    out.endRow();
  }
  return out.done();
}

/** Retroaction MIDI_ii, I_i = Σ_j MIDI_ij − MIDI_ii and D_i = Σ_j MIDI_ji − MIDI_ii. */
function influenceAndDependence(midiMatrix: SparseMatrix): { retroaction: number[]; influence: number[]; dependence: number[] } {
  const n = midiMatrix.rowCount;
  const { rowStart, columns, values } = midiMatrix;
  const retroaction = Array<number>(n).fill(0);
  const rowTotal = Array<number>(n).fill(0);
  // Rows are visited in ascending order, so each column sum adds its cells top to bottom.
  const columnTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const j = columns[p]!;
      const x = values[p]!;
      total += x;
      columnTotal[j]! += x;
      if (j === i) retroaction[i] = x;
    }
    rowTotal[i] = total;
  }
  return {
    retroaction,
    influence: rowTotal.map((total, i) => total - (retroaction[i] ?? 0)),
    dependence: retroaction.map((retro, i) => (columnTotal[i] ?? 0) - retro),
  };
}

/** BNI_ab = MIDI_ab − MIDI_ba: row a of MIDI merged with row a of its transpose. */
function computeNetBalance(midiMatrix: SparseMatrix): SparseMatrix {
  const n = midiMatrix.rowCount;
  const t = transpose(midiMatrix);
  const out = new SparseRows(n, n);
  for (let a = 0; a < n; a++) {
    let p = midiMatrix.rowStart[a]!;
    let q = t.rowStart[a]!;
    const pEnd = midiMatrix.rowStart[a + 1]!;
    const qEnd = t.rowStart[a + 1]!;
    while (p < pEnd || q < qEnd) {
      const bp = p < pEnd ? midiMatrix.columns[p]! : n;
      const bq = q < qEnd ? t.columns[q]! : n;
      const b = Math.min(bp, bq);
      const ab = bp === b ? midiMatrix.values[p++]! : 0;
      const ba = bq === b ? t.values[q++]! : 0;
      out.push(b, ab - ba);
    }
    out.endRow();
  }
  return out.done();
}

interface Power {
  r: number[];
  rStar: number[];
  status: PowerStatus;
  /** Indices of actors with I_i + D_i = 0 (only reported when influence is recorded). */
  isolated: number[];
}

function computePower(retroaction: number[], influence: number[], dependence: number[]): Power {
  const n = influence.length;
  const ones = influence.map(() => 1);
  const zeros = influence.map(() => 0);
  if (n === 0) return { r: [], rStar: [], status: 'NO_ACTORS', isolated: [] };
  if (n === 1) return { r: zeros, rStar: ones, status: 'SINGLE_ACTOR', isolated: [] };
  const totalInfluence = sum(influence);
  if (totalInfluence === 0) return { r: zeros, rStar: ones, status: 'NO_INFLUENCE', isolated: [] };

  const isolated: number[] = [];
  const r = influence.map((ii, i) => {
    const di = dependence[i] ?? 0;
    if (ii + di === 0) {
      // 0/0: no influence (so I_i − MIDI_ii = 0 too) and no dependence; the limit is 0.
      isolated.push(i);
      return 0;
    }
    // I_i − MIDI_ii ≥ 0: I_i ≥ Σ_{j≠i} MID_ij ≥ Σ_k min(MID_ik, MID_ki) = MIDI_ii. The clamp only
    // absorbs rounding when positions are not integers, so r_i ≥ 0 and Σ r_k = 0 iff all are 0.
    const net = Math.max(0, ii - (retroaction[i] ?? 0));
    return (net / totalInfluence) * (ii / (ii + di));
  });
  const totalR = sum(r);
  if (totalR === 0) return { r, rStar: ones, status: 'NO_NET_INFLUENCE', isolated };
  // r* is normalised over the actors whose power was assessed (ANALYSIS.md, clarified
  // 2026-11-30): an actor with no influence given or received is not a zero that would inflate
  // everyone else's r*. Its r* stays 0 (its positions weigh nothing in 3MAO) and it is listed apart.
  const assessed = n - isolated.length;
  const unassessed = new Set(isolated);
  return { r, rStar: r.map((ri, i) => (unassessed.has(i) ? 0 : (assessed * ri) / totalR)), status: 'COMPUTED', isolated };
}

/** Per actor, whether its power was assessed: all but the isolated ones. */
function assessedFlags(n: number, isolated: number[]): boolean[] {
  const flags = Array<boolean>(n).fill(true);
  for (const i of isolated) flags[i] = false;
  return flags;
}

// ---------------------------------------------------------------------------------------------
// Objectives, convergence and divergence

function analyseOrder(order: MaoOrder, mao: SparseMatrix): OrderAnalysis {
  const n = mao.rowCount;
  const m = mao.columnCount;
  // Per objective, Σ of the positive and of the negative entries, top to bottom.
  const positive = new Float64Array(m);
  const negative = new Float64Array(m);
  for (let p = 0; p < mao.values.length; p++) {
    const x = mao.values[p]!;
    if (x > 0) positive[mao.columns[p]!]! += x;
    else if (x < 0) negative[mao.columns[p]!]! += x;
  }
  const agreement = Array.from(positive);
  const disagreement = Array.from(negative);
  const mobilisation = agreement.map((ag, j) => ag + Math.abs(disagreement[j] ?? 0));

  // kCAA_ab / kDAA_ab = ½ Σ_j (|kMAO_aj| + |kMAO_bj|) over objectives where the product is > 0 / < 0.
  // Row a: for each objective j a takes a position on (ascending), every other actor b with a
  // position on j. Pairs with no objective in common are never visited: they are 0.
  const byObjective = transpose(mao);
  const caa = new SparseRows(n, n);
  const daa = new SparseRows(n, n);
  const agree = new Float64Array(n);
  const oppose = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  let totalCaa = 0;
  let totalDaa = 0;
  const ambivalence: (number | null)[] = [];
  for (let a = 0; a < n; a++) {
    for (let p = mao.rowStart[a]!; p < mao.rowStart[a + 1]!; p++) {
      const j = mao.columns[p]!;
      const x = mao.values[p]!;
      for (let q = byObjective.rowStart[j]!; q < byObjective.rowStart[j + 1]!; q++) {
        const b = byObjective.columns[q]!;
        if (b === a) continue;
        const y = byObjective.values[q]!;
        const product = x * y;
        if (product > 0) agree[b]! += (Math.abs(x) + Math.abs(y)) / 2;
        else if (product < 0) oppose[b]! += (Math.abs(x) + Math.abs(y)) / 2;
        else continue;
        if (seen[b] === 0) {
          seen[b] = 1;
          touched.push(b);
        }
      }
    }
    // EQ_a = 1 − Σ_b ||CAA_ab| − |DAA_ab|| / Σ_b (|CAA_ab| + |DAA_ab|); the pairs not touched add 0.
    touched.sort(ascending);
    let rowCaa = 0;
    let rowDaa = 0;
    let gap = 0;
    let total = 0;
    for (const b of touched) {
      const c = agree[b]!;
      const d = oppose[b]!;
      caa.push(b, c);
      daa.push(b, d);
      rowCaa += c;
      rowDaa += d;
      gap += Math.abs(Math.abs(c) - Math.abs(d));
      total += Math.abs(c) + Math.abs(d);
      agree[b] = 0;
      oppose[b] = 0;
      seen[b] = 0;
    }
    touched.length = 0;
    caa.endRow();
    daa.endRow();
    totalCaa += rowCaa;
    totalDaa += rowDaa;
    ambivalence.push(total === 0 ? null : 1 - gap / total);
  }
  const degreeOfConvergence = totalCaa + totalDaa === 0 ? null : (100 * totalCaa) / (totalCaa + totalDaa);

  return {
    order,
    mao,
    agreement,
    disagreement,
    mobilisation,
    caa: caa.done(),
    daa: daa.done(),
    degreeOfConvergence,
    ambivalence,
  };
}

function buildNotes(actors: string[], power: Power, mao2: SparseMatrix): MactorNote[] {
  const notes: MactorNote[] = [];
  const labels = (indices: number[]) => indices.map((i) => actors[i] ?? '');
  switch (power.status) {
    case 'NO_ACTORS':
      notes.push({ code: 'NO_ACTORS', actors: [], message: 'No actors: nothing to analyse.' });
      break;
    case 'SINGLE_ACTOR':
      notes.push({ code: 'SINGLE_ACTOR', actors: [...actors], message: 'A single actor: no balance of power, r* = 1.' });
      break;
    case 'NO_INFLUENCE':
      notes.push({ code: 'NO_INFLUENCE', actors: [], message: 'No influence recorded: r* = 1 for every actor, 3MAO = 2MAO.' });
      break;
    case 'NO_NET_INFLUENCE':
      notes.push({
        code: 'NO_NET_INFLUENCE',
        actors: [],
        message: 'Every r_i is 0 (all influence comes back to its author): r* = 1 for every actor, 3MAO = 2MAO.',
      });
      break;
    case 'COMPUTED':
      break;
  }
  if (power.isolated.length > 0) {
    notes.push({
      code: 'NO_INFLUENCE_NOR_DEPENDENCE',
      actors: labels(power.isolated),
      message: 'Power not assessed: no influence given or received (I + D = 0); r* left out of the normalisation and set to 0.',
    });
  }
  if (power.status === 'COMPUTED') {
    // The actors whose power was not assessed have their own note, not this one.
    const unassessed = new Set(power.isolated);
    const powerless = power.rStar.flatMap((x, i) => (x === 0 && !unassessed.has(i) ? [i] : []));
    if (powerless.length > 0) {
      notes.push({ code: 'ZERO_POWER', actors: labels(powerless), message: 'r* = 0: these positions weigh nothing in 3MAO.' });
    }
  }
  // A row with no cell is a zero row; with no objective at all, there is nothing to take a position on.
  const silent = actors.flatMap((_, i) => (mao2.rowStart[i] === mao2.rowStart[i + 1] ? [i] : []));
  if (silent.length > 0 && mao2.columnCount > 0) {
    notes.push({ code: 'NO_POSITION', actors: labels(silent), message: 'No position on any objective.' });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Validation: callers build these matrices, so a malformed one is a programming error.

/** MID as used: validated, copied, without its diagonal. */
function influenceMatrix(mid: MatrixInput, n: number): SparseMatrix {
  const outOfRange = (x: unknown) => !(typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MID_MAX);
  if (isSparseMatrix(mid)) {
    assertSparseMatrix(mid, 'MACTOR: mid', n, n, (i, j, x) =>
      i !== j && outOfRange(x) ? `is not an influence between 0 and ${MID_MAX}` : null,
    );
    return mapValues(mid, (x, i, j) => (i === j ? 0 : x));
  }
  assertMid(mid, n, outOfRange);
  return toSparseMatrix(mid, n, (i, j) => i !== j);
}

/** 2MAO as used: validated and copied. */
function positionMatrix(mao2: MatrixInput, n: number, objectiveCount: number): SparseMatrix {
  const outOfRange = (x: number) => !(Number.isFinite(x) && x >= -POSITION_MAX && x <= POSITION_MAX);
  const problem = `is not a position between -${POSITION_MAX} and ${POSITION_MAX}`;
  if (isSparseMatrix(mao2)) {
    assertSparseMatrix(mao2, 'MACTOR: mao2', n, objectiveCount, (_, __, x) => (outOfRange(x) ? problem : null));
    return mapValues(mao2, (x) => x);
  }
  if (!Array.isArray(mao2) || mao2.length !== n) {
    throw new RangeError(`MACTOR: mao2 must have one row per actor (${n}), got ${describeLength(mao2)}`);
  }
  mao2.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== objectiveCount) {
      throw new RangeError(`MACTOR: mao2[${i}] must have one entry per objective (${objectiveCount}), got ${describeLength(r)}`);
    }
    r.forEach((x, j) => {
      if (outOfRange(x)) throw new RangeError(`MACTOR: mao2[${i}][${j}] = ${String(x)} ${problem}`);
    });
  });
  return toSparseMatrix(mao2, objectiveCount);
}

function assertLabels(labels: unknown, name: string): void {
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new RangeError(`MACTOR: ${name} must be an array of strings`);
  }
  const seen = new Set<string>();
  for (const label of labels as string[]) {
    if (seen.has(label)) throw new RangeError(`MACTOR: ${name} lists « ${label} » twice`);
    seen.add(label);
  }
}

/** Square n×n, off-diagonal entries in 0…4. The diagonal is not read, whatever it holds. */
function assertMid(mid: unknown, n: number, outOfRange: (x: unknown) => boolean): asserts mid is number[][] {
  if (!Array.isArray(mid) || mid.length !== n) {
    throw new RangeError(`MACTOR: mid must be ${n}×${n}, got ${describeLength(mid)} rows`);
  }
  mid.forEach((r: unknown, i) => {
    if (!Array.isArray(r) || r.length !== n) {
      throw new RangeError(`MACTOR: mid[${i}] must have ${n} entries, got ${describeLength(r)}`);
    }
    r.forEach((x: unknown, j) => {
      if (i === j) return;
      if (outOfRange(x)) {
        throw new RangeError(`MACTOR: mid[${i}][${j}] = ${String(x)} is not an influence between 0 and ${MID_MAX}`);
      }
    });
  });
}

function describeLength(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : typeof value;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** The same matrix with each cell mapped (cells mapped to 0 are dropped). */
function mapValues(matrix: SparseMatrix, f: (x: number, i: number, j: number) => number): SparseMatrix {
  const out = new SparseRows(matrix.rowCount, matrix.columnCount);
  for (let i = 0; i < matrix.rowCount; i++) {
    for (let p = matrix.rowStart[i]!; p < matrix.rowStart[i + 1]!; p++)
      out.push(matrix.columns[p]!, f(matrix.values[p]!, i, matrix.columns[p]!));
    out.endRow();
  }
  return out.done();
}

/** Per row, Σ_j f(x_ij) left to right (a zero cell adds f(0) = 0 and is skipped). */
function rowSums(matrix: SparseMatrix, f: (x: number) => number): number[] {
  return Array.from({ length: matrix.rowCount }, (_, i) => {
    let total = 0;
    for (let p = matrix.rowStart[i]!; p < matrix.rowStart[i + 1]!; p++) total += f(matrix.values[p]!);
    return total;
  });
}

function sum(values: number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** −0 → 0, so results compare and serialise plainly. */
function plain(x: number): number {
  return x === 0 ? 0 : x;
}
