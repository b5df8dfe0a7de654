/**
 * CSV for the council: French Excel opens a file with a UTF-8 BOM, fields separated by
 * semicolons and decimal commas without an import dialog. Pure functions; the download itself
 * lives in the component that calls them.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const NEWLINE = '\r\n';

/** A number as French Excel reads it: decimal comma, at most 4 decimals, no thousands separator. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 10_000) / 10_000;
  return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

/**
 * One field. Text that a spreadsheet would run as a formula (= + - @ at the start) is
 * neutralised with a leading apostrophe, since names and notes are typed by users; then the
 * field is quoted when it holds a separator, a quote, a line break or edge spaces.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  let text = cell;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return `${BOM}${lines.join(NEWLINE)}${NEWLINE}`;
}

/** « Revue Malaunay », « Tensions », 2026-11-26 → revue-malaunay-tensions-2026-11-26.csv */
export function csvFileName(...parts: (string | null | undefined)[]): string {
  const slug = parts
    .filter((part): part is string => Boolean(part))
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'export'}.csv`;
}
