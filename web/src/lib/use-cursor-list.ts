import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a cursor-paginated list (`{ items, nextCursor }` in the API). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  items: T[];
  /** True while the first page or the next page is being fetched. */
  loading: boolean;
  /** The error of the last fetch, if it failed. */
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces items in place (after an edit) without refetching. */
  setItems: (update: (items: T[]) => T[]) => void;
}

/**
 * Loads a cursor-paginated list and appends pages on "Load more". A new `fetchPage` (for example
 * after filters change) starts again from the first page; late answers of old requests are dropped.
 */
export function useCursorList<T>(
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(cursor, current.signal);
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (caught: unknown) {
        if (!current.signal.aborted) {
          setError(caught);
        }
      } finally {
        if (!current.signal.aborted) {
          setLoading(false);
        }
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void load(null);
    return () => controller.current?.abort();
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor),
    reload: () => void load(null),
    setItems,
  };
}
