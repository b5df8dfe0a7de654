import { ACTOR_KINDS, ENGAGEMENT_LEVELS, nameKey } from '@trame/graph/model';
import { ENUM_LABELS } from '../i18n/labels.ts';
import { toCsv } from '../export/csv.ts';
import type { Grid } from './spreadsheet.ts';

/**
 * From a pilot's spreadsheet to the rows `importActors` takes: which column holds which field
 * (guessed from French or English headers, changeable by the pilot), and kinds and levels typed
 * as the interface shows them (« Habitants », « Concerné non impliqué », « Leading ») turned
 * into codes. Pure functions; the server checks everything again.
 */
export const IMPORT_FIELDS = ['name', 'kind', 'description', 'level', 'role', 'perimeter'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'kind', 'level'];

/** Column index of each field in the grid, or null. */
export type ColumnMapping = Record<ImportField, number | null>;

/** What a row becomes: the mutation's ActorImportRow. */
export interface ImportRow {
  line: number;
  name: string | null;
  kind: string | null;
  description: string | null;
  level: string | null;
  role: string | null;
  perimeter: string | null;
}

/** Headers as people write them, compared after `headerKey`. */
const HEADERS: Record<ImportField, string[]> = {
  name: [
    'nom',
    'name',
    'acteur',
    'actor',
    'nom de l acteur',
    'actor name',
    'organisation',
    'organization',
    'structure',
    'raison sociale',
  ],
  kind: ['type', 'kind', 'categorie', 'category', 'type d acteur', 'actor kind', 'actor type', 'famille'],
  description: ['description', 'presentation', 'commentaire', 'comment', 'notes', 'note'],
  level: ['engagement', 'niveau', 'niveau d engagement', 'level', 'engagement level', 'implication'],
  role: ['role', 'fonction', 'role dans le projet', 'role in the project'],
  perimeter: ['perimetre', 'perimeter', 'perimetre d enjeux', 'perimetre d entree', 'entry perimeter'],
};

export function headerKey(text: string): string {
  return nameKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Guesses the column of each field from the header row: an exact header first (« Nom »,
 * « Type d'acteur », « Niveau »), then a header that begins with one (« Nom de la structure »).
 * A column serves one field at most.
 */
export function detectColumns(header: readonly string[]): ColumnMapping {
  const keys = header.map(headerKey);
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const taken = new Set<number>();
  const claim = (match: (key: string, synonym: string) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      const index = keys.findIndex((key, i) => !taken.has(i) && key !== '' && HEADERS[field].some((s) => match(key, s)));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  };
  claim((key, synonym) => key === synonym);
  claim((key, synonym) => key.startsWith(`${synonym} `));
  return mapping;
}

/** Extra words pilots use for the closed vocabularies, beside the codes and the interface's labels. */
const SYNONYMS: Record<string, string[]> = {
  ELU: ['élue', 'élus', 'élu(e)', 'elected'],
  SERVICE: ['services', 'service municipal', 'dgs'],
  ENTREPRISE: ['entreprises', 'company', 'business', 'scop', 'société'],
  ASSOCIATION: ['associations', 'asso'],
  HABITANT: ['collectif d’habitants', 'collectif d’habitant', 'resident', 'citoyen', 'citoyens'],
  INSTITUTION: ['institutions', 'epci', 'état', 'région'],
  TIERS: ['consultant', 'laboratoire'],
  FINANCEUR: ['financeurs', 'funders'],
  CONCERNE: ['concerné', 'concernée', 'concerned', 'non impliqué'],
  INFORME: ['informée'],
  PARTICIPANT: ['participante', 'participe'],
  COOPERANT: ['coopérante'],
  MOTEUR: ['leader', 'porteur'],
};

function vocabulary(values: readonly string[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const code of values) {
    const labels = ENUM_LABELS[code];
    for (const word of [code, code.replace(/_/g, ' '), labels?.fr, labels?.en, ...(SYNONYMS[code] ?? [])]) {
      if (word) words.set(nameKey(word), code);
    }
  }
  return words;
}
const KINDS = vocabulary(ACTOR_KINDS);
const LEVELS = vocabulary(ENGAGEMENT_LEVELS);

/** A kind or level as typed → its code; unknown text is sent as typed, for the server to report. */
export function codeFromText(text: string, field: 'kind' | 'level'): string {
  const words = field === 'kind' ? KINDS : LEVELS;
  const key = nameKey(text);
  return words.get(key) ?? words.get(key.replace(/s$/, '')) ?? text.trim();
}

const cell = (row: readonly string[], index: number | null): string | null => {
  if (index === null) return null;
  const value = (row[index] ?? '').trim();
  return value === '' ? null : value;
};

/**
 * The data rows under the header (at `headerIndex`), with their line in the spreadsheet; blank
 * lines are left out, but still counted.
 */
export function toImportRows(grid: Grid, mapping: ColumnMapping, headerIndex = 0): ImportRow[] {
  const rows: ImportRow[] = [];
  grid.forEach((row, index) => {
    if (index <= headerIndex || row.every((c) => c.trim() === '')) return;
    const kind = cell(row, mapping.kind);
    const level = cell(row, mapping.level);
    rows.push({
      line: index + 1,
      name: cell(row, mapping.name),
      kind: kind === null ? null : codeFromText(kind, 'kind'),
      description: cell(row, mapping.description),
      level: level === null ? null : codeFromText(level, 'level'),
      role: cell(row, mapping.role),
      perimeter: cell(row, mapping.perimeter),
    });
  });
  return rows;
}

/** The header row: the first line that is not blank. */
export function headerIndexOf(grid: Grid): number {
  const index = grid.findIndex((row) => row.some((c) => c.trim() !== ''));
  return Math.max(index, 0);
}

export function missingColumns(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === null);
}

/** The template offered for download: French headers and labels, as French Excel opens them. */
export function templateCsv(lang: 'fr' | 'en'): string {
  if (lang === 'en') {
    return toCsv(
      ['Name', 'Kind', 'Description', 'Engagement', 'Role', 'Perimeter'],
      [
        ['Town council', 'Elected official', 'The mayor and deputies', 'Leading', 'Project owner', ''],
        ['Neighbourhood residents', 'Residents', '', 'Concerned, not involved', '', ''],
        ['Local farmers’ market', 'Association', 'Weekly basket distribution', 'Cooperating', 'Supplies the canteen', ''],
      ],
    );
  }
  return toCsv(
    ['Nom', 'Type', 'Description', 'Engagement', 'Rôle', 'Périmètre'],
    [
      ['Conseil municipal', 'Élu', 'Le maire et ses adjoints', 'Moteur', 'Porteur du projet', ''],
      ['Habitants du quartier', 'Habitants', '', 'Concerné non impliqué', '', ''],
      ['AMAP du centre', 'Association', 'Distribution hebdomadaire de paniers', 'Coopérant', 'Fournit la cantine', ''],
    ],
  );
}
