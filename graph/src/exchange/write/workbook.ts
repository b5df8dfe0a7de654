import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { matrixTables, projectTables, type Table, type TableCell } from './tables.ts';
import type { ProjectSnapshot } from './snapshot.ts';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A day as Excel's serial number: a date cell without any time zone in play. */
function serial(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000;
}

function sheetOf(table: Table): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(
    table.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? serial(c.day) : c))),
  );
  table.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (c !== null && typeof c === 'object') {
        sheet[XLSX.utils.encode_cell({ r, c: col })] = { t: 'n', v: serial(c.day), z: 'dd/mm/yyyy' };
      }
    });
  });
  sheet['!cols'] = (table.rows[0] ?? []).map((header) => ({ wch: Math.max(10, Math.min(40, String(header ?? '').length + 4)) }));
  return sheet;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export interface WorkbookExportOptions {
  /** Add the MACTOR matrices as two more sheets (default false: they repeat the positions and influences). */
  matrices?: boolean;
}

/**
 * The project as an .xlsx workbook: one sheet per kind (`projectTables`), the MACTOR matrices
 * when asked, dates as date cells. Re-importable: `readWorkbook` + `mapWorkbook` give the same rows.
 */
export function writeXlsx(snapshot: ProjectSnapshot, options: WorkbookExportOptions = {}): Uint8Array {
  const book = XLSX.utils.book_new();
  const tables = [...projectTables(snapshot), ...(options.matrices ? matrixTables(snapshot) : [])];
  for (const table of tables) XLSX.utils.book_append_sheet(book, sheetOf(table), sheetName(table.name));
  book.Props = {
    Title: snapshot.project.name,
    Subject: `Trame — ${snapshot.territory.name}`,
    CreatedDate: new Date(snapshot.at),
  };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Only the MACTOR matrices, as a workbook of two sheets. */
export function writeMatrixXlsx(snapshot: ProjectSnapshot): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const table of matrixTables(snapshot)) XLSX.utils.book_append_sheet(book, sheetOf(table), sheetName(table.name));
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const csvCell = (c: TableCell) => (c === null ? '' : typeof c === 'object' ? c.day : c);

/**
 * One table as CSV the way French Excel opens it without a question: UTF-8 with a BOM, `;`
 * between cells, CRLF line ends, quotes where a cell needs them.
 */
export function tableCsv(table: Table): string {
  return `\uFEFF${Papa.unparse(
    table.rows.map((row) => row.map(csvCell)),
    { delimiter: ';', newline: '\r\n' },
  )}\r\n`;
}

/** The project as CSV files, one per kind (and per matrix when asked), named after their sheet. */
export function writeCsvFiles(
  snapshot: ProjectSnapshot,
  options: WorkbookExportOptions = {},
): { fileName: string; bytes: Uint8Array }[] {
  const tables = [...projectTables(snapshot), ...(options.matrices ? matrixTables(snapshot) : [])];
  const encoder = new TextEncoder();
  return tables.map((table) => ({ fileName: `${table.name}.csv`, bytes: encoder.encode(tableCsv(table)) }));
}
