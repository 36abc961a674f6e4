import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from './loading-text';

/** What a list footer needs of a list (`useCursorList` and `usePagedList` both give it). */
export interface FooterList {
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The one footer under a list: a count ("Showing 25 of 34"), "Loading…", Load more while there
 * is more, and Retry after a failed fetch. When the last page arrives after Load more, keyboard
 * focus moves to the count instead of being lost with the button.
 */
export function ListFooter(props: { list: FooterList; count?: string | null; testId?: string }) {
  const { t } = useTranslation();
  const { list } = props;
  const countRef = useRef<HTMLParagraphElement>(null);
  const focusPending = useRef(false);

  useEffect(() => {
    if (focusPending.current && !list.hasMore && !list.loading) {
      focusPending.current = false;
      countRef.current?.focus();
    }
  }, [list.hasMore, list.loading]);

  const handleMore = () => {
    focusPending.current = true;
    list.loadMore();
  };

  return (
    <Group gap="sm" data-testid={props.testId}>
      {props.count && (
        <Text
          size="sm"
          ref={countRef}
          tabIndex={-1}
          aria-live="polite"
          data-testid="load-more-count"
        >
          {props.count}
        </Text>
      )}
      {list.loading && <LoadingText />}
      {list.hasMore && !list.loading && list.error === null && (
        <Button variant="default" onClick={handleMore}>
          {t('common.loadMore')}
        </Button>
      )}
      {list.error !== null && !list.loading && (
        <Button variant="default" onClick={list.reload}>
          {t('common.retry')}
        </Button>
      )}
    </Group>
  );
}
