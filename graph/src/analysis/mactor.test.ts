import { describe, expect, it } from 'vitest';
import { analyseMactor, midi, strongestDivergences, type MactorInput } from './mactor.ts';
import { toDenseMatrix as dense } from './sparse-matrix.ts';

/** Element-wise toBeCloseTo, keeping nulls and shapes strict. */
function expectClose(actual: unknown, expected: unknown, path = 'value'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose(list[i], e, `${path}[${i}]`));
  } else if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(actual as number, path).toBeCloseTo(expected, 10);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/**
 * The worked example. Actors A, B, C; objectives O1, O2.
 *
 *   MID    A  B  C        2MAO  O1  O2
 *   A      0  3  1        A      3  -2
 *   B      2  0  2        B      2   1
 *   C      0  1  0        C     -1   4
 */
/** Hand-written inputs are dense rows; the result's matrices are sparse, read back with `dense`. */
const worked = {
  actors: ['A', 'B', 'C'],
  objectives: ['O1', 'O2'],
  mid: [
    [0, 3, 1],
    [2, 0, 2],
    [0, 1, 0],
  ],
  mao2: [
    [3, -2],
    [2, 1],
    [-1, 4],
  ],
} satisfies MactorInput;

describe('MACTOR, worked example (3 actors × 2 objectives)', () => {
  const result = analyseMactor(worked);

  it('computes MIDI with the min operator', () => {
    // With 3 actors only the third actor k contributes off the diagonal:
    //   MIDI_AB = 3 + min(MID_AC, MID_CB) = 3 + min(1, 1) = 4
    //   MIDI_AC = 1 + min(MID_AB, MID_BC) = 1 + min(3, 2) = 3
    //   MIDI_BA = 2 + min(MID_BC, MID_CA) = 2 + min(2, 0) = 2
    //   MIDI_BC = 2 + min(MID_BA, MID_AC) = 2 + min(2, 1) = 3
    //   MIDI_CA = 0 + min(MID_CB, MID_BA) = 0 + min(1, 2) = 1
    //   MIDI_CB = 1 + min(MID_CA, MID_AB) = 1 + min(0, 3) = 1
    // Diagonal (retroaction), k over the two others:
    //   MIDI_AA = min(MID_AB, MID_BA) + min(MID_AC, MID_CA) = min(3,2) + min(1,0) = 2
    //   MIDI_BB = min(MID_BA, MID_AB) + min(MID_BC, MID_CB) = min(2,3) + min(2,1) = 3
    //   MIDI_CC = min(MID_CA, MID_AC) + min(MID_CB, MID_BC) = min(0,1) + min(1,2) = 1
    expect(dense(result.midi)).toEqual([
      [2, 4, 3],
      [2, 3, 3],
      [1, 1, 1],
    ]);
    expect(midi(worked.mid)).toEqual(result.midi);
  });

  it('computes influence, dependence and the balance of power', () => {
    // I = row sums − diagonal: A 9−2 = 7, B 8−3 = 5, C 3−1 = 2; Σ I = 14.
    // D = column sums − diagonal: A 5−2 = 3, B 8−3 = 5, C 7−1 = 6.
    expect(result.influence).toEqual([7, 5, 2]);
    expect(result.dependence).toEqual([3, 5, 6]);
    // r_A = ((7−2)/14)·(7/(7+3)) = (5/14)(7/10) = 1/4
    // r_B = ((5−3)/14)·(5/(5+5)) = (2/14)(1/2)  = 1/14
    // r_C = ((2−1)/14)·(2/(2+6)) = (1/14)(1/4)  = 1/56
    // Σ r = 14/56 + 4/56 + 1/56 = 19/56; r* = 3·r/Σr = 42/19, 12/19, 3/19 (sum 3).
    expectClose(result.balanceOfPower, [1 / 4, 1 / 14, 1 / 56]);
    expectClose(result.normalisedBalanceOfPower, [42 / 19, 12 / 19, 3 / 19]);
    expect(result.powerStatus).toBe('COMPUTED');
    expect(result.notes).toEqual([]);
  });

  it('computes the net balance BNI = MIDI − MIDIᵀ', () => {
    // AB: 4−2, AC: 3−1, BC: 3−1.
    expect(dense(result.netBalance)).toEqual([
      [0, 2, 2],
      [-2, 0, 2],
      [-2, -2, 0],
    ]);
  });

  it('derives 1MAO (signs) and 3MAO (positions × r*)', () => {
    expect(dense(result.orders[1].mao)).toEqual([
      [1, -1],
      [1, 1],
      [-1, 1],
    ]);
    expect(dense(result.orders[2].mao)).toEqual(worked.mao2);
    // A: 42/19·(3, −2) = (126, −84)/19; B: 12/19·(2, 1) = (24, 12)/19; C: 3/19·(−1, 4) = (−3, 12)/19.
    expectClose(dense(result.orders[3].mao), [
      [126 / 19, -84 / 19],
      [24 / 19, 12 / 19],
      [-3 / 19, 12 / 19],
    ]);
  });

  it('computes agreement, disagreement and mobilisation per objective and order', () => {
    // Order 1: O1 (1, 1, −1) → 2, −1, 3;  O2 (−1, 1, 1) → 2, −1, 3.
    expect(result.orders[1]).toMatchObject({ agreement: [2, 2], disagreement: [-1, -1], mobilisation: [3, 3] });
    // Order 2: O1 (3, 2, −1) → 5, −1, 6;  O2 (−2, 1, 4) → 5, −2, 7.
    expect(result.orders[2]).toMatchObject({ agreement: [5, 5], disagreement: [-1, -2], mobilisation: [6, 7] });
    // Order 3 (in 19ths): O1 (126, 24, −3) → 150, −3, 153;  O2 (−84, 12, 12) → 24, −84, 108.
    expectClose(result.orders[3].agreement, [150 / 19, 24 / 19]);
    expectClose(result.orders[3].disagreement, [-3 / 19, -84 / 19]);
    expectClose(result.orders[3].mobilisation, [153 / 19, 108 / 19]);
  });

  it('computes the mobilisation of each actor from 3MAO', () => {
    // A (126 + 84)/19 = 210/19, B (24 + 12)/19 = 36/19, C (3 + 12)/19 = 15/19.
    expectClose(result.actorMobilisation, [210 / 19, 36 / 19, 15 / 19]);
  });

  it('computes 1CAA/1DAA, the degree of convergence and the ambivalence at order 1', () => {
    // A·B: O1 1·1 > 0 → CAA ½(1+1) = 1;  O2 (−1)·1 < 0 → DAA 1.
    // A·C: O1 < 0 → DAA 1;  O2 < 0 → DAA 1: CAA 0, DAA 2.
    // B·C: O1 < 0 → DAA 1;  O2 > 0 → CAA 1.
    const order = result.orders[1];
    expect(dense(order.caa)).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    expect(dense(order.daa)).toEqual([
      [0, 1, 2],
      [1, 0, 1],
      [2, 1, 0],
    ]);
    // ΣCAA = 4, ΣDAA = 8 → 100·4/12.
    expectClose(order.degreeOfConvergence, 100 / 3);
    // EQ_A = 1 − (|1−1| + |0−2|)/((1+1) + (0+2)) = 1 − 2/4 = 1/2
    // EQ_B = 1 − (|1−1| + |1−1|)/(2 + 2) = 1
    // EQ_C = 1 − (|0−2| + |1−1|)/(2 + 2) = 1/2
    expectClose(order.ambivalence, [0.5, 1, 0.5]);
  });

  it('computes 2CAA/2DAA, the degree of convergence and the ambivalence at order 2', () => {
    // A·B: O1 3·2 > 0 → CAA ½(3+2) = 2.5;  O2 (−2)·1 < 0 → DAA ½(2+1) = 1.5.
    // A·C: O1 3·(−1) < 0 → DAA ½(3+1) = 2;  O2 (−2)·4 < 0 → DAA ½(2+4) = 3: DAA 5.
    // B·C: O1 2·(−1) < 0 → DAA ½(2+1) = 1.5;  O2 1·4 > 0 → CAA ½(1+4) = 2.5.
    const order = result.orders[2];
    expect(dense(order.caa)).toEqual([
      [0, 2.5, 0],
      [2.5, 0, 2.5],
      [0, 2.5, 0],
    ]);
    expect(dense(order.daa)).toEqual([
      [0, 1.5, 5],
      [1.5, 0, 1.5],
      [5, 1.5, 0],
    ]);
    // ΣCAA = 2·(2.5 + 2.5) = 10, ΣDAA = 2·(1.5 + 5 + 1.5) = 16 → 100·10/26.
    expectClose(order.degreeOfConvergence, 1000 / 26);
    // EQ_A = 1 − (|2.5−1.5| + |0−5|)/(4 + 5) = 1 − 6/9 = 1/3
    // EQ_B = 1 − (|2.5−1.5| + |2.5−1.5|)/(4 + 4) = 1 − 2/8 = 3/4
    // EQ_C = 1 − (|0−5| + |2.5−1.5|)/(5 + 4) = 1/3
    expectClose(order.ambivalence, [1 / 3, 3 / 4, 1 / 3]);
  });

  it('computes 3CAA/3DAA, the degree of convergence and the ambivalence at order 3', () => {
    // In 19ths, with 3MAO A (126, −84), B (24, 12), C (−3, 12):
    // A·B: O1 > 0 → CAA ½(126+24) = 75;  O2 < 0 → DAA ½(84+12) = 48.
    // A·C: O1 < 0 → DAA ½(126+3) = 64.5;  O2 < 0 → DAA ½(84+12) = 48: DAA 112.5.
    // B·C: O1 < 0 → DAA ½(24+3) = 13.5;  O2 > 0 → CAA ½(12+12) = 12.
    const order = result.orders[3];
    expectClose(dense(order.caa), [
      [0, 75 / 19, 0],
      [75 / 19, 0, 12 / 19],
      [0, 12 / 19, 0],
    ]);
    expectClose(dense(order.daa), [
      [0, 48 / 19, 112.5 / 19],
      [48 / 19, 0, 13.5 / 19],
      [112.5 / 19, 13.5 / 19, 0],
    ]);
    // ΣCAA = 2·(75 + 12) = 174, ΣDAA = 2·(48 + 112.5 + 13.5) = 348 (19ths) → 100·174/522 = 100/3.
    expectClose(order.degreeOfConvergence, 100 / 3);
    // EQ_A = 1 − (|75−48| + 112.5)/(123 + 112.5) = 1 − 139.5/235.5 = 96/235.5 = 64/157
    // EQ_B = 1 − (27 + |12−13.5|)/(123 + 25.5) = 1 − 28.5/148.5 = 80/99
    // EQ_C = 1 − (112.5 + 1.5)/(112.5 + 25.5) = 1 − 114/138 = 4/23
    expectClose(order.ambivalence, [64 / 157, 80 / 99, 4 / 23]);
  });

  it('lists the strongest divergences, ties in actor order', () => {
    // 2DAA upper triangle: AB 1.5, AC 5, BC 1.5 → AC first, then AB before BC (tie).
    expect(strongestDivergences(result, 2, 2)).toEqual([
      { a: 'A', b: 'C', divergence: 5, convergence: 0 },
      { a: 'A', b: 'B', divergence: 1.5, convergence: 2.5 },
    ]);
    expect(strongestDivergences(result, 2).map((d) => `${d.a}${d.b}`)).toEqual(['AC', 'AB', 'BC']);
    // A conflict already recorded between C and A (either orientation) drops the pair.
    expect(strongestDivergences(result, 2, 10, [['C', 'A']]).map((d) => `${d.a}${d.b}`)).toEqual(['AB', 'BC']);
    expect(strongestDivergences(result, 1, 0)).toEqual([]);
    expect(() => strongestDivergences(result, 4 as 1)).toThrow(RangeError);
    expect(() => strongestDivergences(result, 2, -1)).toThrow(RangeError);
  });

  it('returns plain JSON-serialisable data that does not alias the input', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.orders[2].mao).not.toBe(worked.mao2);
    expect(result.mid).not.toBe(worked.mid);
  });
});

describe('MIDI: the sum over k', () => {
  it('ignores the diagonal of MID, so k = i and k = j add nothing', () => {
    // Same MID as the worked example with a non-zero diagonal: it must be read as 0.
    const withDiagonal = [
      [4, 3, 1],
      [2, 9, 2],
      [0, 1, -3],
    ];
    expect(midi(withDiagonal)).toEqual(midi(worked.mid));
  });

  it('gives the same matrix summing over every k or over k ∉ {i, j}', () => {
    // Reference written apart from the code: the sum restricted to k ∉ {i, j}.
    const restricted = (mid: number[][]) =>
      mid.map((row, i) =>
        row.map((_, j) => {
          const at = (a: number, b: number) => (a === b ? 0 : (mid[a]?.[b] ?? 0));
          let indirect = 0;
          for (let k = 0; k < mid.length; k++) if (k !== i && k !== j) indirect += Math.min(at(i, k), at(k, j));
          return at(i, j) + indirect;
        }),
      );
    // A few fixed 4×4 matrices (values 0…4, diagonal 0).
    const samples = [
      [
        [0, 4, 0, 2],
        [1, 0, 3, 0],
        [4, 2, 0, 1],
        [0, 0, 3, 0],
      ],
      [
        [0, 1, 1, 1],
        [1, 0, 1, 1],
        [1, 1, 0, 1],
        [1, 1, 1, 0],
      ],
      [
        [0, 4, 4, 4],
        [0, 0, 4, 4],
        [0, 0, 0, 4],
        [0, 0, 0, 0],
      ],
    ];
    for (const mid of samples) expect(dense(midi(mid))).toEqual(restricted(mid));
  });
});

describe('MACTOR, ties and symmetric actors', () => {
  it('gives symmetric actors the same power and the same CAA/DAA rows', () => {
    // MID: A and B influence each other by 1, each influences C by 2; C influences nobody.
    // MIDI_AB = 1 + min(MID_AC, MID_CB) = 1 + min(2, 0) = 1 (same for BA)
    // MIDI_AC = 2 + min(MID_AB, MID_BC) = 2 + min(1, 2) = 3 (same for BC)
    // MIDI_CA = MIDI_CB = 0
    // MIDI_AA = min(1, 1) + min(2, 0) = 1 (same for BB); MIDI_CC = 0
    // I_A = I_B = (1 + 1 + 3) − 1 = 4, I_C = 0; D_A = D_B = (1 + 1 + 0) − 1 = 1, D_C = 6.
    // r_A = r_B = ((4 − 1)/8)·(4/5) = 3/10; r_C = 0 (I_C = 0). Σr = 3/5 → r* = 3/2, 3/2, 0.
    const result = analyseMactor({
      actors: ['A', 'B', 'C'],
      objectives: ['O1'],
      mid: [
        [0, 1, 2],
        [1, 0, 2],
        [0, 0, 0],
      ],
      mao2: [[2], [2], [-2]],
    });
    expect(dense(result.midi)).toEqual([
      [1, 1, 3],
      [1, 1, 3],
      [0, 0, 0],
    ]);
    expectClose(result.balanceOfPower, [0.3, 0.3, 0]);
    expectClose(result.normalisedBalanceOfPower, [1.5, 1.5, 0]);
    // 3MAO = (3, 3, 0): C's opposition weighs nothing, which the result says.
    expectClose(dense(result.orders[3].mao), [[3], [3], [0]]);
    expect(result.notes).toEqual([expect.objectContaining({ code: 'ZERO_POWER', actors: ['C'] })]);
    // 2CAA_AB = ½(2+2) = 2; 2DAA_AC = 2DAA_BC = ½(2+2) = 2: AC and BC tie, AC comes first.
    expect(dense(result.orders[2].caa)[0]).toEqual([0, 2, 0]);
    expect(strongestDivergences(result, 2, 5).map((d) => [d.a, d.b, d.divergence])).toEqual([
      ['A', 'C', 2],
      ['B', 'C', 2],
    ]);
    // At order 3 C's position is 0, so nothing diverges.
    expect(strongestDivergences(result, 3, 5)).toEqual([]);
    expect(result.orders[3].degreeOfConvergence).toBe(100);
  });
});

describe('MACTOR, degenerate cases', () => {
  it('handles an actor with no position (a zero row)', () => {
    // D has no position: its CAA/DAA rows are 0 and its ambivalence is null (0/0).
    const result = analyseMactor({
      ...worked,
      actors: ['A', 'B', 'C', 'D'],
      mid: [
        [0, 3, 1, 0],
        [2, 0, 2, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 0],
      ],
      mao2: [...worked.mao2, [0, 0]],
    });
    for (const k of [1, 2, 3] as const) {
      expect(dense(result.orders[k].caa)[3]).toEqual([0, 0, 0, 0]);
      expect(dense(result.orders[k].daa)[3]).toEqual([0, 0, 0, 0]);
      expect(result.orders[k].ambivalence[3]).toBeNull();
    }
    // D adds nothing to MIDI among A, B, C (min with its zero row/column is 0), so A, B, C keep the
    // worked values and EQ at order 2 is unchanged: 1/3, 3/4, 1/3.
    expectClose(result.orders[2].ambivalence, [1 / 3, 3 / 4, 1 / 3, null]);
    expect(dense(result.orders[1].mao)[3]).toEqual([0, 0]);
    // D's power is not assessed (no influence given or received): it has its own note, not ZERO_POWER.
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'NO_INFLUENCE_NOR_DEPENDENCE', actors: ['D'] }),
      expect.objectContaining({ code: 'NO_POSITION', actors: ['D'] }),
    ]);
    // ANALYSIS.md (clarified 2026-11-30): n and Σr run over the assessed actors A, B, C only, so
    // r* = 3·r/(19/56) = 42/19, 12/19, 3/19 — the worked example's values, not inflated by D
    // (before the clarification, n = 4 gave 56/19, 16/19, 4/19). D is listed apart, r*_D = 0.
    expectClose(result.normalisedBalanceOfPower, [42 / 19, 12 / 19, 3 / 19, 0]);
    expect(result.powerAssessed).toEqual([true, true, true, false]);
  });

  it('normalises r* over the assessed actors only: unassessed actors change nobody’s r*', () => {
    // The worked example plus two actors with positions but no influence given or received:
    // A, B, C keep 42/19, 12/19, 3/19 (mean 1 among them), E and F are listed apart.
    const result = analyseMactor({
      ...worked,
      actors: ['A', 'B', 'C', 'E', 'F'],
      mid: [...worked.mid.map((row) => [...row, 0, 0]), [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
      mao2: [...worked.mao2, [1, -1], [2, 0]],
    });
    expectClose(result.normalisedBalanceOfPower, [42 / 19, 12 / 19, 3 / 19, 0, 0]);
    expect(result.powerAssessed).toEqual([true, true, true, false, false]);
    const assessed = result.normalisedBalanceOfPower.filter((_, i) => result.powerAssessed[i]);
    expect(assessed.reduce((a, b) => a + b, 0) / assessed.length).toBeCloseTo(1, 12);
    expect(result.notes.map((n) => [n.code, n.actors])).toEqual([['NO_INFLUENCE_NOR_DEPENDENCE', ['E', 'F']]]);
  });

  it('sets every r* to 1 when no influence is recorded, and says so', () => {
    const result = analyseMactor({ ...worked, mid: worked.mid.map((row) => row.map(() => 0)) });
    expect(result.powerStatus).toBe('NO_INFLUENCE');
    expect(result.influence).toEqual([0, 0, 0]);
    expect(result.balanceOfPower).toEqual([0, 0, 0]);
    expect(result.normalisedBalanceOfPower).toEqual([1, 1, 1]);
    expect(dense(result.orders[3].mao)).toEqual(worked.mao2);
    expect(result.notes.map((n) => n.code)).toEqual(['NO_INFLUENCE']);
  });

  it('sets every r* to 1 when all influence comes back to its author (Σ r = 0)', () => {
    // MID_AB = MID_BA = 3: MIDI_AB = 3 + min(MID_AA, MID_AB) + min(MID_AB, MID_BB) = 3,
    // MIDI_AA = min(3, 3) = 3. I_A = 6 − 3 = 3, D_A = 3, r_A = ((3 − 3)/6)·(3/6) = 0; same for B.
    const result = analyseMactor({
      actors: ['A', 'B'],
      objectives: ['O1'],
      mid: [
        [0, 3],
        [3, 0],
      ],
      mao2: [[1], [-1]],
    });
    expect(dense(result.midi)).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(result.balanceOfPower).toEqual([0, 0]);
    expect(result.normalisedBalanceOfPower).toEqual([1, 1]);
    expect(result.powerStatus).toBe('NO_NET_INFLUENCE');
    expect(result.notes.map((n) => n.code)).toEqual(['NO_NET_INFLUENCE']);
  });

  it('gives r = 0 to an actor with neither influence nor dependence', () => {
    // Only A → B = 2. MIDI_AB = 2, everything else 0. I = (2, 0, 0), D = (0, 2, 0).
    // r_A = (2/2)·(2/2) = 1, r_B = 0·0 = 0, r_C: I + D = 0 → 0. C's power is not assessed, so
    // r* runs over A and B (ANALYSIS.md, clarified 2026-11-30): r* = 2·(1, 0) = (2, 0), and C apart
    // (before the clarification, n = 3 gave 3·(1, 0, 0)). B's power is assessed and zero.
    const result = analyseMactor({
      actors: ['A', 'B', 'C'],
      objectives: ['O1'],
      mid: [
        [0, 2, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      mao2: [[1], [1], [1]],
    });
    expect(result.balanceOfPower).toEqual([1, 0, 0]);
    expect(result.normalisedBalanceOfPower).toEqual([2, 0, 0]);
    expect(result.powerAssessed).toEqual([true, true, false]);
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'NO_INFLUENCE_NOR_DEPENDENCE', actors: ['C'] }),
      expect.objectContaining({ code: 'ZERO_POWER', actors: ['B'] }),
    ]);
  });

  it('handles a single actor', () => {
    // The diagonal is ignored, so MIDI = [[0]]; r* = 1 by convention; no pair, so no CAA/DAA.
    const result = analyseMactor({ actors: ['A'], objectives: ['O1', 'O2'], mid: [[3]], mao2: [[2, -1]] });
    expect(result.powerStatus).toBe('SINGLE_ACTOR');
    expect(dense(result.midi)).toEqual([[0]]);
    expect(result.normalisedBalanceOfPower).toEqual([1]);
    expect(dense(result.orders[3].mao)).toEqual([[2, -1]]);
    expect(result.orders[2]).toMatchObject({
      agreement: [2, 0],
      disagreement: [0, -1],
      mobilisation: [2, 1],
      degreeOfConvergence: null,
      ambivalence: [null],
    });
    expect(dense(result.orders[2].caa)).toEqual([[0]]);
    expect(dense(result.orders[2].daa)).toEqual([[0]]);
    expect(result.actorMobilisation).toEqual([3]);
    expect(result.notes.map((n) => n.code)).toEqual(['SINGLE_ACTOR']);
  });

  it('handles no actors at all', () => {
    const result = analyseMactor({ actors: [], objectives: ['O1'], mid: [], mao2: [] });
    expect(result.powerStatus).toBe('NO_ACTORS');
    expect(result).toMatchObject({ influence: [], normalisedBalanceOfPower: [], actorMobilisation: [] });
    expect(dense(result.midi)).toEqual([]);
    expect(result.orders[1]).toMatchObject({ agreement: [0], disagreement: [0], mobilisation: [0], degreeOfConvergence: null });
    expect(dense(result.orders[1].caa)).toEqual([]);
    expect(result.notes.map((n) => n.code)).toEqual(['NO_ACTORS']);
  });

  it('never produces NaN or Infinity on the degenerate inputs', () => {
    const inputs: MactorInput[] = [
      { actors: [], objectives: [], mid: [], mao2: [] },
      { actors: ['A'], objectives: [], mid: [[0]], mao2: [[]] },
      {
        actors: ['A', 'B'],
        objectives: ['O'],
        mid: [
          [0, 0],
          [0, 0],
        ],
        mao2: [[0], [0]],
      },
      {
        actors: ['A', 'B'],
        objectives: ['O'],
        mid: [
          [0, 4],
          [4, 0],
        ],
        mao2: [[-4], [4]],
      },
    ];
    for (const input of inputs) {
      const text = JSON.stringify(analyseMactor(input), (_, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v,
      );
      expect(text).not.toContain('NOT FINITE');
    }
  });
});

describe('MACTOR, malformed input', () => {
  const cases: [string, MactorInput][] = [
    ['MID with a missing row', { ...worked, mid: worked.mid.slice(0, 2) }],
    [
      'MID not square',
      {
        ...worked,
        mid: [
          [0, 1],
          [1, 0],
          [0, 0],
        ],
      },
    ],
    [
      'influence above 4',
      {
        ...worked,
        mid: [
          [0, 5, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      },
    ],
    [
      'negative influence',
      {
        ...worked,
        mid: [
          [0, 0, 0],
          [-1, 0, 0],
          [0, 0, 0],
        ],
      },
    ],
    [
      'influence NaN',
      {
        ...worked,
        mid: [
          [0, Number.NaN, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      },
    ],
    [
      'position above 4',
      {
        ...worked,
        mao2: [
          [5, 0],
          [0, 0],
          [0, 0],
        ],
      },
    ],
    [
      'position below -4',
      {
        ...worked,
        mao2: [
          [0, 0],
          [0, -4.5],
          [0, 0],
        ],
      },
    ],
    ['2MAO row too short', { ...worked, mao2: [[1], [0, 0], [0, 0]] }],
    ['2MAO missing a row', { ...worked, mao2: [[1, 1]] }],
    ['duplicate actor', { ...worked, actors: ['A', 'B', 'A'] }],
    ['duplicate objective', { ...worked, objectives: ['O1', 'O1'] }],
  ];
  it.each(cases)('throws a RangeError for %s', (_, input) => {
    expect(() => analyseMactor(input)).toThrow(RangeError);
  });

  it('names the faulty cell', () => {
    expect(() =>
      analyseMactor({
        ...worked,
        mao2: [
          [0, 0],
          [0, 7],
          [0, 0],
        ],
      }),
    ).toThrow(/mao2\[1\]\[1\] = 7/);
    expect(() => midi([[0, 1], [1]])).toThrow(/mid\[1\] must have 2 entries/);
  });
});
