import type { EntityType } from '../../model/enums.ts';
import type { FieldValues } from '../../model/validation.ts';
import type { EncodingReport } from '../read/encoding.ts';
import type { Separator } from '../read/delimited.ts';
import type { FileFormat } from '../read/workbook.ts';
import type { MatrixKind, SheetKind } from './vocabulary.ts';

/** Why a cell or a row cannot be imported as it is. */
export type ProblemCode =
  | 'MISSING_VALUE'
  | 'INVALID_ENUM'
  | 'INVALID_NUMBER'
  | 'OUT_OF_RANGE'
  | 'INVALID_BOOLEAN'
  | 'INVALID_DATE'
  | 'DATE_ORDER'
  | 'TEXT_TOO_LONG'
  | 'UNKNOWN_RELATION'
  | 'SAME_ENDPOINTS'
  | 'ARBITRATION_REQUIRED';

/** A problem at one place of the file: `line` and `column` as the spreadsheet shows them. */
export interface RowProblem {
  sheet: string;
  /** 1-based line of the sheet (the record number of a CSV). */
  line: number;
  /** The column's header as written in the file (its letter when it has none), or null for the whole row. */
  column: string | null;
  code: ProblemCode;
  /** French, naming fields and values by their labels: « le niveau d'engagement « Très » n'est pas reconnu… ». */
  message: string;
}

/**
 * One entity a row describes, as read, before it is matched with the database: values in model
 * codes (a column left blank is null; a column absent from the sheet is absent here, so that a
 * re-import leaves that field as it is), references as the text the file gives (an id or a
 * name, to resolve within the territory and project), and the row's own dates.
 */
export interface PlanRow {
  sheet: string;
  line: number;
  /** Null for a row nothing could be made of (an edge of unknown type): it carries its problems. */
  kind: EntityType | null;
  /** The entity's id when the file gives one (the export writes it). */
  id: string | null;
  values: FieldValues;
  /** Reference fields (model names: actorId, objectiveAId, affectedActorIds…) → id or name. */
  refs: Record<string, string | string[]>;
  /** 'YYYY-MM-DD' from the row's start and end columns, or null (the import's date applies). */
  start: string | null;
  end: string | null;
  problems: RowProblem[];
}

export interface ColumnReading {
  /** 0-based column index. */
  index: number;
  /** Its letter, as the spreadsheet names it (A, B, … AA). */
  letter: string;
  header: string;
  /** What the column is read as, or null when ignored. */
  key: string | null;
  /** Why it is ignored (French), or null. */
  ignored: string | null;
}

export interface SheetReading {
  name: string;
  status: 'read' | 'ignored';
  kind: SheetKind | MatrixKind | null;
  /** Why the sheet is ignored (French), or null. */
  reason: string | null;
  /** 1-based line of the header (of the matrix's column labels), or null. */
  headerLine: number | null;
  columns: ColumnReading[];
  rows: PlanRow[];
}

/** Everything the import planner needs from a file, without the database. */
export interface ImportPlanInput {
  fileName: string;
  format: FileFormat;
  encoding: EncodingReport | null;
  separator: Separator | null;
  sheets: SheetReading[];
  /** Every row of the sheets read, in file order. */
  rows: PlanRow[];
  /** Every row's problems, in file order. */
  problems: RowProblem[];
}
