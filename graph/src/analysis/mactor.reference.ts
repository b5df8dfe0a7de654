/**
 * The dense MACTOR implementation as it was before mactor.ts went sparse, kept verbatim as the
 * oracle of mactor.property.test.ts. Imported by tests only: O(n³) MIDI and O(n²·m) kCAA/kDAA,
 * every matrix allocated in full. Types are its own, so mactor.ts can change shape freely.
 */
import type { Divergence, MaoOrder, MactorNote, PowerStatus } from './mactor.ts';

export interface DenseMactorInput {
  actors: string[];
  objectives: string[];
  /** n×n direct influence of actor i on actor j, 0…4. The diagonal is ignored (read as 0). */
  mid: number[][];
  /** n×m position of actor i on objective j, −4…4. */
  mao2: number[][];
}

export interface DenseOrderAnalysis {
  order: MaoOrder;
  /** n×m kMAO. */
  mao: number[][];
  /** Per objective: Σ of the positive entries of its column. */
  agreement: number[];
  /** Per objective: Σ of the negative entries of its column (≤ 0). */
  disagreement: number[];
  /** Per objective: agreement + |disagreement|. */
  mobilisation: number[];
  /** n×n kCAA, symmetric, diagonal 0. */
  caa: number[][];
  /** n×n kDAA, symmetric, diagonal 0. */
  daa: number[][];
  /** 100 · ΣCAA / (ΣCAA + ΣDAA), null when both sums are 0. */
  degreeOfConvergence: number | null;
  /** Per actor EQ_a, in [0, 1]; null when the actor has neither convergence nor divergence. */
  ambivalence: (number | null)[];
}

export interface DenseMactorResult {
  actors: string[];
  objectives: string[];
  /** MID as used: the input with its diagonal set to 0. */
  mid: number[][];
  midi: number[][];
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
  netBalance: number[][];
  orders: Record<MaoOrder, DenseOrderAnalysis>;
  /** Per actor: Σ_j |3MAO_ij|. */
  actorMobilisation: number[];
  notes: MactorNote[];
}

const MID_MAX = 4;
const POSITION_MAX = 4;
const MAO_ORDERS: readonly MaoOrder[] = [1, 2, 3];

/**
 * MIDI_ij = MID_ij + Σ_k min(MID_ik, MID_kj), the sum over every actor k as in Godet's MACTOR.
 * With the diagonal of MID read as 0 (and MID ≥ 0), k = i adds min(0, MID_ij) = 0 and k = j adds
 * min(MID_ij, 0) = 0, so summing over all k or over k ∉ {i, j} gives the same matrix.
 * MIDI_ii = Σ_k min(MID_ik, MID_ki) is the influence that comes back to i (retroaction).
 */
export function midiReference(mid: number[][]): number[][] {
  assertMid(mid, mid.length);
  return computeMidi(withZeroDiagonal(mid));
}

export function analyseMactorReference(input: DenseMactorInput): DenseMactorResult {
  assertMactorInput(input);
  const actors = [...input.actors];
  const objectives = [...input.objectives];
  const n = actors.length;
  const mid = withZeroDiagonal(input.mid);
  const midiMatrix = computeMidi(mid);

  const retroaction = actors.map((_, i) => cell(midiMatrix, i, i));
  const influence = actors.map((_, i) => sum(row(midiMatrix, i)) - (retroaction[i] ?? 0));
  const dependence = actors.map((_, i) => sum(column(midiMatrix, i)) - (retroaction[i] ?? 0));
  const power = computePower(retroaction, influence, dependence);
  const netBalance = square(n, (a, b) => cell(midiMatrix, a, b) - cell(midiMatrix, b, a));

  const mao2 = input.mao2.map((r) => r.map(plain));
  const mao1 = mao2.map((r) => r.map((x) => plain(Math.sign(x))));
  const mao3 = mao2.map((r, i) => r.map((x) => plain((power.rStar[i] ?? 1) * x)));
  const orders: Record<MaoOrder, DenseOrderAnalysis> = {
    1: analyseOrder(1, mao1, objectives.length),
    2: analyseOrder(2, mao2, objectives.length),
    3: analyseOrder(3, mao3, objectives.length),
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
    actorMobilisation: mao3.map((r) => sum(r.map(Math.abs))),
    notes: buildNotes(actors, power, mao2),
  };
}

/**
 * Actor pairs (a before b in the actor order, kDAA_ab > 0) by kDAA descending; ties keep the
 * actor order. `exclude` drops pairs in either orientation, e.g. those that already have a
 * conflict recorded, to list the "divergences not yet put to work".
 */
export function strongestDivergencesReference(
  result: DenseMactorResult,
  k: MaoOrder,
  limit: number = Number.POSITIVE_INFINITY,
  exclude: readonly (readonly [string, string])[] = [],
): Divergence[] {
  if (!MAO_ORDERS.includes(k)) throw new RangeError(`strongestDivergences: order ${String(k)} is not 1, 2 or 3`);
  if (!(limit >= 0 && (Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY))) {
    throw new RangeError(`strongestDivergences: limit ${String(limit)} must be a non-negative integer`);
  }
  const skip = new Set(exclude.flatMap(([a, b]) => [pairKey(a, b), pairKey(b, a)]));
  const { caa, daa } = result.orders[k];
  const pairs: Divergence[] = [];
  result.actors.forEach((a, i) => {
    result.actors.forEach((b, j) => {
      const divergence = cell(daa, i, j);
      if (j > i && divergence > 0 && !skip.has(pairKey(a, b))) {
        pairs.push({ a, b, divergence, convergence: cell(caa, i, j) });
      }
    });
  });
  // Array.prototype.sort is stable: equal divergences stay in actor order.
  return pairs.sort((p, q) => q.divergence - p.divergence).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Influence and balance of power

function computeMidi(mid: number[][]): number[][] {
  const n = mid.length;
  return square(n, (i, j) => {
    let indirect = 0;
    for (let k = 0; k < n; k++) indirect += Math.min(cell(mid, i, k), cell(mid, k, j));
    return cell(mid, i, j) + indirect;
  });
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

function analyseOrder(order: MaoOrder, mao: number[][], objectiveCount: number): DenseOrderAnalysis {
  const n = mao.length;
  const columns = Array.from({ length: objectiveCount }, (_, j) => column(mao, j));
  const agreement = columns.map((c) => sum(c.filter((x) => x > 0)));
  const disagreement = columns.map((c) => sum(c.filter((x) => x < 0)));
  const mobilisation = agreement.map((ag, j) => ag + Math.abs(disagreement[j] ?? 0));

  // kCAA_ab / kDAA_ab = ½ Σ_j (|kMAO_aj| + |kMAO_bj|) over objectives where the product is > 0 / < 0.
  const pairSum = (a: number, b: number, agree: boolean): number => {
    if (a === b) return 0;
    let total = 0;
    for (let j = 0; j < objectiveCount; j++) {
      const x = cell(mao, a, j);
      const y = cell(mao, b, j);
      const product = x * y;
      if (agree ? product > 0 : product < 0) total += (Math.abs(x) + Math.abs(y)) / 2;
    }
    return total;
  };
  const caa = square(n, (a, b) => pairSum(a, b, true));
  const daa = square(n, (a, b) => pairSum(a, b, false));

  const totalCaa = sum(caa.map(sum));
  const totalDaa = sum(daa.map(sum));
  const degreeOfConvergence = totalCaa + totalDaa === 0 ? null : (100 * totalCaa) / (totalCaa + totalDaa);

  // EQ_a = 1 − Σ_b ||CAA_ab| − |DAA_ab|| / Σ_b (|CAA_ab| + |DAA_ab|); b = a adds 0 (diagonals 0).
  const ambivalence = caa.map((caaRow, a) => {
    let gap = 0;
    let total = 0;
    caaRow.forEach((c, b) => {
      const d = cell(daa, a, b);
      gap += Math.abs(Math.abs(c) - Math.abs(d));
      total += Math.abs(c) + Math.abs(d);
    });
    return total === 0 ? null : 1 - gap / total;
  });

  return { order, mao, agreement, disagreement, mobilisation, caa, daa, degreeOfConvergence, ambivalence };
}

function buildNotes(actors: string[], power: Power, mao2: number[][]): MactorNote[] {
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
  const silent = mao2.flatMap((r, i) => (r.every((x) => x === 0) ? [i] : []));
  if (silent.length > 0 && mao2.some((r) => r.length > 0)) {
    notes.push({ code: 'NO_POSITION', actors: labels(silent), message: 'No position on any objective.' });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Validation: callers build these matrices, so a malformed one is a programming error.

function assertMactorInput(input: DenseMactorInput): void {
  assertLabels(input.actors, 'actors');
  assertLabels(input.objectives, 'objectives');
  const n = input.actors.length;
  const objectiveCount = input.objectives.length;
  assertMid(input.mid, n);
  if (!Array.isArray(input.mao2) || input.mao2.length !== n) {
    throw new RangeError(`MACTOR: mao2 must have one row per actor (${n}), got ${describeLength(input.mao2)}`);
  }
  input.mao2.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== objectiveCount) {
      throw new RangeError(`MACTOR: mao2[${i}] must have one entry per objective (${objectiveCount}), got ${describeLength(r)}`);
    }
    r.forEach((x, j) => {
      if (!(Number.isFinite(x) && x >= -POSITION_MAX && x <= POSITION_MAX)) {
        throw new RangeError(
          `MACTOR: mao2[${i}][${j}] = ${String(x)} is not a position between -${POSITION_MAX} and ${POSITION_MAX}`,
        );
      }
    });
  });
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
function assertMid(mid: unknown, n: number): asserts mid is number[][] {
  if (!Array.isArray(mid) || mid.length !== n) {
    throw new RangeError(`MACTOR: mid must be ${n}×${n}, got ${describeLength(mid)} rows`);
  }
  mid.forEach((r: unknown, i) => {
    if (!Array.isArray(r) || r.length !== n) {
      throw new RangeError(`MACTOR: mid[${i}] must have ${n} entries, got ${describeLength(r)}`);
    }
    r.forEach((x: unknown, j) => {
      if (i === j) return;
      if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MID_MAX)) {
        throw new RangeError(`MACTOR: mid[${i}][${j}] = ${String(x)} is not an influence between 0 and ${MID_MAX}`);
      }
    });
  });
}

function describeLength(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : typeof value;
}

// ---------------------------------------------------------------------------------------------
// Small matrix helpers (indices are checked by construction; `?? 0` satisfies the type checker).

function cell(matrix: number[][], i: number, j: number): number {
  return matrix[i]?.[j] ?? 0;
}

function row(matrix: number[][], i: number): number[] {
  return matrix[i] ?? [];
}

function column(matrix: number[][], j: number): number[] {
  return matrix.map((r) => r[j] ?? 0);
}

function square(n: number, f: (i: number, j: number) => number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => f(i, j)));
}

function withZeroDiagonal(matrix: number[][]): number[][] {
  return matrix.map((r, i) => r.map((x, j) => (i === j ? 0 : plain(x))));
}

function sum(values: number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

/** −0 → 0, so results compare and serialise plainly. */
function plain(x: number): number {
  return x === 0 ? 0 : x;
}

function pairKey(a: string, b: string): string {
  return JSON.stringify([a, b]);
}
