/**
 * How a typed name is compared with a stored one, for imports: « Mairie de Malaunay »,
 * « MAIRIE DE MALAUNAY » and « mairie de  malaunay » name the same actor, and so do « Élus » and
 * « elus ». Spreadsheets also swap apostrophes (’ for ') and dashes (– for -) on their own.
 * Safe to import from the browser.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How close two actors' names must be for the editor to warn of a near-duplicate when one is
 * created or renamed: `nameKey` (case, accents, apostrophes, spaces), and then every punctuation
 * mark or symbol set aside too — « Épicerie solidaire du Cailly », « EPICERIE SOLIDAIRE DU
 * CAILLY » and « Epicerie-solidaire (du) Cailly » share the key `epicerie solidaire du cailly`.
 * Looser than an import's matching (two names with the same `nameKey` are the same actor for an
 * import, AMBIGUOUS_NAME when two such actors exist): anything the import would confuse, the
 * warning catches first. Safe to import from the browser.
 */
export function nearNameKey(text: string): string {
  return nameKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A closed-vocabulary code typed by a person: the code itself, in any case, with or without
 * accents, spaces for underscores (« coopérant » → COOPERANT, « mis au travail » →
 * MIS_AU_TRAVAIL). Null when it is none of `values`. French labels (« Concerné non impliqué »)
 * are the interface's business (web/src/import).
 */
export function enumFromText<T extends string>(text: string, values: readonly T[]): T | null {
  const key = nameKey(text)
    .toUpperCase()
    .replace(/[\s'-]+/g, '_');
  return values.find((value) => value === key) ?? null;
}

/**
 * The actors whose name is a near-duplicate of `name` (same `nearNameKey`), leaving out
 * `exceptId` (the actor being renamed). An empty name has none.
 */
export function nearDuplicates<T extends { id: string; name: string }>(
  name: string,
  candidates: readonly T[],
  exceptId: string | null = null,
): T[] {
  const key = nearNameKey(name);
  if (key === '') return [];
  return candidates.filter((candidate) => candidate.id !== exceptId && nearNameKey(candidate.name) === key);
}
