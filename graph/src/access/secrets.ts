import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (session ids, personal API tokens, wall links, one-time sign-in links): 256
 * random bits, base64url (43 characters) after a prefix that says what the secret is, so a
 * leaked one is recognisable (secret scanners) and the API can route it without a lookup.
 * The graph stores only their SHA-256: a read of the database yields no usable secret, and a
 * fast hash is enough for 256-bit random values (no dictionary to guess from).
 */
export const SECRET_PREFIXES = {
  session: 'trame_ses_',
  apiToken: 'trame_pat_',
  wallLink: 'trame_mur_',
  signInLink: 'trame_lien_',
} as const;
export type SecretKind = keyof typeof SECRET_PREFIXES;

/** A new secret of that kind: prefix + 32 random bytes in base64url. */
export function newSecret(kind: SecretKind): string {
  return SECRET_PREFIXES[kind] + randomBytes(32).toString('base64url');
}

/** The kind a presented secret claims by its prefix, or null. Says nothing of its validity. */
export function secretKind(secret: string): SecretKind | null {
  for (const [kind, prefix] of Object.entries(SECRET_PREFIXES)) {
    if (secret.startsWith(prefix)) return kind as SecretKind;
  }
  return null;
}

/** SHA-256 of the secret, hex (64 characters): what the graph stores and looks up. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Prefix and 4 characters, to recognise a secret in a list without revealing it: `trame_pat_Ab3x…`. */
export function secretHint(secret: string, kind: SecretKind): string {
  const prefix = SECRET_PREFIXES[kind];
  return `${prefix}${secret.slice(prefix.length, prefix.length + 4)}…`;
}

/** A random id for an access record, e.g. `usr-3f9a0c1be27d4a58` (fits ID_PATTERN). */
export function newAccessId(prefix: 'usr' | 'grt' | 'tok' | 'mur'): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}
