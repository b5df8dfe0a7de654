// The exchange formats of a project: reading spreadsheet files (browser-safe: bytes in, data
// out) and writing exports. docs/decisions/0005-exchange-formats.md.
export { FILE_ERROR_CODES, FileError, isFileError, type FileErrorCode } from './read/errors.ts';
export { FILE_LIMITS } from './read/limits.ts';
export {
  ENCODING_LABELS,
  TEXT_ENCODINGS,
  decodeText,
  detectEncoding,
  type EncodingReport,
  type TextEncoding,
} from './read/encoding.ts';
export { SEPARATORS, chooseSeparator, parseDelimited, type Separator } from './read/delimited.ts';
export {
  readWorkbook,
  type Cell,
  type FileFormat,
  type MergedRange,
  type ReadOptions,
  type Sheet,
  type Workbook,
} from './read/workbook.ts';
export { readDay, type DayReading } from './map/dates.ts';
export { ENUM_LABELS, enumFromLabel, enumLabel } from './map/labels.ts';
export { EDGE_TYPES, SHEETS, SHEET_KINDS, headerKey, type MatrixKind, type SheetKind, type SheetSpec } from './map/vocabulary.ts';
export { mapWorkbook, type MapOptions } from './map/plan.ts';
export type * from './map/plan-types.ts';
export {
  entitiesOf,
  snapshotFromState,
  titleOf,
  type ProjectSnapshot,
  type SnapshotEntity,
  type SnapshotVersion,
} from './write/snapshot.ts';
export { matrixTables, projectTables, type DayCell, type Table, type TableCell } from './write/tables.ts';
export { tableCsv, writeCsvFiles, writeMatrixXlsx, writeXlsx, type WorkbookExportOptions } from './write/workbook.ts';
export { projectNetwork, spellsOf, type ProjectNetwork, type Spell } from './write/network.ts';
export { writeGexf } from './write/gexf.ts';
export { writeGraphml } from './write/graphml.ts';
export { writeCyjs, type Cyjs } from './write/cyjs.ts';
export { writeKumu, type KumuJson } from './write/kumu.ts';
