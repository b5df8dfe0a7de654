/**
 * A GraphQL subscription over server-sent events, read the way graphql-sse's distinct
 * connections mode reads it (POST with `Accept: text/event-stream`), for tests against a
 * listening app: each `next` event's payload is queued; `next()` waits for the following one.
 */
export interface SseSubscription<T = Record<string, unknown>> {
  /** The next payload (`{data}` or `{errors}`), or throws after `timeoutMs` (default 5 s). */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Every payload received so far, as raw text (to assert that something never came). */
  raw(): string;
  /** Resolves once the server's first bytes arrived (the subscription is registered). */
  opened: Promise<void>;
  /** Resolves when the server ends the stream (not when `close()` aborts it). */
  ended: Promise<void>;
  close(): void;
}

export function subscribeSse<T = Record<string, unknown>>(
  base: string,
  secret: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  /** More request headers (a session cookie with its CSRF header, in place of `secret`). */
  headers: Record<string, string> = {},
): SseSubscription<T> {
  const controller = new AbortController();
  const queue: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  let text = '';
  let failure: Error | null = null;
  let markOpened: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    markOpened = resolve;
  });
  let markEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const push = (payload: unknown) => {
    const waiter = waiters.shift();
    if (waiter) waiter(payload);
    else queue.push(payload);
  };
  void (async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    markOpened();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        markEnded();
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        const lines = block.split('\n');
        const kind = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (kind === 'next' && data) {
          text += `${data}\n`;
          push(JSON.parse(data));
        }
        // A plain JSON answer (an error before the stream) has no event lines.
        if (!kind && block.trim().startsWith('{')) push(JSON.parse(block));
      }
      // A non-stream answer (JSON error) ends without a blank line.
      if (!response.headers.get('content-type')?.includes('event-stream') && buffer.trim().startsWith('{')) {
        try {
          push(JSON.parse(buffer));
          buffer = '';
        } catch {
          // incomplete: wait for more
        }
      }
    }
  })().catch((error: Error) => {
    markOpened();
    if (error.name !== 'AbortError') failure = error;
  });
  return {
    opened,
    ended,
    raw: () => text,
    close: () => controller.abort(),
    next: (timeoutMs = 5000) => {
      if (failure) return Promise.reject(failure);
      if (queue.length > 0) return Promise.resolve(queue.shift() as never);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(settle);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`no subscription event within ${timeoutMs} ms`));
        }, timeoutMs);
        const settle = (value: unknown) => {
          clearTimeout(timer);
          resolve(value as never);
        };
        waiters.push(settle);
      });
    },
  };
}
