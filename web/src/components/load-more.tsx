import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from '@web/lib/use-paged-list';
import { LoadingText } from './loading-text';

/**
 * "Showing 20 of 42" and a Load more button under a paged list; nothing when the list fits on its
 * first page. When the last page is shown the button goes away, and keyboard focus moves to the
 * count instead of being lost.
 */
export function LoadMore<T>({ list, testId }: { list: PagedList<T>; testId?: string }) {
  const { t } = useTranslation();
  const countRef = useRef<HTMLParagraphElement>(null);
  const focusPending = useRef(false);
  const [paged, setPaged] = useState(false);
  const shown = list.items.length;

  useEffect(() => {
    if (focusPending.current && !list.hasMore && !list.loading) {
      focusPending.current = false;
      countRef.current?.focus();
    }
  }, [list.hasMore, list.loading]);

  if (!list.hasMore && !paged) {
    return null;
  }

  let count: string;
  if (list.serverHasMore) {
    count = t('lists.shown', { count: shown });
  } else if (list.hasMore) {
    count = t('lists.shownOf', { shown, total: list.loadedCount });
  } else {
    count = t('lists.shownAll', { count: shown });
  }

  const handleClick = () => {
    focusPending.current = true;
    setPaged(true);
    list.loadMore();
  };

  return (
    <Group gap="sm" data-testid={testId}>
      <Text size="sm" ref={countRef} tabIndex={-1} aria-live="polite" data-testid="load-more-count">
        {count}
      </Text>
      {list.loading && <LoadingText />}
      {list.hasMore && !list.loading && (
        <Button variant="default" onClick={handleClick}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
