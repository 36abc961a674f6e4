import { useState } from 'react';
import { useCursorList, type Page } from './use-cursor-list';

/** How many items a sub-list shows at first, and how many more each "Load more" adds. */
export const SUB_LIST_PAGE = 20;

export interface PagedList<T> {
  /** The items shown now, in display order. */
  items: T[];
  /** How many items are loaded (shown or not); the total when the server sent everything. */
  loadedCount: number;
  /** True while the server may have items not loaded yet (it sent a `nextCursor`). */
  serverHasMore: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Adds items created on this page (shown at once) at the start or the end. */
  add: (items: T[], where: 'start' | 'end') => void;
  /** Replaces items in place (after an edit) without refetching. */
  setItems: (update: (items: T[]) => T[]) => void;
}

/**
 * A list that shows `pageSize` items at a time with "Load more". Pages come from the server's
 * cursor when it sends one; a list the server sends whole (today's case sub-lists) is revealed a
 * page at a time, so a long history does not fill a phone. `order` sorts what is loaded before it
 * is cut into pages, so pages follow the order the list is shown in.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
  options: { pageSize?: number; order?: (items: T[]) => T[] } = {},
): PagedList<T> {
  const pageSize = options.pageSize ?? SUB_LIST_PAGE;
  const list = useCursorList(fetchPage);
  const [visible, setVisible] = useState(pageSize);
  const ordered = options.order ? options.order(list.items) : list.items;

  const loadMore = () => {
    const next = visible + pageSize;
    setVisible(next);
    if (list.items.length < next && list.hasMore) {
      list.loadMore();
    }
  };

  const add = (items: T[], where: 'start' | 'end') => {
    list.setItems((previous) =>
      where === 'start' ? [...items, ...previous] : [...previous, ...items],
    );
    setVisible((count) => count + items.length);
  };

  return {
    items: ordered.slice(0, visible),
    loadedCount: list.items.length,
    serverHasMore: list.hasMore,
    hasMore: list.items.length > visible || list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore,
    reload: list.reload,
    add,
    setItems: list.setItems,
  };
}

/**
 * `usePagedList` for items already in hand (for example a history that comes with another answer):
 * shows them `pageSize` at a time.
 */
export function useShownPages<T>(all: T[], pageSize = SUB_LIST_PAGE): PagedList<T> {
  const [visible, setVisible] = useState(pageSize);
  return {
    items: all.slice(0, visible),
    loadedCount: all.length,
    serverHasMore: false,
    hasMore: all.length > visible,
    loading: false,
    error: null,
    loadMore: () => setVisible((count) => count + pageSize),
    reload: () => setVisible(pageSize),
    add: (items) => setVisible((count) => count + items.length),
    setItems: () => undefined,
  };
}
