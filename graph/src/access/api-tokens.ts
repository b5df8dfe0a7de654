import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { fromNeoDateTime, toNeoDateTime } from '../time.ts';
import { checkCredentialName, checkExpiry } from './credential-names.ts';
import type { Grant, User } from './principal.ts';
import { ACTIVE_GRANTS, optionalDate, toGrant, toUser, USER_PROJECTION } from './records.ts';
import { newAccessId, newSecret, secretHash, secretHint } from './secrets.ts';

/**
 * Personal API tokens for scripts (`Authorization: Bearer trame_pat_…`): they act as their
 * user, with the user's current roles. `(:User)-[:HAS_TOKEN]->(:ApiToken {id, userId, name,
 * hash, hint, createdAt, expiresAt, lastUsedAt, revokedAt})`. Shown once, stored hashed.
 */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  name: string;
  /** `trame_pat_Ab3x…`: enough to recognise it, useless to an attacker. */
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const PROJECTION = 't {.id, .userId, .name, .hint, .createdAt, .expiresAt, .lastUsedAt, .revokedAt}';
/** lastUsedAt is written at most this often (ms): a script's burst of requests stays reads. */
export const LAST_USE_EVERY_MS = 60_000;

function toInfo(props: Record<string, unknown>): ApiTokenInfo {
  return {
    id: props.id as string,
    userId: props.userId as string,
    name: props.name as string,
    hint: props.hint as string,
    createdAt: fromNeoDateTime(props.createdAt),
    expiresAt: optionalDate(props.expiresAt),
    lastUsedAt: optionalDate(props.lastUsedAt),
    revokedAt: optionalDate(props.revokedAt),
  };
}

/**
 * Creates a token for the user; `token` is shown once. Throws REQUIRED_FIELD / TEXT_TOO_LONG
 * (name), INVALID_EXPIRY, USER_NOT_FOUND (also for a disabled account).
 */
export async function createApiToken(
  graph: Graph,
  input: { userId: string; name: string; expiresAt?: Date | null; now?: Date },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const now = input.now ?? new Date();
  const name = checkCredentialName(input.name, 'le nom du jeton');
  const expiresAt = checkExpiry(input.expiresAt, now);
  const token = newSecret('apiToken');
  const info = await graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {id: $userId}) WHERE u.disabledAt IS NULL
       CREATE (u)-[:HAS_TOKEN]->(t:ApiToken {id: $id, userId: u.id, name: $name, hash: $hash, hint: $hint, createdAt: $now,
                                             expiresAt: $expiresAt, lastUsedAt: null, revokedAt: null})
       RETURN ${PROJECTION} AS token`,
      {
        userId: input.userId,
        id: newAccessId('tok'),
        name,
        hash: secretHash(token),
        hint: secretHint(token, 'apiToken'),
        now: toNeoDateTime(now),
        expiresAt: expiresAt ? toNeoDateTime(expiresAt) : null,
      },
    );
    const row = result.records[0];
    return row ? toInfo(row.get('token') as Record<string, unknown>) : null;
  });
  if (!info)
    throw new DomainError('USER_NOT_FOUND', `aucun compte actif n'a l'identifiant « ${input.userId} »`, { id: input.userId });
  return { token, info };
}

export interface TokenHolder {
  tokenId: string;
  user: User;
  grants: Grant[];
}

/**
 * The user behind a presented token, with their active grants; null when unknown, revoked,
 * expired or the user is disabled. Records the use (at most once a minute).
 */
export async function authenticateApiToken(
  graph: Graph,
  token: string,
  options: { now?: Date } = {},
): Promise<TokenHolder | null> {
  const now = options.now ?? new Date();
  const hash = secretHash(token);
  const row = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > $now)
       MATCH (u:User {id: t.userId}) WHERE u.disabledAt IS NULL
       RETURN t.id AS id, t.lastUsedAt AS lastUsedAt, ${USER_PROJECTION} AS user, ${ACTIVE_GRANTS} AS grants`,
      { hash, now: toNeoDateTime(now) },
    );
    return result.records[0] ?? null;
  });
  if (!row) return null;
  const lastUsedAt = optionalDate(row.get('lastUsedAt'));
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USE_EVERY_MS) {
    await graph.write((tx) =>
      tx.run('MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = $now', { hash, now: toNeoDateTime(now) }),
    );
  }
  return {
    tokenId: row.get('id') as string,
    user: toUser(row.get('user') as Record<string, unknown>),
    grants: (row.get('grants') as Record<string, unknown>[]).map(toGrant),
  };
}

/** The user's tokens, revoked ones included, newest first. Never the secret. */
export async function listApiTokens(graph: Graph, userId: string): Promise<ApiTokenInfo[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (t:ApiToken {userId: $userId}) RETURN ${PROJECTION} AS token ORDER BY t.createdAt DESC, t.id`,
      { userId },
    );
    return result.records.map((r) => toInfo(r.get('token') as Record<string, unknown>));
  });
}

/**
 * Revokes a token: refused from the next request on. `ownerId`, when given, must be its
 * user (a user revoking their own; administrators omit it). Idempotent. Throws
 * ACCESS_TOKEN_NOT_FOUND (also for another user's token, so ids cannot be probed).
 */
export async function revokeApiToken(
  graph: Graph,
  tokenId: string,
  options: { ownerId?: string | null; now?: Date } = {},
): Promise<ApiTokenInfo> {
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (t:ApiToken {id: $id}) WHERE $ownerId IS NULL OR t.userId = $ownerId
       SET t.revokedAt = coalesce(t.revokedAt, $now)
       RETURN ${PROJECTION} AS token`,
      { id: tokenId, ownerId: options.ownerId ?? null, now: toNeoDateTime(options.now ?? new Date()) },
    );
    const row = result.records[0];
    if (!row)
      throw new DomainError('ACCESS_TOKEN_NOT_FOUND', `aucun jeton d'accès n'a l'identifiant « ${tokenId} »`, { id: tokenId });
    return toInfo(row.get('token') as Record<string, unknown>);
  });
}
