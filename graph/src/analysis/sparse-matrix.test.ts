import { describe, expect, it } from 'vitest';
import { matrixCell, sparseMatrix, toDenseMatrix, toSparseMatrix, transpose } from './sparse-matrix.ts';

describe('sparse matrices', () => {
  it('builds from cells in any order, rows and columns ascending, zeros dropped', () => {
    const m = sparseMatrix(3, 4, [
      [2, 1, 5],
      [0, 3, -1],
      [0, 0, 2],
      [1, 2, 0],
      [2, 0, -0],
    ]);
    expect(m).toStrictEqual({ rowCount: 3, columnCount: 4, rowStart: [0, 2, 2, 3], columns: [0, 3, 1], values: [2, -1, 5] });
    expect(toDenseMatrix(m)).toStrictEqual([
      [2, 0, 0, -1],
      [0, 0, 0, 0],
      [0, 5, 0, 0],
    ]);
  });

  it('combines a cell given twice: the later one by default, or as asked', () => {
    const cells = [
      [0, 1, 3],
      [0, 1, 2],
      [1, 0, 4],
      [1, 0, 0],
    ] as const;
    expect(toDenseMatrix(sparseMatrix(2, 2, cells))).toStrictEqual([
      [0, 2],
      [0, 0],
    ]);
    expect(toDenseMatrix(sparseMatrix(2, 2, cells, Math.max))).toStrictEqual([
      [0, 3],
      [4, 0],
    ]);
  });

  it('reads a cell, transposes, and round-trips dense rows', () => {
    const dense = [
      [0, 1.5, 0],
      [-2, 0, 3],
    ];
    const m = toSparseMatrix(dense, 3);
    expect(toDenseMatrix(m)).toStrictEqual(dense);
    expect([matrixCell(m, 1, 0), matrixCell(m, 1, 1), matrixCell(m, 1, 2), matrixCell(m, 0, 1)]).toEqual([-2, 0, 3, 1.5]);
    expect(toDenseMatrix(transpose(m))).toStrictEqual([
      [0, -2],
      [1.5, 0],
      [0, 3],
    ]);
    expect(toDenseMatrix(toSparseMatrix(dense, 3, (i, j) => i !== j - 1))).toStrictEqual([
      [0, 0, 0],
      [-2, 0, 0],
    ]);
  });

  it('copes with empty matrices and rejects cells outside', () => {
    expect(toDenseMatrix(sparseMatrix(0, 3, []))).toStrictEqual([]);
    expect(toDenseMatrix(sparseMatrix(2, 0, []))).toStrictEqual([[], []]);
    expect(() => sparseMatrix(2, 2, [[0, 2, 1]])).toThrow(RangeError);
    expect(() => sparseMatrix(2, 2, [[-1, 0, 1]])).toThrow(RangeError);
    expect(() => sparseMatrix(2, 2, [[0.5, 0, 1]])).toThrow(RangeError);
    expect(() => sparseMatrix(-1, 2, [])).toThrow(RangeError);
  });

  it('serialises as plain JSON', () => {
    const m = sparseMatrix(2, 2, [[1, 0, 2.5]]);
    expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
  });
});
