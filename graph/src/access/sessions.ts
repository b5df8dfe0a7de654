import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { fromNeoDateTime, toNeoDateTime } from '../time.ts';
import type { Grant, User } from './principal.ts';
import { ACTIVE_GRANTS, toGrant, toUser, USER_PROJECTION } from './records.ts';
import { newSecret, secretHash } from './secrets.ts';

/**
 * Server-side sessions, in the graph so that several API processes share them:
 * `(:Session {idHash, userId, createdAt, lastSeenAt, absoluteExpiresAt, userAgent})`.
 * The cookie holds the secret; the graph holds its SHA-256 only.
 */
export interface SessionLifetime {
  /** A session unused this long (ms) is over. */
  idleMs: number;
  /** A session is over this long (ms) after sign-in, used or not. */
  absoluteMs: number;
  /** lastSeenAt is written at most once per this many ms: reads stay reads. */
  touchEveryMs: number;
}

/** 12 h idle (a working day), 7 days absolute, one write a minute at most. */
export const SESSION_LIFETIME: SessionLifetime = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000, touchEveryMs: 60_000 };

export interface SessionOptions {
  now?: Date;
  lifetime?: SessionLifetime;
}

export interface NewSession {
  /** The cookie value: shown once, never stored. */
  token: string;
  /** When the session ends if unused (idle expiry), capped by the absolute expiry. */
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

/** Opens a session for the user. Throws USER_NOT_FOUND (also for a disabled account). */
export async function createSession(
  graph: Graph,
  userId: string,
  options: SessionOptions & { userAgent?: string | null } = {},
): Promise<NewSession> {
  const now = options.now ?? new Date();
  const lifetime = options.lifetime ?? SESSION_LIFETIME;
  const token = newSecret('session');
  const absoluteExpiresAt = new Date(now.getTime() + lifetime.absoluteMs);
  const created = await graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {id: $userId}) WHERE u.disabledAt IS NULL
       CREATE (u)-[:HAS_SESSION]->(:Session {idHash: $hash, userId: u.id, createdAt: $now, lastSeenAt: $now,
               absoluteExpiresAt: $absolute, userAgent: $userAgent})
       RETURN u.id AS id`,
      {
        userId,
        hash: secretHash(token),
        now: toNeoDateTime(now),
        absolute: toNeoDateTime(absoluteExpiresAt),
        userAgent: options.userAgent?.slice(0, 300) ?? null,
      },
    );
    return result.records.length > 0;
  });
  if (!created) throw new DomainError('USER_NOT_FOUND', `aucun compte actif n'a l'identifiant « ${userId} »`, { id: userId });
  return {
    token,
    expiresAt: new Date(Math.min(now.getTime() + lifetime.idleMs, absoluteExpiresAt.getTime())),
    absoluteExpiresAt,
  };
}

export interface ActiveSession {
  user: User;
  /** The user's active grants, read with the session (one round trip per request). */
  grants: Grant[];
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** lastSeenAt is older than touchEveryMs: call touchSession (authenticateSession does). */
  touchDue: boolean;
}

/**
 * The live session behind a cookie value, with its user and active grants; null when unknown,
 * idle too long, past its absolute expiry, or its user is disabled. A read only.
 */
export async function lookupSession(graph: Graph, token: string, options: SessionOptions = {}): Promise<ActiveSession | null> {
  const now = options.now ?? new Date();
  const lifetime = options.lifetime ?? SESSION_LIFETIME;
  const row = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (s:Session {idHash: $hash})
       MATCH (u:User {id: s.userId}) WHERE u.disabledAt IS NULL
       RETURN s {.createdAt, .lastSeenAt, .absoluteExpiresAt} AS session, ${USER_PROJECTION} AS user, ${ACTIVE_GRANTS} AS grants`,
      { hash: secretHash(token) },
    );
    return result.records[0] ?? null;
  });
  if (!row) return null;
  const session = row.get('session') as Record<string, unknown>;
  const lastSeenAt = fromNeoDateTime(session.lastSeenAt);
  const absolute = fromNeoDateTime(session.absoluteExpiresAt);
  const expiresAt = new Date(Math.min(lastSeenAt.getTime() + lifetime.idleMs, absolute.getTime()));
  if (now.getTime() >= expiresAt.getTime()) return null;
  return {
    user: toUser(row.get('user') as Record<string, unknown>),
    grants: (row.get('grants') as Record<string, unknown>[]).map(toGrant),
    createdAt: fromNeoDateTime(session.createdAt),
    lastSeenAt,
    expiresAt,
    touchDue: now.getTime() - lastSeenAt.getTime() >= lifetime.touchEveryMs,
  };
}

/** Records use of the session (lastSeenAt = now) unless recorded less than touchEveryMs ago. Returns whether it wrote. */
export async function touchSession(graph: Graph, token: string, options: SessionOptions = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const lifetime = options.lifetime ?? SESSION_LIFETIME;
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (s:Session {idHash: $hash}) WHERE s.lastSeenAt <= $threshold
       SET s.lastSeenAt = $now RETURN count(s) AS n`,
      {
        hash: secretHash(token),
        now: toNeoDateTime(now),
        threshold: toNeoDateTime(new Date(now.getTime() - lifetime.touchEveryMs)),
      },
    );
    return Number(result.records[0]?.get('n') ?? 0) > 0;
  });
}

/** lookupSession, then touchSession when due: what the API calls per request. */
export async function authenticateSession(
  graph: Graph,
  token: string,
  options: SessionOptions = {},
): Promise<ActiveSession | null> {
  const session = await lookupSession(graph, token, options);
  if (session?.touchDue) await touchSession(graph, token, options);
  return session;
}

/** Ends one session (sign-out). Returns whether it existed. */
export async function revokeSession(graph: Graph, token: string): Promise<boolean> {
  return graph.write(async (tx) => {
    const result = await tx.run('MATCH (s:Session {idHash: $hash}) DETACH DELETE s RETURN count(s) AS n', {
      hash: secretHash(token),
    });
    return Number(result.records[0]?.get('n') ?? 0) > 0;
  });
}

/** Ends every session of the user, except `except` (a cookie value) if given. Returns how many ended. */
export async function revokeUserSessions(
  graph: Graph,
  userId: string,
  options: { except?: string | null } = {},
): Promise<number> {
  return graph.write(async (tx) => {
    const result = await tx.run(
      'MATCH (s:Session {userId: $userId}) WHERE $keep IS NULL OR s.idHash <> $keep DETACH DELETE s RETURN count(s) AS n',
      { userId, keep: options.except ? secretHash(options.except) : null },
    );
    return Number(result.records[0]?.get('n') ?? 0);
  });
}

/** Deletes sessions past their idle or absolute expiry (a periodic chore). Returns how many. */
export async function purgeExpiredSessions(graph: Graph, options: SessionOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const lifetime = options.lifetime ?? SESSION_LIFETIME;
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (s:Session) WHERE s.absoluteExpiresAt <= $now OR s.lastSeenAt <= $idleBefore
       DETACH DELETE s RETURN count(s) AS n`,
      { now: toNeoDateTime(now), idleBefore: toNeoDateTime(new Date(now.getTime() - lifetime.idleMs)) },
    );
    return Number(result.records[0]?.get('n') ?? 0);
  });
}
