import Papa from 'papaparse';

export const SEPARATORS = [';', ',', '\t', '|'] as const;
export type Separator = (typeof SEPARATORS)[number];

const SAMPLE_ROWS = 200;

interface Fit {
  separator: Separator;
  /** Share of the sampled data rows that have the usual number of fields. */
  consistency: number;
  fields: number;
}

function fitOf(text: string, separator: Separator): Fit {
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, preview: SAMPLE_ROWS + 21, skipEmptyLines: 'greedy' });
  // Data rows only: the header (and any title rows) above may hold the other separators in its
  // labels (« Type (élu, service, entreprise) »).
  const rows = parsed.data.length > 3 ? parsed.data.slice(Math.min(parsed.data.length - 2, 1)) : parsed.data;
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let fields = 1;
  let most = 0;
  for (const [n, c] of counts) if (c > most || (c === most && n > fields)) [fields, most] = [n, c];
  return { separator, consistency: rows.length === 0 ? 0 : most / rows.length, fields };
}

/**
 * The separator of a delimited text, chosen from the data rows: the candidate that splits them
 * into the same number (≥ 2) of fields most consistently, quotes respected; ties go to the one
 * giving more fields, then to the order `; , TAB |` (French Excel first).
 */
export function chooseSeparator(text: string): Separator {
  let best: Fit | null = null;
  for (const separator of SEPARATORS) {
    const fit = fitOf(text, separator);
    if (fit.fields < 2) continue;
    if (
      !best ||
      fit.consistency > best.consistency + 1e-9 ||
      (Math.abs(fit.consistency - best.consistency) < 1e-9 && fit.fields > best.fields)
    )
      best = fit;
  }
  return best?.separator ?? ';';
}

/**
 * A delimited text as rows of cells (texts, trimmed). Row i is record i + 1 of the file (a cell
 * may hold line breaks), blank records kept so that lines match what a spreadsheet shows; trailing
 * blank records dropped.
 */
export function parseDelimited(text: string, separator: Separator): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: separator, skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell) => (cell ?? '').trim()));
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return rows;
}
