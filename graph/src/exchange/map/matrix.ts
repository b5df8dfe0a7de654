import { ENTITIES } from '../../model/entities.ts';
import { nameKey } from '../../model/names.ts';
import { FILE_LIMITS } from '../read/limits.ts';
import type { Cell, Sheet } from '../read/workbook.ts';
import { cellText, columnLetter } from './cells.ts';
import type { ColumnReading, PlanRow, RowProblem, SheetReading } from './plan-types.ts';
import { headerKey, type MatrixKind } from './vocabulary.ts';

/** Row and column labels that are MACTOR's sums, not actors: Ii, Di, Total. */
const TOTALS = /^(total|totaux|somme|sum|ii|di|mobilisation|sigma)\b/;

const asNumber = (cell: Cell): number | null => {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && /^[+-]?\d+([.,]\d+)?$/.test(cell.trim())) return Number(cell.trim().replace(',', '.'));
  return null;
};

const blank = (cell: Cell | undefined) => cell === undefined || cell === null || cellText(cell) === '';

interface Found {
  headerRow: number;
  labels: { index: number; text: string }[];
}

/** The matrix's header row: labels in the first row, labels in the first column, numbers inside. */
function findMatrix(sheet: Sheet): Found | null {
  const limit = Math.min(sheet.rows.length, FILE_LIMITS.headerScanRows);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r]!;
    const labels = row
      .map((cell, index) => ({ index, text: cellText(cell) }))
      .filter((l) => l.index > 0 && l.text !== '' && asNumber(row[l.index]!) === null);
    if (labels.length < 2) continue;
    let numbers = 0;
    let others = 0;
    let bodyRows = 0;
    for (const below of sheet.rows.slice(r + 1)) {
      if (below.every(blank)) continue;
      if (blank(below[0]) || asNumber(below[0]!) !== null) {
        others++;
        continue;
      }
      bodyRows++;
      for (const { index } of labels) {
        const cell = below[index];
        if (blank(cell)) continue;
        if (asNumber(cell!) !== null) numbers++;
        else others++;
      }
    }
    if (bodyRows >= 1 && numbers >= 1 && numbers >= 4 * others) return { headerRow: r, labels };
  }
  return null;
}

function matrixKind(sheet: Sheet, found: Found): MatrixKind {
  const name = headerKey(sheet.name);
  if (/\b(influences?|mid|actor x actor|acteurs x acteurs)\b/.test(name)) return 'influenceMatrix';
  if (/\b(positions?|mao|1mao|2mao)\b/.test(name)) return 'positionMatrix';
  const columns = new Set(found.labels.map((l) => nameKey(l.text)));
  const rows = sheet.rows
    .slice(found.headerRow + 1)
    .map((row) => nameKey(cellText(row[0] ?? null)))
    .filter((k) => k !== '');
  const shared = rows.filter((k) => columns.has(k)).length;
  return shared * 2 >= Math.min(columns.size, rows.length) ? 'influenceMatrix' : 'positionMatrix';
}

/**
 * Reads a MACTOR matrix, or null when the sheet is not one: actors in the first column; in the
 * first row, objectives (positions −4…+4, the 2MAO table) or the same actors (direct influences
 * 0…4, the MID table). A number makes one position or influence (0 included); a blank cell makes
 * none; the influence of an actor on itself (the diagonal) and the sums (Ii, Di, Total) are left
 * out.
 */
export function readMatrix(sheet: Sheet): SheetReading | null {
  const found = findMatrix(sheet);
  if (!found) return null;
  const kind = matrixKind(sheet, found);
  const columns: ColumnReading[] = [
    { index: 0, letter: 'A', header: cellText(sheet.rows[found.headerRow]![0] ?? null), key: 'rowLabel', ignored: null },
  ];
  for (const { index, text } of found.labels) {
    const total = TOTALS.test(headerKey(text));
    columns.push({
      index,
      letter: columnLetter(index),
      header: text,
      key: total ? null : 'columnLabel',
      ignored: total ? 'somme de la matrice, recalculée par Trame' : null,
    });
  }
  const spec = kind === 'positionMatrix' ? ENTITIES.Position.fields.value! : ENTITIES.Influence.fields.value!;
  const [min, max] = spec.kind === 'int' ? [spec.min, spec.max] : [0, 0];
  const rows: PlanRow[] = [];
  for (let r = found.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const label = cellText(row[0] ?? null);
    if (label === '' || TOTALS.test(headerKey(label))) continue;
    for (const column of columns) {
      if (column.key !== 'columnLabel') continue;
      const cell = row[column.index] ?? null;
      if (blank(cell)) continue;
      if (kind === 'influenceMatrix' && nameKey(label) === nameKey(column.header)) continue;
      const problems: RowProblem[] = [];
      const value = asNumber(cell);
      const where = `colonne « ${column.header} »`;
      if (value === null || !Number.isInteger(value)) {
        problems.push({
          sheet: sheet.name,
          line: r + 1,
          column: column.header,
          code: 'INVALID_NUMBER',
          message: `${where} : ${spec.label} de « ${label} » « ${cellText(cell)} » n'est pas un nombre entier`,
        });
      } else if (value < min || value > max) {
        problems.push({
          sheet: sheet.name,
          line: r + 1,
          column: column.header,
          code: 'OUT_OF_RANGE',
          message: `${where} : ${spec.label} de « ${label} » doit être comprise entre ${min} et ${max} (lu : ${value})`,
        });
      }
      const ok = problems.length === 0 ? value : null;
      rows.push(
        kind === 'positionMatrix'
          ? {
              sheet: sheet.name,
              line: r + 1,
              kind: 'Position',
              id: null,
              values: { value: ok },
              refs: { actorId: label, objectiveId: column.header },
              start: null,
              end: null,
              problems,
            }
          : {
              sheet: sheet.name,
              line: r + 1,
              kind: 'Influence',
              id: null,
              values: { value: ok },
              refs: { fromActorId: label, toActorId: column.header },
              start: null,
              end: null,
              problems,
            },
      );
    }
  }
  return { name: sheet.name, status: 'read', kind, reason: null, headerLine: found.headerRow + 1, columns, rows };
}
