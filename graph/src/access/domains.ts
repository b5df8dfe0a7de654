import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { toNeoDateTime } from '../time.ts';
import type { User } from './principal.ts';
import { toUser, USER_PROJECTION } from './records.ts';
import { newAccessId } from './secrets.ts';
import { normaliseEmail } from './users.ts';

/**
 * The e-mail domains whose people may get an account on their first OpenID Connect sign-in
 * (`(:AllowedDomain {domain, addedAt, addedBy})`), managed by administrators. Without a listed
 * domain, single sign-on only lets in users who already exist.
 */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** Trimmed, lower-cased, no leading `@`; throws INVALID_EMAIL_DOMAIN. */
export function normaliseDomain(domain: string): string {
  const value = domain.trim().toLowerCase().replace(/^@/, '');
  if (!DOMAIN.test(value)) {
    throw new DomainError(
      'INVALID_EMAIL_DOMAIN',
      `« ${domain.slice(0, 80)} » n'est pas un domaine de messagerie valide (par exemple : ville-malaunay.fr)`,
      { field: 'domain' },
    );
  }
  return value;
}

/** The allowed domains, sorted. */
export async function allowedDomains(graph: Graph): Promise<string[]> {
  return graph.read(async (tx) => {
    const result = await tx.run('MATCH (d:AllowedDomain) RETURN d.domain AS domain ORDER BY domain');
    return result.records.map((r) => r.get('domain') as string);
  });
}

/** Adds a domain (idempotent). `by`: the administrator's user id. Throws INVALID_EMAIL_DOMAIN. */
export async function addAllowedDomain(graph: Graph, domain: string, options: { by: string; now?: Date }): Promise<string> {
  const value = normaliseDomain(domain);
  await graph.write((tx) =>
    tx.run('MERGE (d:AllowedDomain {domain: $domain}) ON CREATE SET d.addedAt = $now, d.addedBy = $by', {
      domain: value,
      now: toNeoDateTime(options.now ?? new Date()),
      by: options.by,
    }),
  );
  return value;
}

/** Removes a domain; existing users keep their accounts. Returns whether it was listed. */
export async function removeAllowedDomain(graph: Graph, domain: string): Promise<boolean> {
  const value = normaliseDomain(domain);
  return graph.write(async (tx) => {
    const result = await tx.run('MATCH (d:AllowedDomain {domain: $domain}) DELETE d RETURN count(d) AS n', { domain: value });
    return Number(result.records[0]?.get('n') ?? 0) > 0;
  });
}

/** The domain part of an address, lower-cased. */
export function emailDomain(email: string): string {
  const normalised = normaliseEmail(email);
  return normalised.slice(normalised.lastIndexOf('@') + 1);
}

/**
 * The user an OpenID Connect sign-in maps to: the existing user with this e-mail, or a new
 * one (no password, no role) when the e-mail's domain is allowed. The caller passes only an
 * e-mail the provider asserts as verified (`email_verified`). Throws INVALID_EMAIL,
 * EMAIL_DOMAIN_NOT_ALLOWED, FORBIDDEN (disabled account).
 */
export async function userForSingleSignOn(graph: Graph, input: { email: string; name: string; now?: Date }): Promise<User> {
  const email = normaliseEmail(input.email);
  const domain = emailDomain(email);
  const name = input.name.trim().slice(0, 200) || email;
  const now = toNeoDateTime(input.now ?? new Date());
  const outcome = await graph.write(async (tx) => {
    const existing = await tx.run(`MATCH (u:User {email: $email}) RETURN ${USER_PROJECTION} AS user`, { email });
    const row = existing.records[0];
    if (row) return toUser(row.get('user') as Record<string, unknown>);
    const allowed = await tx.run('MATCH (d:AllowedDomain {domain: $domain}) RETURN d.domain AS domain', { domain });
    if (allowed.records.length === 0) return null;
    // MERGE on the unique e-mail: a concurrent first sign-in of the same person finds this one.
    const created = await tx.run(
      `MERGE (u:User {email: $email})
       ON CREATE SET u.id = $id, u.name = $name, u.createdAt = $now, u.disabledAt = null
       RETURN ${USER_PROJECTION} AS user`,
      { email, id: newAccessId('usr'), name, now },
    );
    return toUser(created.records[0]!.get('user') as Record<string, unknown>);
  });
  if (!outcome) {
    throw new DomainError(
      'EMAIL_DOMAIN_NOT_ALLOWED',
      `le domaine « ${domain} » n'est pas autorisé : un administrateur doit l'ajouter avant votre première connexion`,
      {
        domain,
      },
    );
  }
  if (outcome.disabledAt !== null)
    throw new DomainError('FORBIDDEN', 'ce compte est désactivé : adressez-vous à un administrateur');
  return outcome;
}
