import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { toNeoDateTime } from '../time.ts';
import type { User } from './principal.ts';
import { toUser, USER_PROJECTION } from './records.ts';
import { newSecret, secretHash } from './secrets.ts';

/**
 * One-time sign-in links (`/connexion?jeton=trame_lien_…`): how the first administrator gets
 * in without a password baked anywhere. `(:SignInLink {hash, userId, createdAt, expiresAt, usedAt})`.
 */
export const SIGN_IN_LINK_VALIDITY_MS = 24 * 3_600_000;

export interface NewSignInLink {
  /** Put it in the URL; shown once, never stored. */
  token: string;
  expiresAt: Date;
}

/** A link for the user, valid `validMs` (default 24 h), usable once. Throws USER_NOT_FOUND. */
export async function createSignInLink(
  graph: Graph,
  userId: string,
  options: { now?: Date; validMs?: number } = {},
): Promise<NewSignInLink> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.validMs ?? SIGN_IN_LINK_VALIDITY_MS));
  const token = newSecret('signInLink');
  const ok = await graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {id: $userId})
       CREATE (u)-[:HAS_SIGN_IN_LINK]->(:SignInLink {hash: $hash, userId: u.id, createdAt: $now, expiresAt: $expiresAt, usedAt: null})
       RETURN u.id AS id`,
      { userId, hash: secretHash(token), now: toNeoDateTime(now), expiresAt: toNeoDateTime(expiresAt) },
    );
    return result.records.length > 0;
  });
  if (!ok) throw new DomainError('USER_NOT_FOUND', `aucun compte n'a l'identifiant « ${userId} »`, { id: userId });
  return { token, expiresAt };
}

/**
 * Uses the link: returns its user and marks it used, atomically (two concurrent uses: one
 * wins). Throws INVALID_SIGN_IN_LINK when unknown, expired, already used, or its user is
 * disabled. The caller then opens a session (createSession).
 */
export async function consumeSignInLink(graph: Graph, token: string, options: { now?: Date } = {}): Promise<User> {
  const now = toNeoDateTime(options.now ?? new Date());
  const user = await graph.write(async (tx) => {
    // Take the link's write lock first: reads are read-committed, so check after locking.
    await tx.run('MATCH (l:SignInLink {hash: $hash}) SET l._lock = true REMOVE l._lock', { hash: secretHash(token) });
    const result = await tx.run(
      `MATCH (l:SignInLink {hash: $hash}) WHERE l.usedAt IS NULL AND l.expiresAt > $now
       MATCH (u:User {id: l.userId}) WHERE u.disabledAt IS NULL
       SET l.usedAt = $now
       RETURN ${USER_PROJECTION} AS user`,
      { hash: secretHash(token), now },
    );
    const row = result.records[0];
    return row ? toUser(row.get('user') as Record<string, unknown>) : null;
  });
  if (!user)
    throw new DomainError(
      'INVALID_SIGN_IN_LINK',
      'ce lien de connexion est inconnu, expiré ou déjà utilisé : demandez-en un nouveau à un administrateur',
    );
  return user;
}
