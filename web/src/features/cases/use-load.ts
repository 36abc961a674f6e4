import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  setData: (update: (data: T | null) => T | null) => void;
}

/** Loads one resource; a new `fetcher` loads again, and late answers of old requests are dropped. */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    setError(null);
    try {
      const result = await fetcher(current.signal);
      if (!current.signal.aborted) {
        setData(result);
      }
    } catch (caught: unknown) {
      if (!current.signal.aborted) {
        setError(caught);
      }
    } finally {
      if (!current.signal.aborted) {
        setLoading(false);
      }
    }
  }, [fetcher]);

  useEffect(() => {
    void reload();
    return () => controller.current?.abort();
  }, [reload]);

  return { data, loading, error, reload, setData };
}
