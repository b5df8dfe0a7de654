import { createHash } from 'node:crypto';
import { DomainError, type Principal } from '@trame/graph';
import type { LiveBus, RevocationNotice } from './bus.ts';

/**
 * Revoked credentials end their live subscriptions at once (ADR 0010): an SSE stream is
 * authorized when it opens and may stay open for minutes (FEED_LIFETIME_MS); revoking a wall
 * link or signing a session out publishes a RevocationNotice on the live bus, and every
 * process's feeds opened with those credentials end. The client's reconnection is then refused
 * by the access rules, as any request with those credentials is.
 */

/** How a session is named on the bus: a hash of its secret (Redis never sees the secret). */
export function sessionKey(sessionToken: string): string {
  return createHash('sha256').update(`trame-live-session:${sessionToken}`, 'utf8').digest('hex');
}

/** What a subscriber was authorized with, as far as revocation goes. */
export interface Credentials {
  principal: Principal;
  /** The session cookie's secret, when the subscription came with one. */
  sessionToken: string | null;
}

/** Whether `notice` revokes the credentials a subscription was opened with. */
export function revokes(notice: RevocationNotice, credentials: Credentials): boolean {
  const { principal, sessionToken } = credentials;
  if (principal.kind === 'wallLink' && notice.wallLinkIds.includes(principal.linkId)) return true;
  return sessionToken !== null && notice.sessionKeys.includes(sessionKey(sessionToken));
}

/**
 * The last event of a feed whose credentials were revoked: UNAUTHENTICATED, the code its
 * reconnection would get, so that the client stops at once. Names what ended, nothing more
 * (no link name, no project: the notice may reach a wall in a room).
 */
export function revokedError(credentials: Pick<Credentials, 'principal'>): DomainError {
  return credentials.principal.kind === 'wallLink'
    ? new DomainError(
        'UNAUTHENTICATED',
        'ce lien mural a été révoqué : demandez un nouveau lien à la personne qui pilote le projet',
      )
    : new DomainError('UNAUTHENTICATED', 'la session a été fermée : connectez-vous à nouveau');
}

/**
 * Calls `onRevoked` once when a notice revokes `credentials`. Subscribes at once (before the
 * feed's first read: a revocation in between is not missed). Returns `stop`, which ends the
 * watch and resolves when its subscription to the bus has ended. Anonymous and token
 * principals hold no revocable credentials here (tokens are checked at each connection).
 */
export function watchRevocation(
  bus: LiveBus,
  credentials: Credentials,
  onRevoked: () => void,
  log?: { warn(obj: unknown, msg: string): void },
): () => Promise<void> {
  const revocable = credentials.principal.kind === 'wallLink' || credentials.sessionToken !== null;
  if (!revocable) return async () => {};
  const notices = bus.revocations()[Symbol.asyncIterator]();
  const pump = (async () => {
    for (;;) {
      const next = await notices.next();
      if (next.done) return;
      if (revokes(next.value, credentials)) {
        onRevoked();
        return;
      }
    }
  })().catch((error: unknown) => log?.warn({ err: error }, 'live bus: revocation watch ended'));
  return async () => {
    await notices.return?.();
    await pump;
  };
}

/**
 * Announces a revocation once it holds: in a mutation operation, after its commit (a client
 * reconnecting at once must find it revoked); elsewhere (the sign-out route, committed already), now.
 */
export function announceRevocation(
  ctx: { live: LiveBus; mutation?: { afterCommit?: (() => void)[] } | null },
  notice: Partial<RevocationNotice>,
): void {
  const full: RevocationNotice = { wallLinkIds: notice.wallLinkIds ?? [], sessionKeys: notice.sessionKeys ?? [] };
  const publish = () => ctx.live.publishRevocation(full);
  if (ctx.mutation?.afterCommit) ctx.mutation.afterCommit.push(publish);
  else publish();
}
