import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeLive, type LiveStatus } from './subscribe.ts';

// subscribeLive against a stubbed fetch: what ends a subscription for good, and what is retried.

const QUERY = 'subscription { projectLive(projectId: "prj-x") { kind } }';

/** Past the first retry delay (500 ms): a retried subscription has asked again by then. */
const PAST_FIRST_RETRY_MS = 1200;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stream(...events: string[]): Response {
  return new Response(events.join(''), { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function run(answer: () => Response) {
  const fetch = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetch);
  const statuses: LiveStatus[] = [];
  const subscription = subscribeLive(
    QUERY,
    () => ({}),
    vi.fn(),
    (status) => statuses.push(status),
  );
  return { fetch, statuses, subscription };
}

describe('subscribeLive', () => {
  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('navigator', { onLine: true });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes an HTTP 401 (a wall link revoked while its stream was down) as final: refused, never asked again', async () => {
    const { fetch, statuses, subscription } = run(
      () =>
        new Response(JSON.stringify({ errors: [{ message: 'révoqué', extensions: { code: 'UNAUTHENTICATED' } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    );
    await wait(PAST_FIRST_RETRY_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toEqual({ connected: false, refused: 'UNAUTHENTICATED' });
    // The network coming back does not reconnect a refused subscription.
    window.dispatchEvent(new Event('online'));
    await wait(50);
    expect(fetch).toHaveBeenCalledTimes(1);
    subscription.close();
  });

  it('takes a stream ending with UNAUTHENTICATED (revoked while connected) as final', async () => {
    const { fetch, statuses, subscription } = run(() =>
      stream(
        'event: next\ndata: {"data":{"projectLive":{"kind":"READY"}}}\n\n',
        'event: next\ndata: {"data":null,"errors":[{"message":"révoqué","extensions":{"code":"UNAUTHENTICATED"}}]}\n\n',
        'event: complete\ndata:\n\n',
      ),
    );
    await wait(PAST_FIRST_RETRY_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(statuses[0]).toEqual({ connected: true, refused: null });
    expect(statuses.at(-1)).toEqual({ connected: false, refused: 'UNAUTHENTICATED' });
    subscription.close();
  });

  it('retries what may pass: a 503, a stream that simply ends', async () => {
    const unavailable = run(() => new Response('{}', { status: 503 }));
    await wait(PAST_FIRST_RETRY_MS);
    unavailable.subscription.close();
    expect(unavailable.fetch.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(unavailable.statuses.every((status) => status.refused === null)).toBe(true);

    const ended = run(() =>
      stream('event: next\ndata: {"data":{"projectLive":{"kind":"READY"}}}\n\n', 'event: complete\ndata:\n\n'),
    );
    await wait(PAST_FIRST_RETRY_MS);
    ended.subscription.close();
    expect(ended.fetch.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(ended.statuses.every((status) => status.refused === null)).toBe(true);
  });
});
