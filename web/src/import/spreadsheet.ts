import { isoDay } from '@trame/graph/model';
import Papa from 'papaparse';

/**
 * A pilot's spreadsheet as a grid of texts, whatever it came as. Row i of the grid is line i + 1
 * of the spreadsheet, blank lines included, so that messages name the line the pilot sees.
 */
export type Grid = string[][];

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

/**
 * Bytes of a CSV file as text. Excel's « CSV UTF-8 » starts with a BOM; its plain « CSV
 * (séparateur : point-virgule) » is Windows-1252, which is not valid UTF-8: decoded as such.
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const SEPARATORS = [';', ',', '\t', '|'] as const;

/**
 * The separator, read off the header line (the first that is not blank): the candidate it holds
 * most. Papaparse's own guess needs several rows of two fields or more, and a short file with
 * blank lines defeats it.
 */
export function guessSeparator(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  let best: string = SEPARATORS[0];
  let count = 0;
  for (const separator of SEPARATORS) {
    const n = header.split(separator).length - 1;
    if (n > count) [best, count] = [separator, n];
  }
  return best;
}

/** Semicolons (French Excel), commas, tabs; quotes, separators and line breaks inside cells are kept. */
export function parseCsv(text: string): Grid {
  const body = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(body, { delimiter: guessSeparator(body), skipEmptyLines: false });
  const rows = result.data.map((row) => row.map((cell) => (cell ?? '').trim()));
  // A final line break leaves one empty record behind.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return rows;
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell);
  return String(cell).trim();
}

/** The first sheet of an .xlsx workbook (the reader is loaded when a workbook is chosen). */
export async function parseXlsx(bytes: ArrayBuffer): Promise<Grid> {
  const { readSheet } = await import('read-excel-file/universal');
  try {
    const rows = await readSheet(bytes);
    return rows.map((row) => row.map(cellText));
  } catch (error) {
    throw new SpreadsheetError(error instanceof Error ? error.message : String(error));
  }
}

export type SpreadsheetKind = 'csv' | 'xlsx';

export function spreadsheetKind(fileName: string): SpreadsheetKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Reads a chosen file (File in the browser; anything with a name and bytes in tests). */
export async function readSpreadsheet(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<Grid> {
  const kind = spreadsheetKind(file.name);
  if (kind === null) throw new SpreadsheetError(file.name);
  const bytes = await file.arrayBuffer();
  return kind === 'csv' ? parseCsv(decodeCsv(bytes)) : parseXlsx(bytes);
}
