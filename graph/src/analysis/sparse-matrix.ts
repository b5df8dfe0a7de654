/**
 * The matrices of the analyses by their non-zero cells. Influences and positions are sparse (an
 * actor influences a few others and takes a position on a few objectives), and so are the
 * matrices derived from them: a territory with 2,000 actors would otherwise hold millions of
 * zeros per matrix. Dense rows are built only where a reader asks for them (heatmaps).
 */

/**
 * Compressed sparse rows: row i's non-zero cells are at indices rowStart[i] … rowStart[i + 1] − 1
 * of `columns` and `values`, columns strictly ascending. A cell not listed is 0, and no listed
 * value is 0. Plain arrays, so the matrix serialises as is.
 */
export interface SparseMatrix {
  rowCount: number;
  columnCount: number;
  /** rowCount + 1 offsets, from 0 to the number of cells. */
  rowStart: number[];
  columns: number[];
  values: number[];
}

/** What the analyses accept: dense rows (small, hand-written matrices) or the non-zero cells. */
export type MatrixInput = number[][] | SparseMatrix;

export function isSparseMatrix(matrix: MatrixInput): matrix is SparseMatrix {
  return typeof matrix === 'object' && matrix !== null && !Array.isArray(matrix);
}

/** A cell: row, column, value. */
export type MatrixCell = readonly [row: number, column: number, value: number];

/**
 * From cells in any order. A cell given twice is `combine(earlier, later)`; by default the later
 * one wins, as when assigning into a dense matrix. Cells that end at 0 (or −0) are dropped.
 */
export function sparseMatrix(
  rowCount: number,
  columnCount: number,
  cells: Iterable<MatrixCell>,
  combine: (earlier: number, later: number) => number = (_, later) => later,
): SparseMatrix {
  assertSize(rowCount, columnCount);
  const rows = new Map<number, Map<number, number>>();
  for (const [i, j, value] of cells) {
    if (!(Number.isInteger(i) && i >= 0 && i < rowCount && Number.isInteger(j) && j >= 0 && j < columnCount)) {
      throw new RangeError(`sparse matrix: cell (${String(i)}, ${String(j)}) is outside ${rowCount}×${columnCount}`);
    }
    let row = rows.get(i);
    if (!row) rows.set(i, (row = new Map()));
    const earlier = row.get(j);
    row.set(j, earlier === undefined ? value : combine(earlier, value));
  }
  const builder = new SparseRows(rowCount, columnCount);
  for (let i = 0; i < rowCount; i++) {
    const row = rows.get(i);
    if (row) for (const j of [...row.keys()].sort(ascending)) builder.push(j, row.get(j)!);
    builder.endRow();
  }
  return builder.done();
}

/** From dense rows (each of `columnCount` entries; the caller has checked the shape). */
export function toSparseMatrix(
  rows: number[][],
  columnCount: number,
  keep: (i: number, j: number) => boolean = () => true,
): SparseMatrix {
  const builder = new SparseRows(rows.length, columnCount);
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (keep(i, j)) builder.push(j, value);
    });
    builder.endRow();
  });
  return builder.done();
}

/** Dense rows, zeros included: for readers that show every cell. */
export function toDenseMatrix(matrix: SparseMatrix): number[][] {
  const dense = Array.from({ length: matrix.rowCount }, () => Array<number>(matrix.columnCount).fill(0));
  forEachCell(matrix, (i, j, value) => {
    dense[i]![j] = value;
  });
  return dense;
}

/** The value at (i, j), 0 when not listed (binary search in the row). */
export function matrixCell(matrix: SparseMatrix, i: number, j: number): number {
  let low = matrix.rowStart[i] ?? 0;
  let high = (matrix.rowStart[i + 1] ?? low) - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const column = matrix.columns[middle]!;
    if (column === j) return matrix.values[middle]!;
    if (column < j) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** Calls `f` on every non-zero cell, row by row, columns ascending. */
export function forEachCell(matrix: SparseMatrix, f: (i: number, j: number, value: number) => void): void {
  const { rowStart, columns, values } = matrix;
  for (let i = 0; i < matrix.rowCount; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) f(i, columns[p]!, values[p]!);
  }
}

/** The transpose, also row by row with ascending columns (a counting sort: O(cells + size)). */
export function transpose(matrix: SparseMatrix): SparseMatrix {
  const { rowCount, columnCount, rowStart, columns, values } = matrix;
  const start = Array<number>(columnCount + 1).fill(0);
  for (const j of columns) start[j + 1]!++;
  for (let j = 0; j < columnCount; j++) start[j + 1]! += start[j]!;
  const next = start.slice(0, columnCount);
  const outColumns = Array<number>(columns.length).fill(0);
  const outValues = Array<number>(values.length).fill(0);
  for (let i = 0; i < rowCount; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const q = next[columns[p]!]!++;
      outColumns[q] = i;
      outValues[q] = values[p]!;
    }
  }
  return { rowCount: columnCount, columnCount: rowCount, rowStart: start, columns: outColumns, values: outValues };
}

/**
 * Checks that a matrix handed in is well formed: its size, offsets, columns strictly ascending
 * in range, and each value (`check` names what is wrong, or returns null). Callers build these
 * matrices, so a malformed one is a programming error: RangeError.
 */
export function assertSparseMatrix(
  matrix: SparseMatrix,
  name: string,
  rowCount: number,
  columnCount: number,
  check: (i: number, j: number, value: number) => string | null,
): void {
  const { rowStart, columns, values } = matrix;
  if (matrix.rowCount !== rowCount || matrix.columnCount !== columnCount) {
    throw new RangeError(
      `${name} must be ${rowCount}×${columnCount}, got ${String(matrix.rowCount)}×${String(matrix.columnCount)}`,
    );
  }
  if (
    !Array.isArray(rowStart) ||
    !Array.isArray(columns) ||
    !Array.isArray(values) ||
    rowStart.length !== rowCount + 1 ||
    columns.length !== values.length
  ) {
    throw new RangeError(`${name}: rowStart must have ${rowCount + 1} offsets and columns as many entries as values`);
  }
  if (rowStart[0] !== 0 || rowStart[rowCount] !== columns.length) {
    throw new RangeError(`${name}: rowStart must run from 0 to ${columns.length}`);
  }
  for (let i = 0; i < rowCount; i++) {
    const [from, to] = [rowStart[i]!, rowStart[i + 1]!];
    if (!(Number.isInteger(to) && to >= from)) throw new RangeError(`${name}: rowStart must be ascending integers (row ${i})`);
    for (let p = from; p < to; p++) {
      const j = columns[p]!;
      if (!(Number.isInteger(j) && j >= 0 && j < columnCount) || (p > from && j <= columns[p - 1]!)) {
        throw new RangeError(`${name}: the columns of row ${i} must be distinct, ascending and below ${columnCount}`);
      }
      const problem = check(i, j, values[p]!);
      if (problem !== null) throw new RangeError(`${name}[${i}][${j}] = ${String(values[p])} ${problem}`);
    }
  }
}

/**
 * Builds a matrix row after row: `push` the cells of the current row with ascending columns,
 * then `endRow`. Zeros (and −0) pushed are dropped, so listed values are never 0.
 */
export class SparseRows {
  private readonly rowStart: number[] = [0];
  private readonly columns: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly rowCount: number,
    private readonly columnCount: number,
  ) {}

  push(column: number, value: number): void {
    if (value === 0) return;
    this.columns.push(column);
    this.values.push(value);
  }

  endRow(): void {
    this.rowStart.push(this.columns.length);
  }

  done(): SparseMatrix {
    if (this.rowStart.length !== this.rowCount + 1)
      throw new Error(`SparseRows: ${this.rowStart.length - 1} rows ended, ${this.rowCount} expected`);
    return {
      rowCount: this.rowCount,
      columnCount: this.columnCount,
      rowStart: this.rowStart,
      columns: this.columns,
      values: this.values,
    };
  }
}

function assertSize(rowCount: number, columnCount: number): void {
  if (!(Number.isInteger(rowCount) && rowCount >= 0 && Number.isInteger(columnCount) && columnCount >= 0)) {
    throw new RangeError(`sparse matrix: size ${String(rowCount)}×${String(columnCount)} is not two non-negative integers`);
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}
