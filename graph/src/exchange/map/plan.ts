import { FILE_LIMITS } from '../read/limits.ts';
import type { Cell, Sheet, Workbook } from '../read/workbook.ts';
import { cellText, columnLetter, RowReader } from './cells.ts';
import { readMatrix } from './matrix.ts';
import type { ColumnReading, ImportPlanInput, PlanRow, SheetReading } from './plan-types.ts';
import { rowsOf } from './rows.ts';
import { columnFor, headerKey, isInstructionSheet, SHEET_KINDS, SHEETS, type ColumnSpec, type SheetKind } from './vocabulary.ts';

export interface MapOptions {
  /** Sheets the person chose to leave out (by name): listed as ignored. */
  skipSheets?: readonly string[];
}

interface HeaderMatch {
  row: number;
  kind: SheetKind;
  score: number;
  columns: ColumnReading[];
}

/** How the cells of one row read as the header of a sheet of `kind`; null when a required column lacks. */
function matchHeader(cells: readonly Cell[], kind: SheetKind, row: number, sheetName: string): HeaderMatch | null {
  const spec = SHEETS[kind];
  const taken = new Map<string, number>();
  const columns: ColumnReading[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    const letter = columnLetter(index);
    if (header === '') return;
    const found: ColumnSpec | null = columnFor(spec, header, new Set(taken.keys()));
    if (found) {
      taken.set(found.key, index);
      columns.push({ index, letter, header, key: found.key, ignored: null });
    } else {
      const again = spec.columns.find((c) => taken.has(c.key) && columnFor({ ...spec, columns: [c] }, header, new Set()));
      columns.push({
        index,
        letter,
        header,
        key: null,
        ignored: again
          ? `déjà lue dans la colonne ${columnLetter(taken.get(again.key)!)}`
          : `colonne non reconnue pour une feuille « ${spec.title} »`,
      });
    }
  });
  if (!spec.required.every((key) => taken.has(key))) return null;
  const hint = spec.names.includes(headerKey(sheetName)) ? 0.5 : 0;
  return { row, kind, score: taken.size + hint, columns };
}

/** The header row (the best-recognised of the first rows, so title rows above are skipped) and the sheet's kind. */
function findHeader(sheet: Sheet): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(sheet.rows.length, FILE_LIMITS.headerScanRows);
  for (let r = 0; r < limit; r++) {
    for (const kind of SHEET_KINDS) {
      const match = matchHeader(sheet.rows[r]!, kind, r, sheet.name);
      if (match && (!best || match.score > best.score)) best = match;
    }
  }
  return best;
}

function ignored(sheet: Sheet, reason: string): SheetReading {
  return { name: sheet.name, status: 'ignored', kind: null, reason, headerLine: null, columns: [], rows: [] };
}

function readTable(sheet: Sheet, header: HeaderMatch): SheetReading {
  const columns = header.columns.slice();
  const known = new Set(columns.map((c) => c.index));
  const rows: PlanRow[] = [];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    if (cells.every((cell) => cellText(cell) === '')) continue;
    // Data under a blank header: listed once as an ignored column.
    cells.forEach((cell, index) => {
      if (!known.has(index) && cellText(cell) !== '') {
        known.add(index);
        columns.push({ index, letter: columnLetter(index), header: '', key: null, ignored: 'colonne sans en-tête' });
      }
    });
    const byKey = new Map<string, { cell: Cell; header: string }>();
    for (const column of columns)
      if (column.key) byKey.set(column.key, { cell: cells[column.index] ?? null, header: column.header });
    rows.push(...rowsOf(header.kind, new RowReader(sheet.name, r + 1, byKey)));
  }
  columns.sort((a, b) => a.index - b.index);
  return { name: sheet.name, status: 'read', kind: header.kind, reason: null, headerLine: header.row + 1, columns, rows };
}

function readSheet(sheet: Sheet, options: MapOptions): SheetReading {
  if (options.skipSheets?.includes(sheet.name)) return ignored(sheet, 'feuille écartée à votre demande');
  if (sheet.rows.every((row) => row.every((cell) => cellText(cell) === ''))) return ignored(sheet, 'feuille vide');
  if (isInstructionSheet(sheet.name)) return ignored(sheet, "mode d'emploi : feuille de consignes, sans données");
  const header = findHeader(sheet);
  if (header) return readTable(sheet, header);
  const matrix = readMatrix(sheet);
  if (matrix) return matrix;
  const firstRow = sheet.rows.find((row) => row.some((cell) => cellText(cell) !== '')) ?? [];
  const seen = firstRow
    .map(cellText)
    .filter((t) => t !== '')
    .slice(0, 8);
  return ignored(
    sheet,
    `aucun en-tête reconnu parmi les ${FILE_LIMITS.headerScanRows} premières lignes (première ligne lue : ${seen.map((t) => `« ${t} »`).join(', ')})`,
  );
}

/**
 * What a file says, sheet by sheet and row by row, before it meets the database: which sheets
 * hold which kind (by their headers, below any title rows; or as a MACTOR matrix), which columns
 * and sheets are ignored and why, and for every data row the entities it describes (values in
 * model codes, references as written, its own dates) and its problems. Pure and browser-safe.
 */
export function mapWorkbook(workbook: Workbook, options: MapOptions = {}): ImportPlanInput {
  const sheets = workbook.sheets.map((sheet) => readSheet(sheet, options));
  const rows = sheets.flatMap((sheet) => sheet.rows);
  return {
    fileName: workbook.fileName,
    format: workbook.format,
    encoding: workbook.encoding,
    separator: workbook.separator,
    sheets,
    rows,
    problems: rows.flatMap((row) => row.problems),
  };
}
