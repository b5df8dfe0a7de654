import { createClient, NetworkError, type Client } from 'graphql-sse';
import { credentialHeaders, requestCredentials } from '../api/wallCredential.ts';

/**
 * GraphQL subscriptions over server-sent events (graphql-sse, distinct connections mode: one
 * POST per subscription, as graphql-yoga serves them). Reconnects by itself after a cut, with
 * the variables of the moment (`variables()` is read at each connection: a live map sends the
 * instant of the last state it applied, and the server replays what it missed).
 */

/** A client per connection: the credentials are the page's at that moment (a wall link opened later). */
function sseClient(): Client {
  return createClient({
    url: '/graphql',
    // The same credentials as every request (api/client.ts): the wall's Bearer, or the session
    // cookie with the CSRF header.
    headers: () => ({ 'x-trame-csrf': '1', ...credentialHeaders() }),
    credentials: requestCredentials(),
    // Reconnection is ours (below): graphql-sse would resend the first variables.
    retryAttempts: 0,
  });
}

export interface LiveStatus {
  /** Connected and listening. */
  connected: boolean;
  /** The server refused (a code such as FORBIDDEN, UNAUTHENTICATED): no more attempts. */
  refused: string | null;
}

export interface LiveSubscription {
  close(): void;
}

/** Delays between reconnection attempts (ms): quick at first, then every 10 s. */
const RETRY_DELAYS = [500, 1000, 2000, 5000, 10_000];

/** Error codes that will not change by retrying. */
const FINAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_ID']);

/**
 * The code of a connection refused for good, or null to retry: HTTP 401 is the server refusing
 * the credentials themselves (a wall link revoked or expired while the stream was down) —
 * asking again with them cannot help. Anything else (a cut, a 503) is worth another attempt.
 */
function refusalOf(error: unknown): string | null {
  return error instanceof NetworkError && error.response?.status === 401 ? 'UNAUTHENTICATED' : null;
}

/**
 * Subscribes to `query`, calling `onData` with each event's data, reconnecting after a cut (or
 * after the server ends the stream, every 10 minutes) until `close()` or a refusal: an error
 * code in FINAL (the last event of a stream whose credentials were revoked) or an HTTP 401
 * ends it for good. `onStatus` hears of connections, cuts and refusals. The browser's `online`
 * event reconnects at once.
 */
export function subscribeLive<T>(
  query: string,
  variables: () => Record<string, unknown>,
  onData: (data: T) => void,
  onStatus: (status: LiveStatus) => void = () => {},
): LiveSubscription {
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stop: (() => void) | null = null;

  const connect = () => {
    timer = null;
    if (closed) return;
    let refused: string | null = null;
    const client = sseClient();
    const unsubscribe = client.subscribe<T>(
      { query, variables: variables() },
      {
        next: (result) => {
          const error = result.errors?.[0] as { extensions?: { code?: unknown } } | undefined;
          if (error) {
            refused = String(error.extensions?.code ?? 'UNKNOWN');
            return;
          }
          attempt = 0;
          onStatus({ connected: true, refused: null });
          if (result.data) onData(result.data);
        },
        error: (error) => {
          const final = refusalOf(error);
          if (final) refuse(final);
          else retry();
        },
        complete: () => {
          // The server's last word: a refusal (a link revoked while connected ends its stream with UNAUTHENTICATED).
          if (refused && FINAL.has(refused)) refuse(refused);
          else retry();
        },
      },
    );
    stop = () => {
      unsubscribe();
      void client.dispose();
    };
  };
  /** Ends the current connection, if any (its callbacks may run meanwhile: `stop` is cleared first). */
  const drop = () => {
    const current = stop;
    stop = null;
    current?.();
  };
  /** No more attempts, not even when the network comes back: the server refused these credentials or this subscription. */
  const refuse = (code: string) => {
    end();
    onStatus({ connected: false, refused: code });
  };
  const retry = () => {
    drop();
    if (closed || timer || !navigator.onLine) return; // offline: `online` reconnects
    onStatus({ connected: false, refused: null });
    timer = setTimeout(connect, RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]);
    attempt += 1;
  };
  // Offline, a stream may stay open yet dead for minutes: drop it, and reconnect (catching up)
  // as soon as the network is back.
  const offline = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = null;
    drop();
    onStatus({ connected: false, refused: null });
  };
  const online = () => {
    if (closed || stop) return;
    if (timer) clearTimeout(timer);
    attempt = 0;
    connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  function end() {
    closed = true;
    if (timer) clearTimeout(timer);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    drop();
  }
  connect();
  return { close: end };
}
