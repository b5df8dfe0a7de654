/**
 * How much one import reads. The whole file is held in memory (a workbook's zip cannot be read
 * as a stream, and the import commits in one transaction anyway), so a size bound is refused up
 * front, before any parsing: 20 MB is about 100,000 rows of an actor sheet, ten times what a
 * territory keeps. See docs/decisions/0005-exchange-formats.md.
 */
export const FILE_LIMITS = {
  /** Bytes of the file as chosen. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows, all sheets together. */
  maxRows: 50_000,
  /** Rows scanned for a header below title rows. */
  headerScanRows: 20,
} as const;
