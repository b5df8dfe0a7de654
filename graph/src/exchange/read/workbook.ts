import * as XLSX from '@e965/xlsx';
import { chooseSeparator, parseDelimited, type Separator } from './delimited.ts';
import { decodeText, detectEncoding, type EncodingReport, type TextEncoding } from './encoding.ts';
import { FileError } from './errors.ts';
import { FILE_LIMITS } from './limits.ts';

/**
 * A cell as read: text, number, boolean, a date (a UTC instant; a date-formatted cell of a
 * workbook, midnight UTC for a plain day), or blank.
 */
export type Cell = string | number | boolean | Date | null;

/** A rectangle of cells merged in the workbook, 0-based and inclusive. */
export interface MergedRange {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export interface Sheet {
  name: string;
  /** rows[i][j] is the cell at line i + 1, column j + 1 as the spreadsheet shows it. */
  rows: Cell[][];
  merges: MergedRange[];
}

export type FileFormat = 'csv' | 'tsv' | 'xlsx' | 'xls' | 'ods';

export interface Workbook {
  fileName: string;
  format: FileFormat;
  /** Text files only: the encoding used, how it was chosen, and the separator. */
  encoding: EncodingReport | null;
  separator: Separator | null;
  sheets: Sheet[];
}

export interface ReadOptions {
  /** Overrides the detected encoding of a text file. */
  encoding?: TextEncoding;
}

const TEXT_EXTENSIONS = ['csv', 'tsv', 'txt', 'tab'];
const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods'];

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The container a workbook's bytes start with: a zip (xlsx, ods) or an OLE file (xls). */
function containerOf(bytes: Uint8Array): 'zip' | 'ole' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) return 'ole';
  return null;
}

/**
 * Reads a spreadsheet file into sheets of cells. Text files (.csv, .tsv, .txt) are decoded
 * (encoding detected or given) and split on the separator their data rows use; workbooks
 * (.xlsx, .xls, .ods) are read with SheetJS, every cell of a merged range holding the value it
 * shows, date cells as dates. Pure and browser-safe: bytes in, data out.
 *
 * @param bytes the file's content
 * @param fileName its name, for its extension
 * @throws FileError FILE_TOO_LARGE (over FILE_LIMITS.maxBytes), FILE_EMPTY, FILE_NOT_TEXT (a
 *   binary file named .csv), FILE_FORMAT_UNKNOWN (another extension), FILE_UNREADABLE (a
 *   damaged workbook), FILE_TOO_MANY_ROWS
 */
export function readWorkbook(bytes: Uint8Array | ArrayBuffer, fileName: string, options: ReadOptions = {}): Workbook {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.byteLength > FILE_LIMITS.maxBytes) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} Mo`;
    throw new FileError(
      'FILE_TOO_LARGE',
      `le fichier « ${fileName} » pèse ${mb(data.byteLength)} : au-delà de ${mb(FILE_LIMITS.maxBytes)}, découpez-le en plusieurs fichiers`,
      {
        bytes: data.byteLength,
        maxBytes: FILE_LIMITS.maxBytes,
      },
    );
  }
  if (data.byteLength === 0) throw new FileError('FILE_EMPTY', `le fichier « ${fileName} » est vide`);
  const extension = extensionOf(fileName);
  let workbook: Workbook;
  if (TEXT_EXTENSIONS.includes(extension)) workbook = readText(data, fileName, extension, options);
  else if (WORKBOOK_EXTENSIONS.includes(extension)) workbook = readSheets(data, fileName);
  else {
    throw new FileError(
      'FILE_FORMAT_UNKNOWN',
      `le fichier « ${fileName} » n'est ni un CSV, ni un TSV, ni un classeur .xlsx, .xls ou .ods`,
      { extension },
    );
  }
  const rows = workbook.sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  if (rows > FILE_LIMITS.maxRows) {
    throw new FileError(
      'FILE_TOO_MANY_ROWS',
      `le fichier « ${fileName} » a ${rows} lignes : au-delà de ${FILE_LIMITS.maxRows}, découpez-le en plusieurs fichiers`,
      {
        rows,
        maxRows: FILE_LIMITS.maxRows,
      },
    );
  }
  return workbook;
}

/** Control characters other than tab, line feed and carriage return: none in a real text file. */
function controlShare(text: string): number {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) controls++;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

function readText(data: Uint8Array, fileName: string, extension: string, options: ReadOptions): Workbook {
  const container = containerOf(data);
  if (container) {
    throw new FileError(
      'FILE_NOT_TEXT',
      `le fichier « ${fileName} » est un classeur (${container === 'zip' ? '.xlsx ou .ods' : '.xls'}) renommé en .${extension} : choisissez-le avec son extension d'origine`,
      {
        container,
      },
    );
  }
  const detected = detectEncoding(data);
  const encoding: EncodingReport = options.encoding
    ? { encoding: options.encoding, bom: detected.bom, source: 'override', detected: detected.detected }
    : detected;
  const text = decodeText(data, encoding.encoding);
  if (controlShare(text) > 0.01) {
    throw new FileError(
      'FILE_NOT_TEXT',
      `le fichier « ${fileName} » contient des données binaires : ce n'est pas un texte séparé par des points-virgules, virgules ou tabulations`,
      {
        encoding: encoding.encoding,
      },
    );
  }
  const separator = extension === 'tsv' || extension === 'tab' ? '\t' : chooseSeparator(text);
  const rows = parseDelimited(text, separator);
  return {
    fileName,
    format: separator === '\t' ? 'tsv' : 'csv',
    encoding,
    separator,
    sheets: [{ name: fileName.replace(/\.[^.]*$/, ''), rows, merges: [] }],
  };
}

function cellValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v.trim() : String(cell.v ?? '').trim();
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 'b':
      return cell.v === true;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'e':
      // A formula error (#REF!, #N/A): what the cell shows.
      return cell.w ?? '#ERREUR';
    default:
      return null;
  }
}

/** An OpenDocument zip stores its `mimetype` entry first and uncompressed. */
function isOpenDocument(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 120));
  return head.includes('application/vnd.oasis.opendocument');
}

function readSheets(data: Uint8Array, fileName: string): Workbook {
  const extension = extensionOf(fileName);
  const container = containerOf(data);
  let book: XLSX.WorkBook;
  try {
    if (!container) throw new Error('not a zip or OLE container');
    // UTC: a date cell is its calendar day at midnight UTC, whatever the reader's time zone.
    book = XLSX.read(data, {
      type: 'array',
      dense: true,
      cellDates: true,
      UTC: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
    });
  } catch (error) {
    throw new FileError('FILE_UNREADABLE', `le classeur « ${fileName} » est endommagé ou n'est pas un classeur`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const format: FileFormat = container === 'ole' ? 'xls' : isOpenDocument(data) || extension === 'ods' ? 'ods' : 'xlsx';
  const sheets = book.SheetNames.map((name) => readSheet(name, book.Sheets[name]));
  return { fileName, format, encoding: null, separator: null, sheets };
}

function readSheet(name: string, sheet: XLSX.WorkSheet | undefined): Sheet {
  if (!sheet?.['!ref']) return { name, rows: [], merges: [] };
  const range = XLSX.utils.decode_range(sheet['!ref']);
  // Rows and columns from A1, so that lines and columns are those the spreadsheet shows.
  // A dense sheet keeps its cells as rows of cells (`!data`), far quicker to walk than A1 keys.
  const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const source = data[r] ?? [];
    const row: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push(cellValue(source[c]));
    rows.push(row);
  }
  const merges: MergedRange[] = (sheet['!merges'] ?? []).map((m) => ({
    firstRow: m.s.r,
    firstColumn: m.s.c,
    lastRow: m.e.r,
    lastColumn: m.e.c,
  }));
  for (const merge of merges) {
    const shown = rows[merge.firstRow]?.[merge.firstColumn] ?? null;
    for (let r = merge.firstRow; r <= merge.lastRow; r++) {
      for (let c = merge.firstColumn; c <= merge.lastColumn; c++) {
        const row = rows[r];
        if (row && c < row.length) row[c] = shown;
      }
    }
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === null || cell === '')) rows.pop();
  return { name, rows, merges };
}
