import type { Graph } from '../db/graph.ts';
import { DomainError, isDomainError } from '../errors.ts';
import { LIMITS } from '../model/limits.ts';
import { toNeoDateTime } from '../time.ts';
import { hashPassword, needsRehash, PASSWORD_RULES, spendVerification, verifyPasswordHash } from './passwords.ts';
import type { User } from './principal.ts';
import { toUser, USER_PROJECTION } from './records.ts';
import { newAccessId, secretHash } from './secrets.ts';

/**
 * Users and their passwords. `(:User {id, email, name, createdAt, disabledAt})`; the password
 * hash lives apart in `(:Password {userId, hash, setAt})`, so that no read of a user can carry
 * it. Functions take the Graph, not a transaction: hashing (~70 ms) happens before the write
 * transaction, which the driver may retry.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX = 254;

/** Trimmed and lower-cased; throws INVALID_EMAIL. */
export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (value.length > EMAIL_MAX || !EMAIL.test(value)) {
    throw new DomainError('INVALID_EMAIL', `l'adresse e-mail « ${email.slice(0, 80)} » n'est pas valide`, { field: 'email' });
  }
  return value;
}

function checkName(name: string): string {
  const value = name.trim();
  if (value === '') throw new DomainError('REQUIRED_FIELD', 'le nom affiché est obligatoire', { field: 'name' });
  if (value.length > LIMITS.name) {
    throw new DomainError('TEXT_TOO_LONG', `le nom affiché ne doit pas dépasser ${LIMITS.name} caractères`, {
      field: 'name',
      max: LIMITS.name,
    });
  }
  return value;
}

export interface CreateUserInput {
  email: string;
  name: string;
  /** Optional: a user may sign in by OpenID Connect or a one-time link only. */
  password?: string | null;
  now?: Date;
}

/**
 * Creates a user. Throws INVALID_EMAIL, REQUIRED_FIELD / TEXT_TOO_LONG (name),
 * PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG, EMAIL_TAKEN (also when a concurrent creation wins
 * the unique constraint). Nothing is written on error.
 */
export async function createUser(graph: Graph, input: CreateUserInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const name = checkName(input.name);
  const passwordHash = input.password == null ? null : await hashPassword(input.password);
  const now = toNeoDateTime(input.now ?? new Date());
  const taken = () => new DomainError('EMAIL_TAKEN', `un compte utilise déjà l'adresse « ${email} »`, { field: 'email' });
  try {
    return await graph.write(async (tx) => {
      const existing = await tx.run('MATCH (u:User {email: $email}) RETURN u.id AS id', { email });
      if (existing.records.length > 0) throw taken();
      const result = await tx.run(
        `CREATE (u:User {id: $id, email: $email, name: $name, createdAt: $now, disabledAt: null})
         FOREACH (_ IN CASE WHEN $hash IS NULL THEN [] ELSE [1] END |
           CREATE (u)-[:HAS_PASSWORD]->(:Password {userId: $id, hash: $hash, setAt: $now}))
         RETURN ${USER_PROJECTION} AS user`,
        { id: newAccessId('usr'), email, name, now, hash: passwordHash },
      );
      return toUser(result.records[0]!.get('user') as Record<string, unknown>);
    });
  } catch (error) {
    // The unique constraint on User.email caught a concurrent creation (the id is random).
    if (isDomainError(error) && error.code === 'ID_TAKEN') throw taken();
    throw error;
  }
}

/** The user with this e-mail (any case), or null. Throws INVALID_EMAIL for a malformed address. */
export async function findUserByEmail(graph: Graph, email: string): Promise<User | null> {
  const normalised = normaliseEmail(email);
  return graph.read(async (tx) => {
    const result = await tx.run(`MATCH (u:User {email: $email}) RETURN ${USER_PROJECTION} AS user`, { email: normalised });
    const row = result.records[0];
    return row ? toUser(row.get('user') as Record<string, unknown>) : null;
  });
}

/** The user with this id, or null. */
export async function getUser(graph: Graph, userId: string): Promise<User | null> {
  return graph.read(async (tx) => {
    const result = await tx.run(`MATCH (u:User {id: $id}) RETURN ${USER_PROJECTION} AS user`, { id: userId });
    const row = result.records[0];
    return row ? toUser(row.get('user') as Record<string, unknown>) : null;
  });
}

/** Whether the user has a password (a user created for single sign-on or a one-time link has none). */
export async function hasPassword(graph: Graph, userId: string): Promise<boolean> {
  return graph.read(async (tx) => {
    const result = await tx.run('MATCH (:User {id: $userId})-[:HAS_PASSWORD]->(p:Password) RETURN count(p) > 0 AS has', {
      userId,
    });
    return Boolean(result.records[0]?.get('has'));
  });
}

/** Every user, by e-mail. For the administration page and the CLI. */
export async function listUsers(graph: Graph): Promise<User[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(`MATCH (u:User) RETURN ${USER_PROJECTION} AS user ORDER BY u.email`);
    return result.records.map((r) => toUser(r.get('user') as Record<string, unknown>));
  });
}

function userNotFound(userId: string): DomainError {
  return new DomainError('USER_NOT_FOUND', `aucun compte n'a l'identifiant « ${userId} »`, { id: userId });
}

export interface SetPasswordOptions {
  now?: Date;
  /** The session of the user changing their own password stays open; every other is revoked. */
  keepSession?: string | null;
}

/**
 * Sets (or replaces) the user's password and revokes all their sessions except `keepSession`,
 * so that a stolen session dies with the old password. Personal API tokens are left alone:
 * they are revoked one by one. Throws PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG, USER_NOT_FOUND.
 * Returns the number of sessions revoked.
 */
export async function setPassword(
  graph: Graph,
  userId: string,
  password: string,
  options: SetPasswordOptions = {},
): Promise<number> {
  const hash = await hashPassword(password);
  const now = toNeoDateTime(options.now ?? new Date());
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {id: $userId})
       MERGE (u)-[:HAS_PASSWORD]->(p:Password {userId: $userId})
       SET p.hash = $hash, p.setAt = $now
       WITH u
       OPTIONAL MATCH (s:Session {userId: u.id}) WHERE $keep IS NULL OR s.idHash <> $keep
       DETACH DELETE s
       RETURN u.id AS id, count(s) AS revoked`,
      { userId, hash, now, keep: options.keepSession ? secretHash(options.keepSession) : null },
    );
    const row = result.records[0];
    if (!row) throw userNotFound(userId);
    return Number(row.get('revoked'));
  });
}

/**
 * Checks an e-mail and password; returns the user. Unknown e-mail, malformed e-mail, disabled
 * account, account without password and wrong password all throw the same INVALID_CREDENTIALS
 * after the same work (one argon2id verification, one read), so neither the answer nor its
 * timing tells which accounts exist. A hash with outdated parameters is replaced on success.
 */
export async function verifyPassword(graph: Graph, email: string, password: string, options: { now?: Date } = {}): Promise<User> {
  const invalid = () => new DomainError('INVALID_CREDENTIALS', 'adresse e-mail ou mot de passe incorrect');
  let normalised: string;
  try {
    normalised = normaliseEmail(email);
  } catch {
    normalised = '';
  }
  const found = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {email: $email})
       OPTIONAL MATCH (u)-[:HAS_PASSWORD]->(p:Password)
       RETURN ${USER_PROJECTION} AS user, p.hash AS hash`,
      { email: normalised },
    );
    const row = result.records[0];
    return row ? { user: toUser(row.get('user') as Record<string, unknown>), hash: row.get('hash') as string | null } : null;
  });
  const tooLong = [...password].length > PASSWORD_RULES.maxLength;
  if (!found?.hash || found.user.disabledAt !== null || tooLong) {
    await spendVerification(password);
    throw invalid();
  }
  if (!(await verifyPasswordHash(found.hash, password))) throw invalid();
  if (needsRehash(found.hash)) {
    const fresh = await hashPassword(password);
    const now = toNeoDateTime(options.now ?? new Date());
    // Only if nobody changed the password meanwhile.
    await graph.write((tx) =>
      tx.run('MATCH (p:Password {userId: $userId}) WHERE p.hash = $old SET p.hash = $fresh, p.setAt = $now', {
        userId: found.user.id,
        old: found.hash,
        fresh,
        now,
      }),
    );
  }
  return found.user;
}

/**
 * Disables (or re-enables) an account. Disabling revokes its sessions; its tokens and grants
 * stay but are refused while the account is disabled. Throws USER_NOT_FOUND.
 */
export async function setUserDisabled(
  graph: Graph,
  userId: string,
  disabled: boolean,
  options: { now?: Date } = {},
): Promise<User> {
  const now = toNeoDateTime(options.now ?? new Date());
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (u:User {id: $userId})
       SET u.disabledAt = CASE WHEN $disabled THEN coalesce(u.disabledAt, $now) ELSE null END
       WITH u
       CALL (u) {
         OPTIONAL MATCH (s:Session {userId: u.id}) WHERE $disabled
         DETACH DELETE s
       }
       RETURN ${USER_PROJECTION} AS user`,
      { userId, disabled, now },
    );
    const row = result.records[0];
    if (!row) throw userNotFound(userId);
    return toUser(row.get('user') as Record<string, unknown>);
  });
}
