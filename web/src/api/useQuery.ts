import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from './client.ts';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Runs a query when its variables change; keeps the previous data while the next loads. */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!skip);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  useEffect(() => {
    if (skip) return;
    const call = ++latest.current;
    setLoading(true);
    request<T>(query, JSON.parse(key) as Record<string, unknown>)
      .then((result) => {
        if (call !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (call !== latest.current) return;
        setError(e instanceof ApiError ? e : new ApiError(String(e), 'UNKNOWN'));
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
  }, [query, key, tick, skip]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
