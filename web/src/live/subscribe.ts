import { createClient, type Client } from 'graphql-sse';
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
 * Subscribes to `query`, calling `onData` with each event's data, reconnecting after a cut (or
 * after the server ends the stream, every 10 minutes) until `close()`. `onStatus` hears of
 * connections, cuts and refusals. The browser's `online` event reconnects at once.
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
        error: () => retry(),
        complete: () => {
          if (refused && FINAL.has(refused)) {
            onStatus({ connected: false, refused });
            return;
          }
          retry();
        },
      },
    );
    stop = () => {
      unsubscribe();
      client.dispose();
    };
  };
  const retry = () => {
    stop?.();
    stop = null;
    if (closed || timer) return;
    onStatus({ connected: false, refused: null });
    timer = setTimeout(connect, RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]);
    attempt += 1;
  };
  const online = () => {
    if (closed || !timer) return;
    clearTimeout(timer);
    connect();
  };
  window.addEventListener('online', online);
  connect();
  return {
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      window.removeEventListener('online', online);
      stop?.();
    },
  };
}
