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
