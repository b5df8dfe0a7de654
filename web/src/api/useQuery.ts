import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from './client.ts';

export interface QueryState<T> {
  data: T | null;
  /** The variables (and revision) `data` was fetched with, as a key. */
  dataKey: string | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a query when its variables (or `revision`) change; keeps the previous data while the next
 * loads.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false, revision: string | number = 0): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [dataKey, setDataKey] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!skip);
  const [tick, setTick] = useState(0);
  const key = `${JSON.stringify(variables)}#${revision}`;
  const json = JSON.stringify(variables);
  const latest = useRef(0);
  useEffect(() => {
    if (skip) return;
    const call = ++latest.current;
    setLoading(true);
    request<T>(query, JSON.parse(json) as Record<string, unknown>)
      .then((result) => {
        if (call !== latest.current) return;
        setData(result);
        setDataKey(key);
        setError(null);
      })
      .catch((e: unknown) => {
        if (call !== latest.current) return;
        setError(e instanceof ApiError ? e : new ApiError(String(e), 'UNKNOWN'));
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `json` is `key` without the revision
  }, [query, key, tick, skip]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, dataKey, error, loading, reload };
}
