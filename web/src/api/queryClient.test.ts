import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { createQueryClient, shouldRetryRead } from './queryClient.ts';

const error = (code: string) => new ApiError('x', code);

describe('shouldRetryRead', () => {
  it('tries a read again twice when the server or the network briefly failed', () => {
    expect(shouldRetryRead(1, error('SERVICE_UNAVAILABLE'))).toBe(true);
    expect(shouldRetryRead(2, error('NETWORK'))).toBe(true);
    expect(shouldRetryRead(3, error('SERVICE_UNAVAILABLE'))).toBe(false);
  });

  it('shows any other error at once', () => {
    for (const code of ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'BAD_RESPONSE'])
      expect(shouldRetryRead(1, error(code))).toBe(false);
  });

  it('retries a read that failed for a passing reason, and succeeds', async () => {
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 1 } });
    let calls = 0;
    const data = await client.fetchQuery({
      queryKey: ['passing'],
      queryFn: async () => {
        calls += 1;
        if (calls < 3) throw error('SERVICE_UNAVAILABLE');
        return 'read';
      },
      retry: client.getDefaultOptions().queries?.retry,
    });
    expect(data).toBe('read');
    expect(calls).toBe(3);
  });
});
