import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import { MAO_ORDERS, analyseMactor, midi, strongestDivergences, type MactorResult } from './mactor.ts';
import {
  analyseMactorReference,
  midiReference,
  strongestDivergencesReference,
  type DenseMactorResult,
} from './mactor.reference.ts';
import { sparseMatrix, toDenseMatrix, type MatrixCell } from './sparse-matrix.ts';

/**
 * The sparse MACTOR against the dense reference (the implementation it replaced), on seeded
 * random inputs: every number bit for bit (toStrictEqual tells 0 from −0), every list in the same
 * order, the same power status and notes.
 */

/** The sparse result with each matrix written out in full, to compare with the reference's. */
function densified(result: MactorResult): DenseMactorResult {
  const order = (k: 1 | 2 | 3) => {
    const o = result.orders[k];
    return { ...o, mao: toDenseMatrix(o.mao), caa: toDenseMatrix(o.caa), daa: toDenseMatrix(o.daa) };
  };
  return {
    ...result,
    mid: toDenseMatrix(result.mid),
    midi: toDenseMatrix(result.midi),
    netBalance: toDenseMatrix(result.netBalance),
    orders: { 1: order(1), 2: order(2), 3: order(3) },
  };
}

interface Case {
  seed: number;
  actors: string[];
  objectives: string[];
  /** As recorded: in any order, possibly twice for a pair, on the diagonal, or 0. */
  influences: MatrixCell[];
  positions: MatrixCell[];
}

/** Dense matrices the way assemble.ts builds them: the strongest influence of a pair, the last position. */
function denseInputs(c: Case): { mid: number[][]; mao2: number[][] } {
  const n = c.actors.length;
  const mid = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (const [i, j, x] of c.influences) mid[i]![j] = Math.max(mid[i]![j]!, x);
  const mao2 = Array.from({ length: n }, () => Array<number>(c.objectives.length).fill(0));
  for (const [i, j, x] of c.positions) mao2[i]![j] = x;
  return { mid, mao2 };
}

function sparseInputs(c: Case) {
  const n = c.actors.length;
  return {
    mid: sparseMatrix(
      n,
      n,
      c.influences.map(([i, j, x]): MatrixCell => [i, j, Math.max(0, x)]),
      Math.max,
    ),
    mao2: sparseMatrix(n, c.objectives.length, c.positions),
  };
}

const KINDS = [
  'integers',
  'reals',
  'no influence',
  'mutual',
  'one actor',
  'no actor',
  'no objective',
  'silent',
  'dense',
] as const;

/** A random case; `kind` steers it towards one of the degenerate shapes. */
function randomCase(seed: number, kind: (typeof KINDS)[number]): Case {
  const rng = seededRandom(seed);
  const int = (k: number) => Math.floor(rng() * k);
  const n = kind === 'no actor' ? 0 : kind === 'one actor' ? 1 : kind === 'mutual' ? 2 + int(3) : 2 + int(24);
  const m = kind === 'no objective' ? 0 : 1 + int(12);
  const actors = Array.from({ length: n }, (_, i) => `a${i}`);
  const objectives = Array.from({ length: m }, (_, j) => `o${j}`);
  const reals = kind === 'reals';
  const influenceValue = () => (reals ? (rng() < 0.1 ? 0 : rng() * 4) : int(5));
  // Positions: negative, zero (also −0) and, for 'reals', values such as 0.1 whose sums round.
  const positionValue = () => {
    if (reals) return rng() < 0.1 ? -0 : Math.round((rng() * 8 - 4) * 10) / 10;
    return int(9) - 4;
  };

  const influences: MatrixCell[] = [];
  if (kind === 'mutual') {
    // Equal mutual influence between pairs: all of it comes back, Σ r = 0 (NO_NET_INFLUENCE) when alone.
    for (let a = 0; a + 1 < n; a += 2) {
      const x = 1 + int(4);
      influences.push([a, a + 1, x], [a + 1, a, x]);
    }
  } else if (kind !== 'no influence' && n > 0) {
    // Some actors are left out of every influence (disconnected); a few pairs recorded twice; the diagonal too.
    const connected = actors.map(() => rng() < 0.75);
    const count = kind === 'dense' ? n * n : int(n * 3);
    for (let t = 0; t < count; t++) {
      const i = int(n);
      const j = rng() < 0.05 ? i : int(n);
      if (!connected[i] || !connected[j]) continue;
      influences.push([i, j, influenceValue()]);
      if (rng() < 0.1) influences.push([i, j, influenceValue()]);
    }
  }

  const positions: MatrixCell[] = [];
  if (kind !== 'silent' && m > 0) {
    const speaking = actors.map(() => rng() < 0.85);
    const count = kind === 'dense' ? n * m : int(n * m * 0.5 + 1);
    for (let t = 0; t < count; t++) {
      const i = int(n);
      if (n === 0 || !speaking[i]) continue;
      const j = int(m);
      positions.push([i, j, positionValue()]);
      // A position recorded twice: the later one counts, even when it is 0.
      if (rng() < 0.1) positions.push([i, j, rng() < 0.3 ? 0 : positionValue()]);
    }
  }
  return { seed, actors, objectives, influences, positions };
}

const cases: Case[] = [];
for (let seed = 1; seed <= 400; seed++) cases.push(randomCase(seed, KINDS[seed % KINDS.length]!));

describe('sparse MACTOR = dense reference, on seeded random inputs', () => {
  it('covers the degenerate shapes', () => {
    const statuses = new Set(
      cases.map((c) => analyseMactor({ actors: c.actors, objectives: c.objectives, ...sparseInputs(c) }).powerStatus),
    );
    expect([...statuses].sort()).toEqual(['COMPUTED', 'NO_ACTORS', 'NO_INFLUENCE', 'NO_NET_INFLUENCE', 'SINGLE_ACTOR']);
  });

  it.each(cases.map((c) => [c.seed, c] as const))('seed %i', (_, c) => {
    const dense = denseInputs(c);
    const reference = analyseMactorReference({ actors: c.actors, objectives: c.objectives, ...dense });
    const fromSparse = analyseMactor({ actors: c.actors, objectives: c.objectives, ...sparseInputs(c) });
    const fromDense = analyseMactor({ actors: c.actors, objectives: c.objectives, ...dense });

    expect(densified(fromSparse)).toStrictEqual(reference);
    expect(fromDense).toStrictEqual(fromSparse);
    expect(toDenseMatrix(midi(sparseInputs(c).mid))).toStrictEqual(midiReference(dense.mid));

    // Strongest divergences at each order, with and without excluded pairs.
    const rng = seededRandom(c.seed + 1_000);
    const exclude = Array.from(
      { length: 3 },
      () => [c.actors[Math.floor(rng() * c.actors.length)] ?? 'x', c.actors[Math.floor(rng() * c.actors.length)] ?? 'y'] as const,
    );
    for (const k of MAO_ORDERS) {
      expect(strongestDivergences(fromSparse, k)).toStrictEqual(strongestDivergencesReference(reference, k));
      expect(strongestDivergences(fromSparse, k, 5, exclude)).toStrictEqual(
        strongestDivergencesReference(reference, k, 5, exclude),
      );
    }
  });
});

describe('MACTOR input as sparse cells', () => {
  it('rejects malformed sparse matrices with the faulty cell named', () => {
    const actors = ['A', 'B'];
    const good = sparseMatrix(2, 2, [[0, 1, 2]]);
    const positions = sparseMatrix(2, 1, [[0, 0, 1]]);
    expect(() => analyseMactor({ actors, objectives: ['O'], mid: sparseMatrix(2, 2, [[1, 0, 5]]), mao2: positions })).toThrow(
      /mid\[1\]\[0\] = 5/,
    );
    expect(() => analyseMactor({ actors, objectives: ['O'], mid: good, mao2: sparseMatrix(2, 1, [[1, 0, -7]]) })).toThrow(
      /mao2\[1\]\[0\] = -7/,
    );
    expect(() => analyseMactor({ actors, objectives: ['O'], mid: sparseMatrix(3, 3, []), mao2: positions })).toThrow(RangeError);
    expect(() => analyseMactor({ actors, objectives: ['O'], mid: { ...good, columns: [5] }, mao2: positions })).toThrow(
      /columns of row 0/,
    );
    expect(() => analyseMactor({ actors, objectives: ['O'], mid: { ...good, rowStart: [0, 1] }, mao2: positions })).toThrow(
      RangeError,
    );
    expect(() => sparseMatrix(2, 2, [[2, 0, 1]])).toThrow(RangeError);
  });

  it('ignores the diagonal of a sparse MID, whatever it holds', () => {
    const mid = sparseMatrix(2, 2, [
      [0, 0, Number.NaN],
      [0, 1, 3],
      [1, 1, 9],
    ]);
    const result = analyseMactor({ actors: ['A', 'B'], objectives: ['O'], mid, mao2: sparseMatrix(2, 1, [[0, 0, 1]]) });
    expect(toDenseMatrix(result.mid)).toEqual([
      [0, 3],
      [0, 0],
    ]);
  });
});
