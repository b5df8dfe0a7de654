/**
 * The errors a user can cause, with stable codes. The API turns a DomainError into a GraphQL
 * error with `extensions.code`; anything else is masked. Every code is documented here and a
 * test checks the catalogue against the codes the code base raises.
 */
export const ERROR_CODES = {
  NOT_FOUND: "L'identifiant ne désigne aucune entité de ce type.",
  INVALID_ID: "L'identifiant fourni n'a pas un format valide.",
  ID_TAKEN: "L'identifiant demandé est déjà utilisé.",
  REQUIRED_FIELD: 'Un champ obligatoire est absent ou vide.',
  TEXT_TOO_LONG: 'Un texte dépasse la longueur permise.',
  OUT_OF_RANGE: "Un nombre sort de l'intervalle permis.",
  INVALID_NUMBER: "Une valeur n'est pas un nombre entier (import d'un fichier).",
  INVALID_POSITION: 'Une position doit être un entier entre -4 et 4.',
  INVALID_INFLUENCE: 'Une influence doit être un entier entre 0 et 4.',
  INVALID_INTENSITY: "L'intensité d'un conflit doit être un entier entre 1 et 4.",
  INVALID_ENUM: "Une valeur n'appartient pas à la liste permise.",
  INVALID_DATE:
    "Une date n'est pas valide : format AAAA-MM-JJ ou ISO 8601, jour qui existe au calendrier (jamais décalé), année entre 1900 et 9998.",
  INVALID_TEXT:
    'Un texte contient un caractère de contrôle (NUL…) ; seuls la tabulation et le retour à la ligne sont permis, et seulement dans les textes longs.',
  INVALID_FIELD: "Un champ n'existe pas pour ce type d'entité ou n'a pas le bon type.",
  FIXED_FIELD: 'Ce champ est fixé à la création et ne peut plus changer.',
  SAME_OBJECTIVE: 'Une convergence ou un conflit relie deux objectifs différents.',
  SAME_ACTOR: 'Une coopération ou une influence relie deux acteurs différents.',
  SAME_PERIMETER: 'Un saut systémique relie deux périmètres différents.',
  DANGLING_REFERENCE: "Une référence désigne une entité qui n'existe pas à la date d'effet, ou qui a pris fin.",
  WRONG_REFERENCE_TYPE: "Une référence désigne une entité d'un autre type que celui attendu.",
  CROSS_PROJECT_REFERENCE: "Une référence désigne une entité d'un autre projet.",
  CROSS_TERRITORY_REFERENCE: "Une référence désigne une entité d'un autre territoire.",
  DUPLICATE_MEMBER: 'Une liste de membres nomme deux fois le même acteur.',
  TOO_FEW_ITEMS: "Une liste compte moins d'éléments que le minimum permis (un écosystème réunit au moins deux acteurs).",
  DUPLICATE_ENTITY:
    'Une entité équivalente existe déjà à cette date (un seul engagement par acteur et projet, une seule position par acteur et objectif, une seule influence par paire).',
  ARBITRATION_REQUIRED: 'Un conflit arbitré doit décrire son arbitrage.',
  VERSION_CONFLICT: "L'entité a été modifiée depuis sa lecture : relisez-la et réappliquez le changement.",
  ENTITY_ENDED: "L'entité a pris fin : elle ne peut plus être modifiée.",
  DATE_BEFORE_LAST_CHANGE: "La date d'effet précède le dernier changement enregistré de l'entité.",
  DATE_IN_FUTURE: "La date d'effet est dans le futur.",
  CHANGE_NOT_FOUND: "Le changement demandé n'existe pas.",
  MERGE_SAME_ACTOR: 'Une fusion réunit deux acteurs différents.',
  MERGE_OTHER_TERRITORY: 'Une fusion réunit deux acteurs du même territoire.',
  MERGE_CONFLICT:
    'Les deux acteurs à fusionner ont des positions (ou des influences) différentes sur le même objectif (ou le même acteur) : accordez-les avant de fusionner.',
  REVERT_NOT_APPLICABLE: "Le changement ne peut plus être annulé : l'entité a changé depuis.",
  INVALID_CURSOR: "Le curseur de pagination n'est pas valide.",
  INVALID_RANGE: 'La date de début doit précéder la date de fin.',
  INVALID_BOOKMARK:
    "L'en-tête Trame-Bookmark n'est pas valide ou désigne une transaction que la base ne connaît pas : renvoyez celui de la dernière réponse, ou aucun.",
  FORBIDDEN: "Cette action n'est pas permise à l'utilisateur.",
  AMBIGUOUS_NAME: 'Plusieurs entités portent ce nom : impossible de savoir laquelle est désignée.',
  IMPORT_INVALID_ROWS:
    "Des lignes du fichier importé ne sont pas valides : rien n'a été importé. Le détail par ligne est dans extensions.rows.",
  IMPORT_TOO_MANY_ROWS: 'Le fichier importé dépasse le nombre de lignes permis en une fois.',
  IMPORT_NO_ROWS: 'Le fichier importé ne contient aucune ligne.',
  // Importing a file (graph/src/exchange/, graph/src/import/workbook.ts): the file, then its rows.
  FILE_TOO_LARGE: 'Le fichier dépasse la taille permise (20 Mo).',
  FILE_TOO_MANY_ROWS: 'Le fichier dépasse le nombre de lignes permis (50 000).',
  FILE_NOT_TEXT: "Le fichier n'est pas un texte lisible (CSV ou TSV) : un classeur renommé ou un fichier binaire.",
  FILE_FORMAT_UNKNOWN: "Le format du fichier n'est pas reconnu (.csv, .tsv, .txt, .xlsx, .xls, .ods).",
  FILE_UNREADABLE: 'Le classeur est endommagé ou ne peut pas être lu.',
  FILE_EMPTY: 'Le fichier est vide.',
  MISSING_VALUE: "Une cellule obligatoire est vide, ou aucune colonne ne la donne (problème de ligne de l'import).",
  INVALID_BOOLEAN: "Une cellule oui/non n'est ni oui, ni non (problème de ligne de l'import).",
  DATE_ORDER: "La date de fin d'une ligne précède sa date de début (problème de ligne de l'import).",
  UNKNOWN_RELATION: "Le type d'une relation n'est pas reconnu (problème de ligne de l'import).",
  SAME_ENDPOINTS: "Les deux bouts d'une relation désignent la même entité (problème de ligne de l'import).",
  UNKNOWN_REFERENCE:
    "Un nom ou un identifiant ne désigne aucune entité du projet, du territoire ou du fichier (problème de ligne de l'import).",
  BACKUP_INVALID: "Le fichier n'est pas une sauvegarde de Trame, ou elle est incomplète.",
  BACKUP_VERSION_UNSUPPORTED: 'La sauvegarde est dans un format que cette version de Trame ne lit pas.',
  BACKUP_ID_COLLISION:
    'La base contient déjà des éléments de la sauvegarde (mêmes identifiants) : restaurez-la dans une base vide ou qui ne contient pas ce territoire.',
  DUPLICATE_ROW: "Deux lignes du fichier décrivent la même entité avec des valeurs différentes (problème de ligne de l'import).",
  // Access control (graph/src/access/, docs/API.md « Accès et comptes »).
  UNAUTHENTICATED: 'Connectez-vous pour accéder à cette ressource.',
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  INVALID_EMAIL: "L'adresse e-mail n'est pas valide.",
  EMAIL_TAKEN: 'Un compte utilise déjà cette adresse e-mail.',
  PASSWORD_TOO_SHORT: 'Le mot de passe doit compter au moins 12 caractères.',
  PASSWORD_TOO_LONG: 'Le mot de passe dépasse la longueur permise (256 caractères).',
  USER_NOT_FOUND: 'Aucun compte ne correspond à cet identifiant ou à cette adresse.',
  INVALID_ROLE:
    "Le rôle ou sa portée n'est pas valide (administrateur : aucune portée ; pilote : un projet ; relecteur : un territoire).",
  GRANT_NOT_FOUND: "L'attribution de rôle demandée n'existe pas.",
  ACCESS_TOKEN_NOT_FOUND: "Le jeton d'accès demandé n'existe pas.",
  WALL_LINK_NOT_FOUND: "Le lien d'affichage mural demandé n'existe pas.",
  INVALID_EXPIRY: "La date d'expiration doit être dans le futur.",
  INVALID_SIGN_IN_LINK: 'Le lien de connexion est inconnu, expiré ou déjà utilisé.',
  INVALID_EMAIL_DOMAIN: "Le domaine de messagerie n'est pas valide (par exemple : ville-malaunay.fr).",
  EMAIL_DOMAIN_NOT_ALLOWED:
    "Le domaine de cette adresse n'est pas autorisé : un administrateur doit l'ajouter avant la première connexion.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * French agreement of a message with the label it starts with: `agree('les dimensions de
 * valeur', 'est obligatoire', 'sont obligatoires')` → « sont obligatoires » (the model's labels
 * carry their article: « le nom », « la position », « les membres »).
 */
export function agree(label: string, singular: string, plural: string): string {
  return /^les\s/i.test(label) ? plural : singular;
}

/** « 1 élément », « 3 éléments »: a counted French noun (0 and 1 take the singular). */
export function countedFr(n: number, singular: string, plural: string): string {
  return `${n} ${Math.abs(n) >= 2 ? plural : singular}`;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Duck-typed so that an error from another copy of this module is still recognised. */
export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof DomainError ||
    (error instanceof Error &&
      error.name === 'DomainError' &&
      typeof (error as DomainError).code === 'string' &&
      (error as DomainError).code in ERROR_CODES)
  );
}
