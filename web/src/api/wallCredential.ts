/**
 * The wall's credential: a wall link's secret (`trame_mur_…`), read from the URL's fragment by
 * the wall page and kept here, in memory only — never in storage, never in a URL sent to the
 * server. While it is set every request carries it as `Authorization: Bearer` and sends no
 * cookie (a wall computer may also have someone's session open in another tab).
 */
let wallSecret: string | null = null;

export function setWallSecret(secret: string | null): void {
  wallSecret = secret;
}

export function hasWallSecret(): boolean {
  return wallSecret !== null;
}

/** The headers that carry the wall's secret, or none. */
export function credentialHeaders(): Record<string, string> {
  return wallSecret ? { authorization: `Bearer ${wallSecret}` } : {};
}

/** The wall sends no cookie; the app sends its session cookie (same origin). */
export function requestCredentials(): RequestCredentials {
  return wallSecret ? 'omit' : 'same-origin';
}
