import { nameKey } from '../../model/names.ts';

/**
 * The sheet and column vocabulary of the exchange formats: what each kind of sheet holds, the
 * header the export writes (French, first) and the headers people write, in French and in
 * English, as Kumu and Gephi name them. docs/decisions/0005-exchange-formats.md lists them.
 */

export const SHEET_KINDS = [
  'actors',
  'perimeters',
  'objectives',
  'positions',
  'influences',
  'cooperations',
  'convergences',
  'conflicts',
  'externalities',
  'milestones',
  'ecosystems',
  'leaps',
  'edges',
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export type MatrixKind = 'positionMatrix' | 'influenceMatrix';

export interface ColumnSpec {
  /** The column's job in the sheet (a model field, or id, start, end…). */
  key: string;
  /** The header the export writes. */
  header: string;
  /** Headers people write, compared after `headerKey`. */
  synonyms: string[];
}

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet's name in an export, and its French name in messages. */
  title: string;
  /** Sheet names that hint at this kind (after `headerKey`). */
  names: string[];
  /** Columns that must all be found for a sheet to be read as this kind. */
  required: string[];
  columns: ColumnSpec[];
}

const column = (key: string, header: string, ...synonyms: string[]): ColumnSpec => ({
  key,
  header,
  synonyms: [header, ...synonyms].map(headerKey),
});

const ID = column('id', 'Id', 'identifiant', 'identifier', 'uid');
const START = column(
  'start',
  'Depuis',
  "date d'entrée",
  'date d entree',
  'date de début',
  'début',
  'date début',
  'start',
  'start date',
  'valid from',
  'entrée',
  'du',
);
const END = column(
  'end',
  "Jusqu'au",
  'jusqu au',
  'date de fin',
  'fin',
  'date de sortie',
  'end',
  'end date',
  'valid to',
  'au',
  'sortie',
);
const DESCRIPTION = column('description', 'Description', 'présentation', 'commentaire', 'comment', 'notes', 'descriptif');
const NOTE = column('note', 'Note', 'notes', 'commentaire', 'comment', 'description');

export const SHEETS: Record<SheetKind, SheetSpec> = {
  actors: {
    kind: 'actors',
    title: 'Acteurs',
    names: ['acteurs', 'actors', 'nodes', 'noeuds', 'elements', 'structures', 'parties prenantes', 'stakeholders'],
    required: ['name'],
    columns: [
      ID,
      column(
        'name',
        'Nom',
        'name',
        'label',
        'acteur',
        'actor',
        "nom de l'acteur",
        'actor name',
        'organisation',
        'organization',
        'structure',
        'raison sociale',
        'intitulé',
      ),
      column('kind', 'Type', "type d'acteur", 'kind', 'catégorie', 'category', 'actor kind', 'actor type', 'famille'),
      DESCRIPTION,
      column('level', "Niveau d'engagement", 'engagement', 'niveau', 'level', 'engagement level', 'implication'),
      column('role', 'Rôle', 'fonction', 'rôle dans le projet', 'role in the project'),
      column('perimeter', "Périmètre d'entrée", 'périmètre', 'perimeter', "périmètre d'enjeux", 'entry perimeter'),
      column('engagementId', 'Id engagement', 'engagement id', 'identifiant engagement'),
      START,
      END,
    ],
  },
  perimeters: {
    kind: 'perimeters',
    title: 'Périmètres',
    names: ['perimetres', 'perimetres d enjeux', 'perimeters'],
    required: ['name', 'description'],
    columns: [ID, column('name', 'Nom', 'name', 'label', 'périmètre', 'perimeter'), DESCRIPTION, START, END],
  },
  objectives: {
    kind: 'objectives',
    title: 'Objectifs',
    names: ['objectifs', 'objectives', 'goals', 'enjeux'],
    required: ['title'],
    columns: [
      ID,
      column('title', 'Intitulé', 'objectif', 'objective', 'titre', 'title', 'intitulé de l objectif', 'goal'),
      column('actor', 'Acteur porteur', 'porteur', 'porté par', 'carrier', 'owner', 'actor'),
      DESCRIPTION,
      column('dimensions', 'Dimensions de valeur', 'dimensions', 'dimension', 'value dimensions'),
      column('nature', 'Nature', 'matériel immatériel'),
      column('confidential', 'Confidentiel', 'confidentiel', 'confidential', 'sensible'),
      column('perimeter', 'Périmètre', 'perimeter', "périmètre d'enjeux"),
      START,
      END,
    ],
  },
  positions: {
    kind: 'positions',
    title: 'Positions',
    names: ['positions', 'mao', '1mao', '2mao'],
    required: ['actor', 'objective', 'value'],
    columns: [
      ID,
      column('actor', 'Acteur', 'actor', 'nom de l acteur'),
      column('objective', 'Objectif', 'objective', 'intitulé de l objectif'),
      column('value', 'Position', 'valeur', 'value', 'score'),
      NOTE,
      START,
      END,
    ],
  },
  influences: {
    kind: 'influences',
    title: 'Influences',
    names: ['influences', 'mid', 'influence'],
    required: ['from', 'to', 'value'],
    columns: [
      ID,
      column('from', 'Acteur influent', 'influent', 'de', 'from', 'source', 'influencing actor'),
      column('to', 'Acteur influencé', 'influencé', 'sur', 'vers', 'to', 'target', 'influenced actor'),
      column('value', 'Influence', 'valeur', 'value', 'force', 'strength', 'poids', 'weight', 'intensité'),
      START,
      END,
    ],
  },
  cooperations: {
    kind: 'cooperations',
    title: 'Coopérations',
    names: ['cooperations', 'cooperation'],
    required: ['actorA', 'actorB', 'commitments'],
    columns: [
      ID,
      column('actorA', 'Premier acteur', 'acteur a', 'actor a', 'first actor', 'acteur 1'),
      column('actorB', 'Second acteur', 'acteur b', 'actor b', 'second actor', 'acteur 2', 'deuxième acteur'),
      column('commitments', 'Engagements réciproques', 'engagements', 'commitments', 'reciprocal commitments'),
      column('counterparts', 'Contreparties', 'counterparts', 'contrepartie'),
      START,
      END,
    ],
  },
  convergences: {
    kind: 'convergences',
    title: 'Convergences',
    names: ['convergences', 'convergence'],
    required: ['objectiveA', 'objectiveB'],
    columns: [
      ID,
      column('objectiveA', 'Premier objectif', 'objectif a', 'objective a', 'first objective', 'objectif 1'),
      column('objectiveB', 'Second objectif', 'objectif b', 'objective b', 'second objective', 'objectif 2', 'deuxième objectif'),
      NOTE,
      START,
      END,
    ],
  },
  conflicts: {
    kind: 'conflicts',
    title: 'Conflits',
    names: ['conflits', 'conflicts', 'tensions'],
    required: ['objectiveA', 'objectiveB', 'intensity'],
    columns: [
      ID,
      column('objectiveA', 'Premier objectif', 'objectif a', 'objective a', 'first objective', 'objectif 1'),
      column('objectiveB', 'Second objectif', 'objectif b', 'objective b', 'second objective', 'objectif 2', 'deuxième objectif'),
      column('intensity', 'Intensité', 'intensity', 'gravité', 'severity'),
      column('status', 'Statut', 'status', 'état'),
      column('arbitration', 'Arbitrage', 'arbitration'),
      NOTE,
      column('confidential', 'Confidentiel', 'confidential', 'sensible'),
      START,
      END,
    ],
  },
  externalities: {
    kind: 'externalities',
    title: 'Externalités',
    names: ['externalites', 'externalities'],
    required: ['description', 'sign', 'affected'],
    columns: [
      ID,
      column('description', 'Description', 'externalité', 'externality', 'effet', 'effect'),
      column('sign', 'Signe', 'sign', 'sens'),
      column('affected', 'Acteurs affectés', 'acteurs concernés', 'affected actors', 'affected', 'affectés'),
      column('objective', 'Objectif source', 'objectif', 'objective', 'source objective'),
      column('status', 'Statut', 'status', 'état'),
      column('internalisation', 'Internalisation', 'internalization'),
      START,
      END,
    ],
  },
  milestones: {
    kind: 'milestones',
    title: 'Jalons',
    names: ['jalons', 'milestones', 'dates cles', 'etapes'],
    required: ['name', 'date'],
    columns: [
      ID,
      column('name', 'Nom', 'name', 'jalon', 'milestone', 'label', 'intitulé'),
      column('date', 'Date', 'le', 'on'),
      DESCRIPTION,
    ],
  },
  ecosystems: {
    kind: 'ecosystems',
    title: 'Écosystèmes',
    names: ['ecosystemes', 'ecosystemes cooperatifs', 'ecosystems'],
    required: ['name', 'members'],
    columns: [
      ID,
      column('name', 'Nom', 'name', 'écosystème', 'ecosystem', 'label', 'intitulé'),
      column('members', 'Membres', 'members', 'acteurs membres', 'acteurs', 'actors'),
      column('perimeter', 'Périmètre', 'perimeter', "périmètre d'enjeux"),
      DESCRIPTION,
      START,
      END,
    ],
  },
  leaps: {
    kind: 'leaps',
    title: 'Sauts systémiques',
    names: ['sauts systemiques', 'sauts', 'systemic leaps', 'leaps'],
    required: ['from', 'to', 'trigger'],
    columns: [
      ID,
      column('from', 'Périmètre de départ', 'de', 'from', 'from perimeter', 'périmètre initial'),
      column('to', "Périmètre d'arrivée", 'vers', 'to', 'to perimeter', 'périmètre élargi'),
      column('trigger', 'Événement déclencheur', 'déclencheur', 'trigger', 'événement', 'event'),
      DESCRIPTION,
      START,
      END,
    ],
  },
  edges: {
    kind: 'edges',
    title: 'Relations',
    names: ['relations', 'connections', 'connexions', 'liens', 'links', 'edges', 'aretes'],
    required: ['from', 'to', 'type'],
    columns: [
      ID,
      column('from', 'De', 'from', 'source', 'origine'),
      column('to', 'Vers', 'to', 'target', 'cible', 'destination'),
      column('type', 'Type', 'type de relation', 'relation', 'kind', 'connection type', 'label'),
      column('strength', 'Force', 'strength', 'weight', 'poids', 'valeur', 'value', 'intensité'),
      column('status', 'Statut', 'status'),
      column('note', 'Note', 'notes', 'description', 'commentaire', 'engagements réciproques'),
      START,
      END,
    ],
  },
};

/** What an edge's `Type` names: the relation it becomes. */
export const EDGE_TYPES: Record<'Influence' | 'Cooperation' | 'Convergence' | 'Conflict' | 'Position', string[]> = {
  Influence: ['influence', 'influences', 'influence sur', 'mid'],
  Cooperation: ['cooperation', 'coopération', 'coopere avec', 'partenariat', 'partnership', 'collaboration'],
  Convergence: ['convergence', 'converge'],
  Conflict: ['conflit', 'conflict', 'tension', 'opposition'],
  Position: ['position', 'soutient', 'supports', 'stance'],
};

/** Sheet names of instructions, never data. */
const INSTRUCTION_NAMES = [
  'mode d emploi',
  'instructions',
  'notice',
  'lisez moi',
  'readme',
  'read me',
  'aide',
  'help',
  'legende',
  'legend',
  'a lire',
];

/** A header as compared: `nameKey` (case, accents, apostrophes) and punctuation as spaces. */
export function headerKey(text: string): string {
  return nameKey(text)
    .replace(/[^a-z0-9+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isInstructionSheet(name: string): boolean {
  const key = headerKey(name);
  return INSTRUCTION_NAMES.some((n) => key === n || key.startsWith(`${n} `));
}

/**
 * The column of `spec` a header names, or null: the header itself, then the header without
 * what it says in brackets (« Type (élu, service, entreprise) »), then a header that begins with
 * a synonym (« Nom de la structure »).
 */
export function columnFor(spec: SheetSpec, header: string, taken: ReadonlySet<string>): ColumnSpec | null {
  const full = headerKey(header);
  if (full === '') return null;
  const bare = headerKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  const free = spec.columns.filter((c) => !taken.has(c.key));
  return (
    free.find((c) => c.synonyms.includes(full)) ??
    free.find((c) => c.synonyms.includes(bare)) ??
    free.find((c) => c.synonyms.some((s) => s.length > 2 && bare.startsWith(`${s} `))) ??
    null
  );
}
